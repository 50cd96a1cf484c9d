import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, open, poll, rule, summary, workspaceUri } from './helpers';

const defective = () => workspaceUri('postmortems', '2024-05-02-search-latency.md');

describe('diagnostics and quick fixes', () => {
  before(api);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('reports a defective postmortem with rule ids as codes, on the right lines', async () => {
    await open(defective());
    const ds = await diagnosticsFor(
      defective(),
      'findings in the defective file',
      (d) => d.length >= 4,
    );
    assert.deepEqual(summary(ds), [
      '20:required-section',
      '24:timeline-time',
      '38:action-owner',
      '5:severity-level',
    ]);
    const severity = ds.find((d) => rule(d) === 'severity-level')!;
    assert.equal(
      severity.message,
      "Severity 'sev-3' is not a configured level; did you mean 'SEV3'?",
    );
    assert.equal(severity.severity, vscode.DiagnosticSeverity.Error);
    // The link opens the rule reference at the rule's own section, not at line 1.
    assert.ok(typeof severity.code === 'object', 'the code is a link');
    const target = (severity.code as { target: vscode.Uri }).target;
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const reference = (
      await vscode.workspace.openTextDocument(target.with({ fragment: '' }))
    ).lineAt(line - 1).text;
    assert.equal(reference, '## severity-level');
  });

  it('honours rule levels from hindsight.json (preventive-action is off there)', async () => {
    await open(defective());
    const ds = await diagnosticsFor(defective(), 'findings', (d) => d.length >= 4);
    assert.ok(!ds.some((d) => rule(d) === 'preventive-action'));
  });

  it('fixes a severity typo with a preferred quick fix, undoable in one step', async () => {
    const editor = await open(defective());
    const before = editor.document.getText();
    const ds = await diagnosticsFor(defective(), 'severity finding', (d) =>
      d.some((x) => rule(x) === 'severity-level'),
    );
    const target = ds.find((d) => rule(d) === 'severity-level')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      defective(),
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === "Change to 'SEV3'");
    assert.ok(fix?.edit, 'a quick fix is offered');
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(4).text, 'severity: SEV3');
    await diagnosticsFor(
      defective(),
      'the severity finding to clear',
      (d) => !d.some((x) => rule(x) === 'severity-level') && d.length > 0,
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('inserts a missing section with its skeleton in the right place, and the finding clears', async () => {
    const editor = await open(defective());
    const ds = await diagnosticsFor(defective(), 'missing-section finding', (d) =>
      d.some((x) => rule(x) === 'required-section'),
    );
    const target = ds.find((d) => rule(d) === 'required-section')!;
    // Quick fixes come from the findings of the document's current version (the previous test ended
    // with an undo): wait until the lint worker has checked this version.
    const hindsight = await api();
    await poll('findings of the current version', () =>
      hindsight.findings.findingsFor(editor.document),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      defective(),
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === "Add section 'Impact'");
    assert.ok(fix?.edit && fix.command);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    // The cursor lands on the line after the new section's prompt, ready for writing.
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(
      editor.document.lineAt(editor.selection.active.line - 1).text,
      /^<!-- Who and what was affected/,
    );
    const text = editor.document.getText();
    assert.ok(
      text.indexOf('## Summary') < text.indexOf('## Impact') &&
        text.indexOf('## Impact') < text.indexOf('## Timeline'),
      'Impact sits between Summary and Timeline',
    );
    assert.match(text, /## Impact\n\n<!-- Who and what was affected/);
    const after = await diagnosticsFor(
      defective(),
      'required-section to clear',
      (d) => !d.some((x) => rule(x) === 'required-section'),
    );
    assert.ok(
      after.some((d) => rule(d) === 'empty-section'),
      'the new section is flagged as still empty',
    );
  });

  it('validates as you type', async () => {
    const editor = await open(defective());
    await diagnosticsFor(defective(), 'initial findings', (d) => d.length >= 4);
    await editor.edit((b) => b.replace(editor.document.lineAt(5).range, 'root_cause: netwrok'));
    const ds = await diagnosticsFor(defective(), 'the new category finding', (d) =>
      d.some((x) => rule(x) === 'root-cause-category'),
    );
    assert.equal(
      ds.find((d) => rule(d) === 'root-cause-category')!.message,
      "Root cause 'netwrok' is not in the taxonomy; did you mean 'network'?",
    );
  });

  it('leaves Markdown outside the postmortems folder alone', async () => {
    const readme = workspaceUri('postmortems', 'README.md');
    await open(readme);
    // Opening is validated at once; once a later file has its findings, README.md has been seen too.
    await open(defective());
    await diagnosticsFor(defective(), 'findings of a later file', (d) => d.length >= 4);
    assert.deepEqual(
      vscode.languages.getDiagnostics(readme).filter((d) => d.source === 'hindsight'),
      [],
    );
  });
});
