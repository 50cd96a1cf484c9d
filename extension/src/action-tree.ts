import * as vscode from 'vscode';
import { ACTION_KINDS, defaultConfig, toggleEdit } from '@hindsight/core';
import { toRange } from './convert';
import type { IndexedAction, IndexedPostmortem, LibraryIndex, OutlineReader } from './library';
import type { Settings } from './settings';

export type Grouping = 'postmortem' | 'owner' | 'status';
export type Filter = 'hideDone' | 'onlyMine' | 'overdueOnly';
export const FILTERS: readonly Filter[] = ['hideDone', 'onlyMine', 'overdueOnly'];
const FILTER_WORDS: Record<Filter, string> = {
  hideDone: 'done hidden',
  onlyMine: 'mine only',
  overdueOnly: 'overdue only',
};

/** A node of the Action Items view. */
export type Node = { type: 'group'; key: string; label: string; items: ActionNode[] } | ActionNode;

export interface ActionNode {
  type: 'action';
  postmortem: IndexedPostmortem;
  action: IndexedAction;
}

const stateOf = (a: IndexedAction) =>
  a.done ? 'done' : a.cancelled ? 'cancelled' : a.overdue ? 'overdue' : 'open';

/**
 * The item's text as the writer wrote it, without the owner, due date and kind tokens the view
 * shows apart: a tracker key stays where it was, inside its parentheses.
 */
export function displayText(a: IndexedAction): string {
  const kinds = new RegExp(`(^|\\s)#(${ACTION_KINDS.join('|')})\\b`, 'gi');
  const text = a.text
    .replace(/(^|[\s(,;])@[\p{L}\p{N}][\p{L}\p{N}._-]*/gu, '$1')
    .replace(/\bdue:\s*\S+?(?=[\s,;)\]]|$)/gi, '')
    .replace(kinds, '$1')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([),;.])/g, '$1')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  return text || a.title || a.text;
}

/** Every action item of the workspace, grouped by postmortem, owner or status, with filters. */
export class ActionTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private grouping: Grouping = 'postmortem';
  private readonly filters = new Set<Filter>();
  private readonly subscription: vscode.Disposable;
  /** Called when grouping or filters change (the view's description shows them). */
  onDidChangeOptions: () => void = () => {};

  constructor(
    private readonly index: LibraryIndex,
    private readonly settings: Settings,
  ) {
    this.subscription = index.onDidChange(() => this.emitter.fire(undefined));
    void vscode.commands.executeCommand('setContext', 'hindsight.grouping', this.grouping);
    for (const f of FILTERS)
      void vscode.commands.executeCommand('setContext', `hindsight.filter.${f}`, false);
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  get activeFilters(): Filter[] {
    return FILTERS.filter((f) => this.filters.has(f));
  }

  /** A short description of the active filters, for the view's title bar. */
  describeFilters(): string | undefined {
    return this.filters.size
      ? `Filtered: ${this.activeFilters.map((f) => FILTER_WORDS[f]).join(', ')}`
      : undefined;
  }

  /** Resolves once the view's menu shows the new grouping checked (its context key reached the workbench). */
  async setGrouping(grouping: Grouping): Promise<void> {
    this.grouping = grouping;
    const shown = vscode.commands.executeCommand('setContext', 'hindsight.grouping', grouping);
    this.emitter.fire(undefined);
    this.onDidChangeOptions();
    await shown;
  }

  /** Resolves once the view's menu shows the filter's new state. */
  async setFilter(filter: Filter, on: boolean): Promise<void> {
    if (on) this.filters.add(filter);
    else this.filters.delete(filter);
    const shown = vscode.commands.executeCommand('setContext', `hindsight.filter.${filter}`, on);
    this.emitter.fire(undefined);
    this.onDidChangeOptions();
    await shown;
  }

  private actions(): ActionNode[] {
    const me = this.settings.me;
    return this.index
      .list()
      .flatMap((postmortem) =>
        postmortem.actions.map((action) => ({ type: 'action' as const, postmortem, action })),
      )
      .filter(({ action }) => {
        // A cancelled item is closed too: it goes with the done ones.
        if (this.filters.has('hideDone') && (action.done || action.cancelled)) return false;
        if (this.filters.has('overdueOnly') && !action.overdue) return false;
        if (this.filters.has('onlyMine') && (!me || action.owner?.toLowerCase() !== me))
          return false;
        return true;
      });
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.type === 'group' ? node.items : [];
    const all = this.actions();
    const byDue = (a: ActionNode, b: ActionNode) =>
      Number(a.action.done || !!a.action.cancelled) -
        Number(b.action.done || !!b.action.cancelled) ||
      (a.action.due ?? '9999').localeCompare(b.action.due ?? '9999');
    const groups = new Map<string, { label: string; items: ActionNode[] }>();
    const add = (key: string, label: string, item: ActionNode) => {
      const g = groups.get(key) ?? { label, items: [] };
      g.items.push(item);
      groups.set(key, g);
    };
    for (const item of all) {
      if (this.grouping === 'postmortem')
        add(item.postmortem.uri.toString(), item.postmortem.title, item);
      else if (this.grouping === 'owner')
        add(
          item.action.owner ?? '',
          item.action.owner ? `@${item.action.owner}` : 'No owner',
          item,
        );
      else {
        const state = stateOf(item.action);
        add(
          state,
          { overdue: 'Overdue', open: 'Open', done: 'Done', cancelled: 'Cancelled' }[state],
          item,
        );
      }
    }
    const order =
      this.grouping === 'status' ? ['overdue', 'open', 'done', 'cancelled'] : [...groups.keys()];
    if (this.grouping === 'owner')
      order.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    return order
      .filter((k) => groups.has(k))
      .map((key) => {
        const g = groups.get(key)!;
        return {
          type: 'group' as const,
          key,
          label: g.label,
          items: this.grouping === 'postmortem' ? g.items : g.items.sort(byDue),
        };
      });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const open = node.items.filter((i) => !i.action.done && !i.action.cancelled).length;
      const overdue = node.items.filter((i) => i.action.overdue).length;
      // Status groups say their count ("Overdue · 5"); others what is left to do ("2 open · 1 overdue", "all done", "nothing open" when some were cancelled).
      const label =
        this.grouping === 'status' ? `${node.label} · ${node.items.length}` : node.label;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      if (this.grouping !== 'status')
        item.description = open
          ? [`${open} open`, overdue ? `${overdue} overdue` : ''].filter(Boolean).join(' · ')
          : node.items.some((i) => i.action.cancelled && !i.action.done)
            ? 'nothing open'
            : 'all done';
      item.contextValue = `group.${this.grouping}`;
      item.id = `group:${this.grouping}:${node.key}`;
      if (this.grouping === 'postmortem') item.resourceUri = node.items[0]?.postmortem.uri;
      item.iconPath = new vscode.ThemeIcon(
        this.grouping === 'owner' ? 'person' : this.grouping === 'status' ? 'list-filter' : 'file',
      );
      return item;
    }
    const a = node.action;
    const state = stateOf(a);
    const text = displayText(a);
    const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    const parts = [
      a.owner ? `@${a.owner}` : 'no owner',
      a.due ? `due ${a.due}` : 'no due date',
      a.kind ? `#${a.kind}` : '',
      state === 'overdue' ? 'OVERDUE' : '',
    ];
    if (this.grouping !== 'postmortem') parts.push(node.postmortem.title);
    item.description = parts.filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      `**${escape(text)}**\n\n${escape(node.postmortem.title)}\n\nState: ${state} · Owner: ${a.owner ? `@${escape(a.owner)}` : '—'} · Due: ${a.due ?? '—'} · Kind: ${a.kind ?? '—'}${a.tracker ? ` · Tracker: ${escape(a.tracker)}` : ''}`,
    );
    item.iconPath =
      state === 'done'
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : state === 'overdue'
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'))
          : state === 'cancelled'
            ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'))
            : new vscode.ThemeIcon('circle-large-outline');
    item.contextValue = `actionItem.${state}`;
    item.command = { command: 'hindsight.openActionItem', title: 'Open', arguments: [node] };
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

/**
 * Finds the item a node shows in the document as it is now: by its anchor, which followed every
 * edit since the view read it. Refuses (with a message, resolving to undefined) when an edit
 * touched the item, its text differs, or its state is no longer the one the view showed.
 */
async function resolve(
  node: ActionNode,
  settings: Settings,
  outline: OutlineReader,
  verb: string,
): Promise<
  | {
      document: vscode.TextDocument;
      start: number;
      end: number;
      toggle?: { start: number; end: number; text: string };
    }
  | undefined
> {
  const name = displayText(node.action);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(node.postmortem.uri);
  } catch {
    void vscode.window.showWarningMessage(`Cannot ${verb} "${name}": its postmortem is gone.`);
    return undefined;
  }
  const { anchor } = node.action;
  const text = document.getText();
  if (anchor.changed || text.slice(anchor.start, anchor.end) !== anchor.raw) {
    void vscode.window.showWarningMessage(
      `Cannot ${verb} "${name}": the item changed or was removed since the view showed it. The view is up to date now; try again.`,
    );
    return undefined;
  }
  const fc = settings.isPostmortem(document.uri);
  // Read in the lint worker, so a costly document never holds the extension host.
  const version = document.version;
  const read = await outline(text, fc?.config ?? defaultConfig);
  if (document.version !== version || anchor.changed) {
    void vscode.window.showWarningMessage(
      `Cannot ${verb} "${name}": the file changed while Hindsight read it. Try again.`,
    );
    return undefined;
  }
  const current = read?.actions.find((a) => a.start === anchor.start && a.end === anchor.end);
  if (!current || current.done !== node.action.done) {
    void vscode.window.showWarningMessage(
      `Cannot ${verb} "${name}": it is ${current ? (current.done ? 'done' : 'open') : 'no longer an action item'} in the file, not ${node.action.done ? 'done' : 'open'} as the view showed. The view is up to date now; try again.`,
    );
    return undefined;
  }
  return { document, start: anchor.start, end: anchor.end, toggle: toggleEdit(current) };
}

/** Opens the postmortem with the item selected, wherever unsaved edits moved it. */
export async function openActionItem(
  node: ActionNode,
  settings: Settings,
  outline: OutlineReader,
): Promise<boolean> {
  const found = await resolve(node, settings, outline, 'open');
  if (!found) return false;
  const { document, start, end } = found;
  const range = toRange(document, start, end);
  await vscode.window.showTextDocument(document, {
    selection: new vscode.Selection(range.start, document.lineAt(range.start.line).range.end),
    preview: true,
  });
  return true;
}

/**
 * Flips the item the user saw between open and done: the checkbox or the Status cell. The item is
 * found by identity in the current text (unsaved edits included) and must still be in the state
 * shown; otherwise nothing is edited and a message says why. The edit is one undoable step; the
 * file is saved only if it had no unsaved changes. A failed edit or save is reported.
 */
export async function toggleActionItem(
  node: ActionNode,
  settings: Settings,
  outline: OutlineReader,
): Promise<boolean> {
  const found = await resolve(node, settings, outline, 'toggle');
  if (!found) return false;
  const { document, toggle } = found;
  const name = displayText(node.action);
  if (!toggle) {
    void vscode.window.showWarningMessage(
      `Cannot toggle "${name}": it has no checkbox or Status cell to change.`,
    );
    return false;
  }
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, toRange(document, toggle.start, toggle.end), toggle.text);
  let applied = false;
  try {
    applied = await vscode.workspace.applyEdit(workspaceEdit);
  } catch {
    applied = false;
  }
  if (!applied) {
    void vscode.window.showErrorMessage(
      `Could not change "${name}" in ${vscode.workspace.asRelativePath(document.uri)}: VS Code refused the edit (is the file read-only?).`,
    );
    return false;
  }
  if (!wasDirty && !(await document.save())) {
    void vscode.window.showErrorMessage(
      `"${name}" was changed but ${vscode.workspace.asRelativePath(document.uri)} could not be saved.`,
    );
  }
  return true;
}
