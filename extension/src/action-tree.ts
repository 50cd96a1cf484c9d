import * as vscode from 'vscode';
import { parsePostmortem, toggleEdit } from '@hindsight/core';
import { toRange } from './convert';
import type { IndexedPostmortem, LibraryIndex } from './library';
import type { Settings } from './settings';

export type Grouping = 'postmortem' | 'owner' | 'status';

/** A node of the Action Items view. */
export type Node =
  | { type: 'group'; key: string; label: string; items: ActionNode[] }
  | ActionNode;

export interface ActionNode {
  type: 'action';
  postmortem: IndexedPostmortem;
  action: IndexedPostmortem['actions'][number];
}

const stateOf = (a: ActionNode['action']) => (a.done ? 'done' : a.overdue ? 'overdue' : 'open');

/** Every action item of the workspace, grouped by postmortem, owner or status. */
export class ActionTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private grouping: Grouping = 'postmortem';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: LibraryIndex) {
    this.subscription = index.onDidChange(() => this.emitter.fire(undefined));
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'hindsight.grouping', grouping);
    this.emitter.fire(undefined);
  }

  private actions(): ActionNode[] {
    return this.index.list().flatMap((postmortem) => postmortem.actions.map((action) => ({ type: 'action' as const, postmortem, action })));
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.type === 'group' ? node.items : [];
    const all = this.actions();
    const byDue = (a: ActionNode, b: ActionNode) => Number(a.action.done) - Number(b.action.done) || (a.action.due ?? '9999').localeCompare(b.action.due ?? '9999');
    const groups = new Map<string, { label: string; items: ActionNode[] }>();
    const add = (key: string, label: string, item: ActionNode) => {
      const g = groups.get(key) ?? { label, items: [] };
      g.items.push(item);
      groups.set(key, g);
    };
    for (const item of all) {
      if (this.grouping === 'postmortem') add(item.postmortem.uri.toString(), item.postmortem.title, item);
      else if (this.grouping === 'owner') add(item.action.owner ?? '', item.action.owner ? `@${item.action.owner}` : 'No owner', item);
      else {
        const state = stateOf(item.action);
        add(state, { overdue: 'Overdue', open: 'Open', done: 'Done' }[state], item);
      }
    }
    const order = this.grouping === 'status' ? ['overdue', 'open', 'done'] : [...groups.keys()];
    if (this.grouping === 'owner') order.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    return order
      .filter((k) => groups.has(k))
      .map((key) => {
        const g = groups.get(key)!;
        return { type: 'group' as const, key, label: g.label, items: this.grouping === 'postmortem' ? g.items : g.items.sort(byDue) };
      });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const open = node.items.filter((i) => !i.action.done).length;
      const overdue = node.items.filter((i) => i.action.overdue).length;
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${open} open${overdue ? `, ${overdue} overdue` : ''}`;
      item.contextValue = `group.${this.grouping}`;
      if (this.grouping === 'postmortem') item.resourceUri = node.items[0]?.postmortem.uri;
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'owner' ? 'person' : this.grouping === 'status' ? 'list-filter' : 'file');
      return item;
    }
    const a = node.action;
    const state = stateOf(a);
    const item = new vscode.TreeItem(a.title || a.text, vscode.TreeItemCollapsibleState.None);
    const parts = [a.owner ? `@${a.owner}` : 'no owner', a.due ? `due ${a.due}` : 'no due date', a.kind ? `#${a.kind}` : '', state === 'overdue' ? 'OVERDUE' : ''];
    if (this.grouping !== 'postmortem') parts.push(node.postmortem.title);
    item.description = parts.filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      `**${escape(a.title || a.text)}**\n\n${escape(node.postmortem.title)}\n\nState: ${state} · Owner: ${a.owner ? `@${escape(a.owner)}` : '—'} · Due: ${a.due ?? '—'} · Kind: ${a.kind ?? '—'}${a.tracker ? ` · Tracker: ${escape(a.tracker)}` : ''}`,
    );
    item.iconPath =
      state === 'done'
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : state === 'overdue'
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'))
          : new vscode.ThemeIcon('circle-large-outline');
    item.contextValue = `actionItem.${state}`;
    item.command = { command: 'hindsight.openActionItem', title: 'Open', arguments: [node] };
    item.id = `${node.postmortem.uri.toString()}#${a.line}`;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Opens the postmortem with the item's line selected. */
export async function openActionItem(node: ActionNode): Promise<void> {
  const document = await vscode.workspace.openTextDocument(node.postmortem.uri);
  const line = document.lineAt(Math.min(node.action.line, document.lineCount - 1));
  await vscode.window.showTextDocument(document, { selection: line.range, preview: true });
}

/**
 * Flips an item between open and done in its file: the checkbox or the Status cell. The file is
 * re-read first, so an item that moved or changed on disk is found again or reported, never
 * mis-edited. The edit is one undoable step; the file is saved only if it had no unsaved changes.
 */
export async function toggleActionItem(node: ActionNode, settings: Settings): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(node.postmortem.uri);
  const fc = settings.isPostmortem(document.uri);
  const pm = parsePostmortem(document.getText(), fc ? { config: fc.config } : {});
  const candidates = pm.actions.filter((a) => a.text === node.action.text);
  const current = candidates.find((a) => pm.lines.position(a.start).line - 1 === node.action.line) ?? (candidates.length === 1 ? candidates[0] : undefined);
  const edit = current && toggleEdit(current);
  if (!current || !edit) {
    void vscode.window.showWarningMessage(`The action item "${node.action.title}" changed in the file; refresh the view and try again.`);
    return false;
  }
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, toRange(document, edit.start, edit.end), edit.text);
  const applied = await vscode.workspace.applyEdit(workspaceEdit);
  if (applied && !wasDirty) await document.save();
  return applied;
}
