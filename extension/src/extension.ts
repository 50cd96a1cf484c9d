import * as vscode from 'vscode';
import { ActionTreeProvider, openActionItem, toggleActionItem, type ActionNode } from './action-tree';
import { registerCodeActions } from './code-actions';
import { setRulesDoc } from './convert';
import { registerDiagnostics } from './diagnostics';
import { registerFrontMatterAssist } from './front-matter';
import { LibraryIndex } from './library';
import { Logger } from './log';
import { newPostmortem, type NewPostmortemArgs } from './new-postmortem';
import { registerRelated } from './related';
import { registerSearchPostmortems } from './search-postmortems';
import { Settings } from './settings';
import { registerStatusBar } from './status-bar';

/** What the extension exposes to other extensions (and to its integration tests). */
export interface HindsightApi {
  actionItems: ActionTreeProvider;
  statusBar: vscode.StatusBarItem;
  library: LibraryIndex;
  log: Logger;
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): HindsightApi {
  const log = new Logger();
  const settings = new Settings(log);
  const library = new LibraryIndex(settings, log);
  context.subscriptions.push(log, settings, library);
  setRulesDoc(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));

  const ready = settings.reload().then(() => library.rescan());
  const findings = registerDiagnostics(context, settings, log);
  registerCodeActions(context, findings);
  registerFrontMatterAssist(context, settings);
  const actionItems = registerActionItems(context, library, settings);
  const statusBar = registerStatusBar(context, library);
  registerRelated(context, library, settings);
  registerSearchPostmortems(context, settings, log);
  context.subscriptions.push(
    vscode.commands.registerCommand('hindsight.newPostmortem', (args?: NewPostmortemArgs) => newPostmortem(settings, args)),
  );
  // Activation does not wait for the workspace scan: views fill in as it progresses.
  void ready.then(() => log.info(`Read ${library.list().length} postmortems.`));
  return { actionItems, statusBar, library, log, ready };
}

function registerActionItems(context: vscode.ExtensionContext, library: LibraryIndex, settings: Settings): ActionTreeProvider {
  const provider = new ActionTreeProvider(library);
  const view = vscode.window.createTreeView('hindsight.actionItems', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand('hindsight.refreshActionItems', () => library.rescan()),
    vscode.commands.registerCommand('hindsight.groupByPostmortem', () => provider.setGrouping('postmortem')),
    vscode.commands.registerCommand('hindsight.groupByOwner', () => provider.setGrouping('owner')),
    vscode.commands.registerCommand('hindsight.groupByStatus', () => provider.setGrouping('status')),
    vscode.commands.registerCommand('hindsight.openActionItem', (node: ActionNode) => openActionItem(node)),
    vscode.commands.registerCommand('hindsight.toggleActionItem', (node?: ActionNode) => {
      const target = node ?? (view.selection[0]?.type === 'action' ? view.selection[0] : undefined);
      return target ? toggleActionItem(target, settings) : false;
    }),
  );
  return provider;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
