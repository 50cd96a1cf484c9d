import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hostileCases } from '../../hostile-cases';
import {
  api,
  closeAll,
  diagnosticsFor,
  discard,
  open,
  poll,
  read,
  rule,
  waitFor,
  workspaceUri,
  write,
} from './helpers';

// The hostile inputs of issue 13 (test/hostile-cases.ts), generated here from a fixture postmortem:
// each holds one block that stalls a Markdown parser. The editor must say so at the block, as
// `hindsight lint` does, and keep answering meanwhile: the lint, the Action Items view's read, the
// related-postmortems CodeLens and the root-cause hint all parse in the lint worker.
describe('hostile postmortems in the editor', () => {
  let cases: ReturnType<typeof hostileCases> = [];
  before(async () => {
    await api();
    cases = hostileCases(await read(workspaceUri('postmortems', '2024-05-02-search-latency.md')));
  });
  after(closeAll);

  it('reports each refused block as a file-readable finding at its line while the host keeps answering', async () => {
    const hindsight = await api();
    assert.ok(cases.length >= 10, 'the hostile cases were generated');
    for (const c of cases) {
      const uri = workspaceUri('postmortems', `hostile-${c.name}.md`);
      await write(uri, c.text);
      try {
        const editor = await open(uri);
        // Asked while the file is being checked: a completion of the root_cause value.
        const rootCause = editor.document.getText().split('\n').indexOf('root_cause: code-defect');
        assert.ok(rootCause > 0, 'the generated file has its root_cause line');
        const completion = vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          new vscode.Position(rootCause, 'root_cause: '.length),
        );
        // Generous: VS Code's own Markdown extension holds the host for seconds on the 2 MB table.
        const diagnostics = await waitFor(
          `the findings of ${c.name}`,
          () => {
            const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'hindsight');
            return d.some((x) => rule(x) === 'file-readable') ? d : undefined;
          },
          vscode.languages.onDidChangeDiagnostics,
          120_000,
        );
        const finding = diagnostics.find((x) => rule(x) === 'file-readable')!;
        assert.match(
          finding.message,
          c.message,
          `${c.name}: the finding says why (it says "${finding.message}")`,
        );
        assert.equal(
          finding.range.start.line + 1,
          c.line,
          `${c.name}: the finding is at the block`,
        );
        assert.doesNotMatch(
          finding.message,
          /stopped checking/,
          `${c.name}: refused by the parse budget, not by the deadline`,
        );
        const labels = (await completion).items.map((i) =>
          typeof i.label === 'string' ? i.label : i.label.label,
        );
        assert.ok(labels.includes('config-change'), `${c.name}: the completion answered`);
        // The Action Items view reads the file too (its items after the hostile block).
        const entry = await poll(
          `${c.name} in the Action Items view`,
          () =>
            hindsight.library.get(uri)?.actions.length ? hindsight.library.get(uri) : undefined,
          120_000,
        );
        assert.equal(entry.title, 'Search latency spike');
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          uri,
        );
        assert.ok(
          lenses.some((l) => /related postmortem/i.test(l.command?.title ?? '')),
          `${c.name}: the related-postmortems CodeLens answered`,
        );
      } finally {
        await discard(uri);
      }
    }
  }).timeout(600_000);

  it('keeps the finding as the file is edited, in another section and in the refused paragraph', async () => {
    const hindsight = await api();
    const c = cases.find((x) => x.name === 'underscore-star-48k')!;
    const uri = workspaceUri('postmortems', `hostile-edited.md`);
    await write(uri, c.text);
    try {
      const editor = await open(uri);
      await diagnosticsFor(uri, 'the finding of the hostile file', (d) =>
        d.some((x) => rule(x) === 'file-readable'),
      );
      const timeline = editor.document.getText().split('\n').indexOf('## Timeline');
      assert.ok(timeline > c.line, 'the Timeline follows the hostile Summary');
      // Typing in the Timeline re-parses that section alone; typing in the paragraph, its section.
      for (const line of [timeline + 2, c.line - 1]) {
        const end = editor.document.lineAt(line).range.end;
        assert.ok(await editor.edit((e) => e.insert(end, ' x')), 'the edit applied');
        const findings = await poll(
          `the findings after typing on line ${line + 1}`,
          () => hindsight.findings.findingsFor(editor.document),
          120_000,
        );
        const finding = findings.find((f) => f.rule === 'file-readable');
        assert.ok(finding, `the finding is still there after typing on line ${line + 1}`);
        assert.equal(finding.range.start.line, c.line);
        assert.match(finding.message, /inline markers/);
      }
    } finally {
      await discard(uri);
    }
  }).timeout(600_000);
});
