import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionNode, Node } from '../../../extension/src/action-tree';
import { api, closeAll, open, poll, read, settled, waitFor, workspaceUri, write } from './helpers';

const file = () => workspaceUri('postmortems', '2024-05-02-search-latency.md');
const items = (nodes: Node[]) => nodes.filter((n): n is ActionNode => n.type === 'action');

/** The view's node of an item of the search postmortem, by its title. */
async function node(title: string): Promise<ActionNode> {
  const { actionItems } = await api();
  await settled();
  actionItems.setGrouping('postmortem');
  const group = actionItems
    .getChildren()
    .find((g) => g.type === 'group' && g.label === 'Search latency spike')!;
  const found = items(actionItems.getChildren(group)).find((n) => n.action.title === title);
  assert.ok(found, title);
  return found;
}

/**
 * Resolves once every open copy of the search postmortem shows `text`. VS Code reloads a document
 * still open from its file a moment after the file changes (much later on a busy machine), and an
 * edit made meanwhile is refused (editor.edit gives false).
 */
function showsFixture(text: string): Promise<unknown> {
  return poll('the open document to show the file on disk', () =>
    vscode.workspace.textDocuments
      .filter((d) => d.uri.toString() === file().toString())
      .every((d) => d.getText() === text),
  );
}

describe('the Action Items view with unsaved edits', () => {
  let original = '';
  before(async () => {
    await api();
    original = await read(file());
    await showsFixture(original);
  });
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAll();
    // A toggle of a saved file saves it: put the fixture back for the next test.
    if ((await read(file())) !== original) await write(file(), original);
    await showsFixture(original);
  });

  it('jumps to the right item after unsaved lines were added above it', async () => {
    const editor = await open(file());
    const target = await node('Alert on p99 search latency');
    // Two unsaved lines above the action items, inserted after the view was built.
    const summary = editor.document.getText().indexOf('Search was slow');
    assert.ok(
      await editor.edit((b) =>
        b.insert(editor.document.positionAt(summary), 'A first unsaved line.\n\nA second one.\n\n'),
      ),
      'the edit applied',
    );
    assert.ok(editor.document.isDirty);
    await vscode.commands.executeCommand('hindsight.openActionItem', target);
    const active = vscode.window.activeTextEditor!;
    assert.equal(
      active.document.lineAt(active.selection.start.line).text,
      '- [ ] Alert on p99 search latency due:2099-06-15 #detect',
    );
  });

  it('toggles the right item after unsaved edits above it, and the view and status bar follow before any save', async () => {
    const hindsight = await api();
    const editor = await open(file());
    const target = await node('Review regex use in the parser');
    const summary = editor.document.getText().indexOf('Search was slow');
    assert.ok(
      await editor.edit((b) =>
        b.insert(editor.document.positionAt(summary), 'Unsaved line one.\nUnsaved line two.\n\n'),
      ),
      'the edit applied',
    );
    assert.equal(await vscode.commands.executeCommand('hindsight.toggleActionItem', target), true);
    const text = editor.document.getText();
    assert.match(text, /^- \[x\] Review regex use in the parser @kim/m);
    assert.match(text, /^- \[ \] Alert on p99 search latency/m, 'the item next to it is untouched');
    assert.match(text, /^- \[ \] Add a fuzz test/m);
    assert.ok(editor.document.isDirty, "a dirty file is not saved behind the writer's back");
    // The view follows the unsaved text (after its short pause), not the file on disk.
    await waitFor(
      'the view to see the unsaved toggle',
      () =>
        hindsight.library
          .get(file())
          ?.actions.find((a) => a.title === 'Review regex use in the parser')?.done === true,
      hindsight.library.onDidChange,
    );
    assert.equal(hindsight.statusBar.text, '$(checklist) 4 open');
    assert.match(
      await read(file()),
      /^- \[ \] Review regex use in the parser/m,
      'the file on disk is unchanged',
    );
  });

  it('refuses to toggle an item from a view older than its current state, and says why', async () => {
    const hindsight = await api();
    await open(file());
    const seen = await node('Add a fuzz test for the query parser');
    assert.equal(seen.action.done, false);
    assert.equal(await vscode.commands.executeCommand('hindsight.toggleActionItem', seen), true);
    await waitFor(
      'the view to refresh',
      () => hindsight.library.get(file())?.actions[0]?.done === true,
      hindsight.library.onDidChange,
    );
    // The same (now stale) node again: the item is done, not open as that node showed. Nothing is edited.
    const before = vscode.window.activeTextEditor!.document.getText();
    assert.equal(await vscode.commands.executeCommand('hindsight.toggleActionItem', seen), false);
    assert.equal(vscode.window.activeTextEditor!.document.getText(), before);
  });

  it('refuses to act on an item whose text was edited since the view showed it', async () => {
    const editor = await open(file());
    const target = await node('Roll back');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- [x] Roll back'));
    assert.ok(
      await editor.edit((b) =>
        b.insert(new vscode.Position(line, '- [x] Roll back'.length), ' everything'),
      ),
      'the edit applied',
    );
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('hindsight.toggleActionItem', target), false);
    assert.equal(await vscode.commands.executeCommand('hindsight.openActionItem', target), false);
    assert.equal(editor.document.getText(), before);
  });

  it('tells two items with the same text apart', async () => {
    const hindsight = await api();
    const editor = await open(file());
    // A second item with exactly the same text, above the first.
    const at = editor.document.getText().indexOf('- [ ] Add a fuzz test');
    assert.ok(
      await editor.edit((b) =>
        b.insert(
          editor.document.positionAt(at),
          '- [ ] Review regex use in the parser @kim due:2024-06-01 #prevent\n',
        ),
      ),
      'the edit applied',
    );
    await waitFor(
      'both twins in the view',
      () =>
        (hindsight.library
          .get(file())
          ?.actions.filter((a) => a.title === 'Review regex use in the parser').length ?? 0) === 2,
      hindsight.library.onDidChange,
    );
    const { actionItems } = hindsight;
    const group = actionItems
      .getChildren()
      .find((g) => g.type === 'group' && g.label === 'Search latency spike')!;
    const twins = items(actionItems.getChildren(group)).filter(
      (n) => n.action.title === 'Review regex use in the parser',
    );
    // Toggle the second (the original, lower one): only it changes.
    assert.equal(
      await vscode.commands.executeCommand('hindsight.toggleActionItem', twins[1]),
      true,
    );
    const lines = editor.document
      .getText()
      .split('\n')
      .filter((l) => l.includes('Review regex use in the parser'));
    assert.deepEqual(
      lines.map((l) => l.slice(0, 5)),
      ['- [ ]', '- [x]'],
    );
  });
});
