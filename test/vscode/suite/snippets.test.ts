import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, open, rule, today, workspaceUri, write } from './helpers';

/** Inserts a snippet into a new empty file, hands its editor to `check`, then removes the file. */
async function withSnippet(file: vscode.Uri, name: string, check: (editor: vscode.TextEditor) => Promise<void> | void): Promise<void> {
  await write(file, '');
  const editor = await open(file);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
  try {
    await check(editor);
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(file);
  }
}

describe('snippets', () => {
  before(api);
  afterEach(closeAll);

  it('inserts the full postmortem template with today\'s date and every section, with no errors', async () => {
    const uri = workspaceUri('postmortems', 'snippet-template.md');
    await withSnippet(uri, 'Postmortem template', async (editor) => {
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^---\\ntitle: Short title of the incident\\ndate: ${today()}\\nstatus: draft\\nseverity: SEV1\\nroot_cause: config-change\\n`));
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Root Cause', '## Resolution', '## Action Items', '## Lessons Learned']) {
      assert.ok(text.includes(heading), heading);
    }
    const ds = await diagnosticsFor(uri, 'reminders on the new template', (d) => d.some((x) => rule(x) === 'empty-section'));
    assert.deepEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    });
  });

  it('inserts an action item with owner, due date and kind placeholders', async () => {
    await withSnippet(workspaceUri('scratch-action.md'), 'Action item', (editor) => {
      assert.equal(editor.document.getText(), `- [ ] What will be done @owner due:${today()} #prevent TRACKER-1`);
    });
  });

  it('inserts a timeline entry at the current time', async () => {
    await withSnippet(workspaceUri('scratch-timeline.md'), 'Timeline entry', (editor) => {
      assert.match(editor.document.getText(), /^- \d{2}:\d{2} UTC What happened$/);
    });
  });
});
