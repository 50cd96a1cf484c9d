import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Node } from '../../../extension/src/action-tree';
import { api, closeAll, poll, read, waitFor, workspaceUri } from './helpers';

const labels = (nodes: Node[]) => nodes.map((n) => (n.type === 'group' ? n.label : n.action.title));

describe('Action Items view and status bar', () => {
  before(api);
  after(async () => {
    (await api()).actionItems.setGrouping('postmortem');
    await closeAll();
  });

  it('lists every action item grouped by postmortem, with state, owner and due date', async () => {
    const { actionItems } = await api();
    actionItems.setGrouping('postmortem');
    const groups = actionItems.getChildren();
    assert.deepEqual(labels(groups), [
      'Search latency spike',
      'Checkout outage from an exhausted connection pool',
    ]);
    const search = actionItems.getChildren(groups[0]);
    assert.deepEqual(labels(search), [
      'Add a fuzz test for the query parser',
      'Alert on p99 search latency',
      'Roll back',
      'Review regex use in the parser',
    ]);
    const overdue = actionItems.getTreeItem(search[3]!);
    assert.equal(overdue.contextValue, 'actionItem.overdue');
    assert.match(String(overdue.description), /^@kim · due 2024-06-01 · #prevent · OVERDUE$/);
    assert.equal((overdue.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(actionItems.getTreeItem(search[2]!).contextValue, 'actionItem.done');
  });

  it('groups by owner and by status', async () => {
    const { actionItems } = await api();
    actionItems.setGrouping('owner');
    assert.deepEqual(labels(actionItems.getChildren()), [
      '@dana',
      '@kim',
      '@li',
      '@marco',
      'No owner',
    ]);
    actionItems.setGrouping('status');
    const byStatus = actionItems.getChildren();
    assert.deepEqual(labels(byStatus), ['Overdue', 'Open', 'Done']);
    assert.deepEqual(labels(actionItems.getChildren(byStatus[0])), [
      'Review regex use in the parser',
    ]);
  });

  it("opens the item's line when clicked", async () => {
    const { actionItems } = await api();
    actionItems.setGrouping('postmortem');
    const item = actionItems.getChildren(actionItems.getChildren()[0])[1]!;
    const treeItem = actionItems.getTreeItem(item);
    await vscode.commands.executeCommand(
      treeItem.command!.command,
      ...(treeItem.command!.arguments ?? []),
    );
    const editor = vscode.window.activeTextEditor!;
    assert.equal(
      editor.document.lineAt(editor.selection.start.line).text,
      '- [ ] Alert on p99 search latency due:2099-06-15 #detect',
    );
  });

  it('shows open and overdue counts in the status bar, overdue only for recent postmortems by default', async () => {
    const hindsight = await api();
    // The fixture postmortems are from 2024: older than the default six months, so not counted overdue.
    assert.equal(hindsight.statusBar.text, '$(checklist) 5 open');
    assert.equal(hindsight.statusBar.command, 'hindsight.actionItems.focus');
    const config = vscode.workspace.getConfiguration('hindsight');
    await config.update('overdueMonths', 0, vscode.ConfigurationTarget.Workspace);
    try {
      await poll(
        'overdue counted',
        () => hindsight.statusBar.text === '$(checklist) 5 open · $(warning) 1 overdue',
      );
    } finally {
      await config.update('overdueMonths', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('toggles an item done in the file and the view follows', async () => {
    const hindsight = await api();
    hindsight.actionItems.setGrouping('postmortem');
    const uri = workspaceUri('postmortems', '2024-05-02-search-latency.md');
    const target = hindsight.actionItems.getChildren(hindsight.actionItems.getChildren()[0])[3]!;
    const changed = waitFor(
      'the index to see the toggle',
      () => hindsight.library.get(uri)?.actions[3]?.done === true,
      hindsight.library.onDidChange,
    );
    assert.equal(await vscode.commands.executeCommand('hindsight.toggleActionItem', target), true);
    await changed;
    assert.match(
      await read(uri),
      /^- \[x\] Review regex use in the parser @kim due:2024-06-01 #prevent$/m,
    );
    assert.equal(hindsight.statusBar.text, '$(checklist) 4 open');
    // And back, so other suites see the original file.
    const again = hindsight.actionItems.getChildren(hindsight.actionItems.getChildren()[0])[3]!;
    const back = waitFor(
      'the index to see it reopened',
      () => hindsight.library.get(uri)?.actions[3]?.done === false,
      hindsight.library.onDidChange,
    );
    await vscode.commands.executeCommand('hindsight.toggleActionItem', again);
    await back;
    assert.match(await read(uri), /^- \[ \] Review regex use in the parser/m);
  });

  it('follows a file changed on disk while the view is open', async () => {
    const hindsight = await api();
    const uri = workspaceUri('postmortems', '2024-03-05-checkout-pool.md');
    const original = await read(uri);
    const updated = waitFor(
      'the new item',
      () =>
        hindsight.library
          .get(uri)
          ?.actions.some((a) => a.title === 'Document the pool sizing rule'),
      hindsight.library.onDidChange,
    );
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        original.replace(
          '## Lessons Learned',
          '- [ ] Document the pool sizing rule @dana due:2099-05-01 #process\n\n## Lessons Learned',
        ),
      ),
    );
    await updated;
    const restored = waitFor(
      'the item to go',
      () =>
        !hindsight.library
          .get(uri)
          ?.actions.some((a) => a.title === 'Document the pool sizing rule'),
      hindsight.library.onDidChange,
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    await restored;
  });

  it('shows an item that says it will not be done as cancelled, not open, after the open ones', async () => {
    const hindsight = await api();
    const { actionItems } = hindsight;
    const uri = workspaceUri('postmortems', '2024-03-05-checkout-pool.md');
    const original = await read(uri);
    const title = 'Split the pool per tenant';
    const cancelledIn = () =>
      hindsight.library.get(uri)?.actions.find((a) => a.text.startsWith(title));
    const updated = waitFor(
      'the cancelled item',
      () => cancelledIn()?.cancelled === true,
      hindsight.library.onDidChange,
    );
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        original.replace(
          '## Lessons Learned',
          `- ${title} @dana due:2024-01-01 — Won't do (the new limit covers it)\n\n## Lessons Learned`,
        ),
      ),
    );
    await updated;
    try {
      actionItems.setGrouping('status');
      const byStatus = actionItems.getChildren();
      assert.deepEqual(labels(byStatus), ['Overdue', 'Open', 'Done', 'Cancelled']);
      const node = actionItems.getChildren(byStatus[3])[0]!;
      const item = actionItems.getTreeItem(node);
      assert.equal(item.contextValue, 'actionItem.cancelled');
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
      // Past its due date, yet not overdue: it will not be done.
      assert.doesNotMatch(String(item.description), /OVERDUE/);
      assert.deepEqual(labels(actionItems.getChildren(byStatus[0])), [
        'Review regex use in the parser',
      ]);
    } finally {
      actionItems.setGrouping('postmortem');
      const restored = waitFor(
        'the item to go',
        () => cancelledIn() === undefined,
        hindsight.library.onDidChange,
      );
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
      await restored;
    }
  });
});
