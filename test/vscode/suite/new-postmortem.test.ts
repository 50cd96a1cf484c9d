import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, read, workspaceUri, write } from './helpers';

describe('Hindsight: New Postmortem', () => {
  before(api);
  after(closeAll);

  it('writes a dated, slugged file from the template and opens it at the Summary prompt', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'hindsight.newPostmortem',
      {
        title: 'Login failures after cert rotation',
        severity: 'SEV2',
        rootCause: 'time',
        date: '2026-11-20',
      },
    );
    assert.ok(uri);
    assert.equal(
      uri.toString(),
      workspaceUri('postmortems', '2026-11-20-login-failures-after-cert-rotation.md').toString(),
    );
    const text = await read(uri);
    assert.match(
      text,
      /^---\ntitle: Login failures after cert rotation\ndate: 2026-11-20\nstatus: draft\nseverity: SEV2\nroot_cause: time\n/,
    );
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.lineAt(editor.selection.start.line - 2).text, '## Summary');
    assert.match(editor.document.getText(editor.selection), /^<!-- What happened/);
    // Later suites count the fixture's postmortems: leave none behind.
    await closeAll();
    await vscode.workspace.fs.delete(uri);
  });

  it('never overwrites an existing file', async () => {
    const uri = workspaceUri('postmortems', '2026-11-21-same-title.md');
    await write(uri, 'my own words');
    const result = await vscode.commands.executeCommand('hindsight.newPostmortem', {
      title: 'Same title',
      severity: 'SEV3',
      rootCause: 'unknown',
      date: '2026-11-21',
    });
    assert.equal(result, undefined);
    assert.equal(await read(uri), 'my own words');
    await vscode.workspace.fs.delete(uri);
  });
});
