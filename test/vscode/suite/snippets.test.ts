import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, open, rule, workspaceUri, write } from './helpers';

const utcClock = (d: Date) => d.toISOString().slice(11, 16);
/** Every UTC clock minute from `from` to `to` (a busy machine may take minutes between the two). */
const minutesFrom = (from: Date, to: Date) => {
  const minutes: string[] = [];
  for (let t = Math.floor(from.getTime() / 60_000) * 60_000; t <= to.getTime(); t += 60_000)
    minutes.push(utcClock(new Date(t)));
  return minutes;
};
const utcToday = () => new Date().toISOString().slice(0, 10);
const daysAhead = (n: number) =>
  new Date(Date.parse(`${utcToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = utcToday;

/** Inserts a snippet into a new empty file, hands its editor to `check`, then removes the file. */
async function withSnippet(
  file: vscode.Uri,
  name: string,
  check: (editor: vscode.TextEditor) => Promise<void> | void,
): Promise<void> {
  await write(file, '');
  const editor = await open(file);
  // Snippets that hold the time are built when inserted (hindsight.insertSnippet); the rest are static.
  const timed = [
    'Postmortem template',
    'Action item',
    'Timeline entry',
    'Timeline section',
    'Action Items section',
  ].includes(name);
  if (timed)
    assert.equal(await vscode.commands.executeCommand('hindsight.insertSnippet', { name }), true);
  else
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'markdown',
      name,
    });
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

  it("inserts the full postmortem template with today's date and every section, with no errors", async () => {
    // Not named *-template.md: template files are never checked as postmortems (core's isPostmortemFile).
    const uri = workspaceUri('postmortems', 'snippet-new-incident.md');
    await withSnippet(uri, 'Postmortem template', async (editor) => {
      const text = editor.document.getText();
      assert.match(
        text,
        new RegExp(
          `^---\\ntitle: Short title of the incident\\ndate: ${today()}\\nstatus: draft\\nseverity: SEV1\\nroot_cause: config-change\\n`,
        ),
      );
      for (const heading of [
        '## Summary',
        '## Impact',
        '## Timeline',
        '## Root Cause',
        '## Resolution',
        '## Action Items',
        '## Lessons Learned',
      ]) {
        assert.ok(text.includes(heading), heading);
      }
      const ds = await diagnosticsFor(uri, 'reminders on the new template', (d) =>
        d.some((x) => rule(x) === 'empty-section'),
      );
      // The one error: services, for the writer to fill in. Empty sections still holding their prompt are hints, not warnings.
      assert.deepEqual(
        ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message),
        ["Field 'services' is empty; expected the affected services."],
      );
      assert.ok(
        ds
          .filter((d) => rule(d) === 'empty-section')
          .every((d) => d.severity === vscode.DiagnosticSeverity.Information),
      );
    });
  });

  it('inserts an action item with owner, due date and kind placeholders', async () => {
    await withSnippet(workspaceUri('scratch-action.md'), 'Action item', (editor) => {
      assert.equal(
        editor.document.getText(),
        `- [ ] What will be done @owner due:${daysAhead(14)} #prevent TRACKER-1`,
      );
    });
  });

  it('inserts a timeline entry at the current UTC time, with the extension host in a non-UTC zone', async () => {
    // run.mjs starts VS Code with TZ=America/Los_Angeles: local time is not UTC here.
    assert.notEqual(
      new Date().getTimezoneOffset(),
      0,
      'the extension host runs in a non-UTC time zone',
    );
    const before = new Date();
    await withSnippet(workspaceUri('scratch-timeline.md'), 'Timeline entry', (editor) => {
      const minutes = minutesFrom(before, new Date());
      const m = /^- (\d{2}:\d{2}) UTC What happened$/.exec(editor.document.getText());
      assert.ok(m, editor.document.getText());
      assert.ok(
        minutes.includes(m[1]!),
        `${m[1]} is the UTC time (${minutes.join(', ')}), not local time`,
      );
    });
  });

  it('offers tl as a completion that writes UTC, and ai with a due date 14 days ahead', async () => {
    const file = workspaceUri('scratch-completion.md');
    await write(file, 'tl');
    const editor = await open(file);
    try {
      const asked = new Date();
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        file,
        new vscode.Position(0, 2),
      );
      const tl = list.items.find(
        (i) =>
          (typeof i.label === 'string' ? i.label : i.label.label) === 'tl' &&
          i.kind === vscode.CompletionItemKind.Snippet &&
          i.detail === 'Timeline entry',
      );
      assert.ok(tl, 'a tl completion is offered');
      const body = (tl.insertText as vscode.SnippetString).value;
      assert.match(
        body,
        new RegExp(`^- \\$\\{1:(${minutesFrom(asked, new Date()).join('|')})\\} UTC`),
      );
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, 0, 2), 'ai'));
      const ai = (
        await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          file,
          new vscode.Position(0, 2),
        )
      ).items.find((i) => i.detail === 'Action item');
      assert.ok(
        (ai?.insertText as vscode.SnippetString).value.includes(`due:\${3:${daysAhead(14)}}`),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.workspace.fs.delete(file);
    }
  });
});
