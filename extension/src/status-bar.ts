import * as vscode from 'vscode';
import type { LibraryIndex } from './library';
import type { Settings } from './settings';

/** The first day of the month `months` before today (UTC), as YYYY-MM-DD. */
export function cutoffDate(months: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()))
    .toISOString()
    .slice(0, 10);
}

/**
 * Open and overdue action items at a glance; a click opens the Action Items view. Quiet by
 * default: overdue counts only items of recent postmortems (`hindsight.overdueMonths`), and
 * `hindsight.statusBar` counts every item, only the writer's own (`hindsight.me`), or hides it.
 */
export function registerStatusBar(
  context: vscode.ExtensionContext,
  index: LibraryIndex,
  settings: Settings,
): { item: vscode.StatusBarItem; visible: () => boolean } {
  let shown = false;
  const item = vscode.window.createStatusBarItem(
    'hindsight.actions',
    vscode.StatusBarAlignment.Left,
    50,
  );
  item.name = 'Hindsight action items';
  item.command = 'hindsight.actionItems.focus';
  const update = () => {
    const mode = settings.statusBar;
    const me = settings.me;
    if (mode === 'off' || (mode === 'mine' && !me)) {
      item.hide();
      shown = false;
      return;
    }
    const months = settings.overdueMonths;
    const since = months ? cutoffDate(months) : '';
    const entries = index.list();
    const actions = entries
      .flatMap((p) => p.actions.map((a) => ({ a, recent: !since || p.date >= since })))
      .filter(({ a }) => mode === 'all' || a.owner?.toLowerCase() === me);
    if (!actions.length) {
      item.hide();
      shown = false;
      return;
    }
    const open = actions.filter(({ a }) => !a.done && !a.cancelled).length;
    const done = actions.filter(({ a }) => a.done).length;
    const cancelled = actions.length - open - done;
    const overdue = actions.filter(({ a, recent }) => a.overdue && recent).length;
    const whose = mode === 'mine' ? `Your (@${me}) action items` : 'Postmortem action items';
    item.text = `$(checklist) ${open} open${overdue ? ` · $(warning) ${overdue} overdue` : ''}`;
    item.tooltip = `${whose}: ${open} open, ${overdue} overdue${months ? ` (postmortems of the last ${months} months)` : ''}, ${done} done${cancelled ? `, ${cancelled} cancelled` : ''}. Click to show them.`;
    item.backgroundColor = overdue
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
    item.show();
    shown = true;
  };
  context.subscriptions.push(
    item,
    index.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('hindsight')) update();
    }),
  );
  update();
  return { item, visible: () => shown };
}
