import * as vscode from 'vscode';
import type { LibraryIndex } from './library';

/** Open and overdue action items at a glance; a click opens the Action Items view. */
export function registerStatusBar(context: vscode.ExtensionContext, index: LibraryIndex): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('hindsight.actions', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Hindsight action items';
  item.command = 'hindsight.actionItems.focus';
  const update = () => {
    const actions = index.list().flatMap((p) => p.actions);
    if (!actions.length) {
      item.hide();
      return;
    }
    const open = actions.filter((a) => !a.done).length;
    const overdue = actions.filter((a) => a.overdue).length;
    item.text = `$(checklist) ${open} open${overdue ? ` · $(warning) ${overdue} overdue` : ''}`;
    item.tooltip = `Postmortem action items: ${open} open, ${overdue} overdue, ${actions.length - open} done. Click to show them.`;
    item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(item, index.onDidChange(update));
  update();
  return item;
}
