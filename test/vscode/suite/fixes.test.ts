import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  closeAll,
  diagnosticsFor,
  discard,
  open,
  rule,
  summary,
  workspaceUri,
  write,
} from './helpers';
import { MESSY } from './messy';

const sample = (name: string) => workspaceUri('postmortems', name);

describe('validation and fixes', () => {
  before(api);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('reports services: [] as an error on its own line', async () => {
    const uri = sample('empty-services.md');
    await write(uri, MESSY);
    try {
      await open(uri);
      const ds = await diagnosticsFor(uri, 'the empty services finding', (d) =>
        d.some((x) => rule(x) === 'required-field'),
      );
      const services = ds.find((d) => rule(d) === 'required-field')!;
      assert.equal(services.range.start.line, 6);
      assert.equal(services.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(services.message, "Field 'services' is empty; expected the affected services.");
    } finally {
      await discard(uri);
    }
  });

  it('fixes every fixable finding with "Fix all Hindsight problems" in one undo step', async () => {
    const uri = sample('fix-all.md');
    await write(uri, MESSY);
    try {
      const editor = await open(uri);
      const before = await diagnosticsFor(uri, 'the findings', (d) =>
        summary(d).includes('24:timeline-order'),
      );
      assert.deepEqual(summary(before), [
        '24:timeline-order',
        '36:action-owner',
        '4:field-value',
        '5:severity-level',
        '6:root-cause-category',
        '7:required-field',
      ]);
      const fixed = await vscode.commands.executeCommand<number>('hindsight.fixAll', uri);
      assert.ok(fixed >= 4, `fixed ${fixed}`);
      const text = editor.document.getText();
      assert.match(text, /^severity: SEV2$/m);
      assert.match(text, /^root_cause: config-change$/m);
      assert.match(text, /^status: draft$/m);
      assert.match(
        text,
        /- 10:00 Cache flush starts\.\n- 10:02 Error alert fires\.\n- 10:12 Errors stop\./,
      );
      assert.match(text, /^- \[ \] Rate-limit the flush script due:2099-01-01 #prevent @owner$/m);
      // Left: what needs the writer (the services to name).
      const after = await diagnosticsFor(
        uri,
        'only unfixable findings left',
        (d) => !d.some((x) => rule(x) === 'timeline-order'),
      );
      assert.deepEqual(summary(after), ['7:required-field']);
      // One undo step restores everything.
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), MESSY);
    } finally {
      await discard(uri);
    }
  });

  it('offers fix-all as the source action source.fixAll.hindsight (for editor.codeActionsOnSave)', async () => {
    const uri = sample('fix-all-source.md');
    await write(uri, MESSY);
    try {
      await open(uri);
      await diagnosticsFor(uri, 'the findings', (d) => d.length >= 5);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(0, 0, 0, 0),
        'source.fixAll',
      );
      const all = actions.find((a) => a.kind?.value === 'source.fixAll.hindsight');
      assert.ok(all?.edit, 'a source fix-all action with an edit');
      assert.equal(all.title, 'Fix all Hindsight problems');
      assert.equal(all.edit.size, 1);
    } finally {
      await discard(uri);
    }
  });

  it('adds an @owner placeholder and selects it for typing', async () => {
    const uri = sample('owner.md');
    await write(uri, MESSY);
    try {
      const editor = await open(uri);
      const ds = await diagnosticsFor(uri, 'the owner finding', (d) =>
        d.some((x) => rule(x) === 'action-owner'),
      );
      const target = ds.find((d) => rule(d) === 'action-owner')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        target.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title === 'Add an owner placeholder (@owner)');
      assert.ok(fix?.edit && fix.command);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.equal(editor.document.getText(editor.selection), 'owner');
      assert.equal(
        editor.document.lineAt(editor.selection.start.line).text,
        '- [ ] Rate-limit the flush script due:2099-01-01 #prevent @owner',
      );
    } finally {
      await discard(uri);
    }
  });

  it('lets the writer pick a status from the list when the value is nothing like one', async () => {
    const uri = sample('status.md');
    await write(uri, MESSY.replace('status: drafted', 'status: whatever'));
    try {
      const editor = await open(uri);
      const ds = await diagnosticsFor(uri, 'the status finding', (d) =>
        d.some((x) => rule(x) === 'field-value'),
      );
      const target = ds.find((d) => rule(d) === 'field-value')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        target.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const choose = actions.find((a) => a.title === 'Choose a value…');
      assert.ok(choose?.command);
      const [docUri, version, choices] = choose.command.arguments as [
        vscode.Uri,
        number,
        { title: string }[],
      ];
      assert.deepEqual(
        choices.map((c) => c.title),
        [
          "Change status to 'draft'",
          "Change status to 'in-review'",
          "Change status to 'published'",
        ],
      );
      assert.equal(
        await vscode.commands.executeCommand(
          'hindsight.chooseFix',
          docUri,
          version,
          choices,
          "Change status to 'in-review'",
        ),
        true,
      );
      assert.equal(editor.document.lineAt(3).text, 'status: in-review');
    } finally {
      await discard(uri);
    }
  });

  it("puts the cursor inside the brackets of a list it adds, and on the line after an inserted section's prompt", async () => {
    const uri = sample('skeleton.md');
    await write(uri, MESSY.replace('services: []\n', ''));
    try {
      const editor = await open(uri);
      const ds = await diagnosticsFor(uri, 'the missing services', (d) =>
        d.some((x) => rule(x) === 'required-field'),
      );
      const target = ds.find((d) => rule(d) === 'required-field')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        target.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const add = actions.find((a) => a.title.startsWith("Add 'services'"));
      assert.ok(add?.edit && add.command);
      assert.ok(await vscode.workspace.applyEdit(add.edit));
      await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
      const line = editor.document.lineAt(editor.selection.active.line).text;
      assert.equal(line, 'services: []');
      assert.equal(editor.selection.active.character, 'services: ['.length);
    } finally {
      await discard(uri);
    }
  });
});
