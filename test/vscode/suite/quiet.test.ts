import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionTreeProvider, Node } from '../../../extension/src/action-tree';

const labels = (tree: ActionTreeProvider, nodes: Node[]) =>
  nodes.map((n) => String(tree.getTreeItem(n).label));
import { api, poll, settled } from './helpers';

describe('quiet defaults: status bar setting, filters, labels', () => {
  before(async () => {
    await api();
    await settled();
  });
  after(async () => {
    const { actionItems } = await api();
    for (const f of actionItems.activeFilters) actionItems.setFilter(f, false);
    actionItems.setGrouping('postmortem');
    const config = vscode.workspace.getConfiguration('hindsight');
    await config.update('statusBar', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('me', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('hides the status bar item with hindsight.statusBar: off, and counts only mine with "mine"', async () => {
    const hindsight = await api();
    const config = vscode.workspace.getConfiguration('hindsight');
    assert.equal(hindsight.statusBarVisible(), true);
    await config.update('statusBar', 'off', vscode.ConfigurationTarget.Workspace);
    await poll('the status bar to hide', () => !hindsight.statusBarVisible());
    await config.update('me', 'kim', vscode.ConfigurationTarget.Workspace);
    await config.update('statusBar', 'mine', vscode.ConfigurationTarget.Workspace);
    await poll(
      "only kim's items",
      () => hindsight.statusBarVisible() && hindsight.statusBar.text === '$(checklist) 2 open',
    );
    assert.match(String(hindsight.statusBar.tooltip), /@kim/);
    await config.update('statusBar', undefined, vscode.ConfigurationTarget.Workspace);
    await poll(
      'the status bar back',
      () => hindsight.statusBarVisible() && hindsight.statusBar.text === '$(checklist) 5 open',
    );
  });

  it('filters the tree: hide done, only mine, overdue only, and says so in the view', async () => {
    const { actionItems } = await api();
    actionItems.setGrouping('status');
    assert.deepEqual(labels(actionItems, actionItems.getChildren()), [
      'Overdue · 1',
      'Open · 4',
      'Done · 3',
    ]);
    await vscode.commands.executeCommand('hindsight.filter.hideDone');
    assert.deepEqual(labels(actionItems, actionItems.getChildren()), ['Overdue · 1', 'Open · 4']);
    assert.equal(actionItems.describeFilters(), 'Filtered: done hidden');
    await vscode.commands.executeCommand('hindsight.filter.overdueOnly');
    assert.deepEqual(labels(actionItems, actionItems.getChildren()), ['Overdue · 1']);
    await vscode.commands.executeCommand('hindsight.filter.overdueOnly.on');
    await vscode.workspace
      .getConfiguration('hindsight')
      .update('me', 'dana', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('hindsight.filter.onlyMine');
    const mine = actionItems.getChildren();
    assert.deepEqual(labels(actionItems, mine), ['Open · 1']);
    assert.ok(
      actionItems
        .getChildren(mine[0])
        .every((n) => n.type === 'action' && n.action.owner === 'dana'),
    );
    assert.equal(actionItems.describeFilters(), 'Filtered: done hidden, mine only');
    await vscode.commands.executeCommand('hindsight.filter.onlyMine.on');
    await vscode.commands.executeCommand('hindsight.filter.hideDone.on');
    assert.equal(actionItems.describeFilters(), undefined);
  });

  it('labels groups naturally and marks the current grouping', async () => {
    const { actionItems } = await api();
    actionItems.setGrouping('postmortem');
    const groups = actionItems.getChildren();
    const search = actionItems.getTreeItem(groups[0]!);
    assert.equal(search.label, 'Search latency spike');
    assert.equal(search.description, '3 open · 1 overdue');
    await vscode.commands.executeCommand('hindsight.groupByOwner');
    assert.equal(actionItems.currentGrouping, 'owner');
    const marco = actionItems
      .getChildren()
      .find((g) => g.type === 'group' && g.label === '@marco')!;
    assert.equal(actionItems.getTreeItem(marco).description, 'all done');
  });

  it('shows a tracker key inside its parentheses in the item text', async () => {
    const { displayText } = await import('../../../extension/src/action-tree');
    const text = displayText({
      text: 'Write the decision record (decision record KV-91) @dana due:2099-01-01 #process',
      title: 'Write the decision record (decision record ) ',
    } as never);
    assert.equal(text, 'Write the decision record (decision record KV-91)');
  });
});
