import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, open, rule, today, workspaceUri, write } from './helpers';

describe('snippets', () => {
  before(api);
  afterEach(closeAll);

  it('inserts the full postmortem template with today\'s date and every section, with no errors', async () => {
    const uri = workspaceUri('postmortems', 'snippet-template.md');
    await write(uri, '');
    const editor = await open(uri);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Postmortem template' });
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^---\\ntitle: Short title of the incident\\ndate: ${today()}\\nstatus: draft\\nseverity: SEV1\\nroot_cause: config-change\\n`));
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Root Cause', '## Resolution', '## Action Items', '## Lessons Learned']) {
      assert.ok(text.includes(heading), heading);
    }
    const ds = await diagnosticsFor(uri, 'reminders on the new template', (d) => d.some((x) => rule(x) === 'empty-section'));
    assert.deepEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(uri);
  });

  it('inserts an action item with owner, due date and kind placeholders', async () => {
    const uri = workspaceUri('scratch-action.md');
    await write(uri, '');
    const editor = await open(uri);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Action item' });
    assert.equal(editor.document.getText(), `- [ ] What will be done @owner due:${today()} #prevent TRACKER-1`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(uri);
  });

  it('inserts a timeline entry at the current time', async () => {
    const uri = workspaceUri('scratch-timeline.md');
    await write(uri, '');
    const editor = await open(uri);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Timeline entry' });
    assert.match(editor.document.getText(), /^- \d{2}:\d{2} UTC What happened$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(uri);
  });
});
