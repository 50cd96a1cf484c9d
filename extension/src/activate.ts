import * as vscode from 'vscode';
import {
  ActionTreeProvider,
  FILTERS,
  openActionItem,
  toggleActionItem,
  type ActionNode,
  type Filter,
  type Grouping,
} from './action-tree';
import { registerCodeActions, setScratchLinter } from './code-actions';
import { setRulesDoc } from './convert';
import { registerDiagnostics, type Findings } from './diagnostics';
import { registerFrontMatterAssist } from './front-matter';
import { LibraryIndex } from './library';
import { LintService, type WorkerPort } from './lint-service';
import { Logger } from './log';
import { newPostmortem, type NewPostmortemArgs } from './new-postmortem';
import { registerQuickSuggestionsOffer } from './quick-suggestions';
import { registerRelated } from './related';
import { registerSearchPostmortems } from './search-postmortems';
import { Settings } from './settings';
import { registerSnippets } from './snippets';
import { registerStatusBar } from './status-bar';
import { registerRootCauseSuggestions } from './suggest-root-cause';
import { todayIso } from '@hindsight/core';

/** What the extension exposes to other extensions (and to its integration tests). */
export interface HindsightApi {
  actionItems: ActionTreeProvider;
  statusBar: vscode.StatusBarItem;
  /** Whether the status bar item is shown now (hindsight.statusBar: off hides it). */
  statusBarVisible(): boolean;
  library: LibraryIndex;
  findings: Findings;
  lint: LintService;
  log: Logger;
  ready: Promise<void>;
  /** Start-up figures in ms since activate() began: activation itself, the workspace scan, the first diagnostics; and from the first postmortem opened to its diagnostics. */
  timings: {
    activateMs?: number;
    scanMs?: number;
    firstDiagnosticMs?: number;
    openToDiagnosticMs?: number;
  };
}

/** Activation shared by the Node and the web worker entries; `spawn` starts a lint worker where the platform has one. */
export function activateWith(
  context: vscode.ExtensionContext,
  spawn: (() => WorkerPort | undefined) | undefined,
): HindsightApi {
  const started = performance.now();
  const timings: HindsightApi['timings'] = {};
  const log = new Logger();
  const settings = new Settings(log);
  const lint = new LintService(spawn);
  const library = new LibraryIndex(settings, log, (text, config, today) =>
    lint.outline(text, config, today),
  );
  context.subscriptions.push(log, settings, library, lint);
  void setRulesDoc(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));

  const ready = settings.reload().then(() => library.rescan());
  const findings = registerDiagnostics(context, settings, log, lint);
  void ready.then(() => {
    timings.scanMs = performance.now() - started;
    if (library.list().length) lint.warm();
  });
  let firstOpen: { uri: string; at: number } | undefined;
  const opened = (d: vscode.TextDocument) => {
    if (!firstOpen && settings.isPostmortem(d.uri))
      firstOpen = { uri: d.uri.toString(), at: performance.now() };
  };
  vscode.workspace.textDocuments.forEach(opened);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(opened),
    findings.onDidValidate((uri) => {
      timings.firstDiagnosticMs ??= performance.now() - started;
      if (firstOpen && timings.openToDiagnosticMs === undefined && uri.toString() === firstOpen.uri)
        timings.openToDiagnosticMs = performance.now() - firstOpen.at;
    }),
  );
  setScratchLinter(async (document, text) => {
    const fc = settings.isPostmortem(document.uri);
    if (!fc) return undefined;
    const outcome = await lint.lint(
      `fix-all:${document.uri.toString()}`,
      text,
      fc.config,
      todayIso(),
    );
    return 'findings' in outcome ? outcome.findings : undefined;
  });
  registerCodeActions(context, findings);
  registerFrontMatterAssist(context, settings);
  registerSnippets(context, settings);
  const actionItems = registerActionItems(context, library, settings);
  const statusBar = registerStatusBar(context, library, settings);
  registerRelated(context, library, settings);
  registerQuickSuggestionsOffer(context, settings);
  registerSearchPostmortems(context, settings, log);
  registerRootCauseSuggestions(
    context,
    (uri) => settings.isPostmortem(uri)?.config,
    (text, config) => lint.rootCauseHint(text, config),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('hindsight.newPostmortem', (args?: NewPostmortemArgs) =>
      newPostmortem(settings, args),
    ),
  );
  // Activation does not wait for the workspace scan: views fill in as it progresses.
  void ready.then(() =>
    log.info(
      `Read ${library.list().length} postmortems; linting ${lint.mode === 'worker' ? 'in a worker' : 'on the extension host'}.`,
    ),
  );
  timings.activateMs = performance.now() - started;
  return {
    actionItems,
    statusBar: statusBar.item,
    statusBarVisible: statusBar.visible,
    library,
    findings,
    lint,
    log,
    ready,
    timings,
  };
}

function registerActionItems(
  context: vscode.ExtensionContext,
  library: LibraryIndex,
  settings: Settings,
): ActionTreeProvider {
  const provider = new ActionTreeProvider(library, settings);
  const view = vscode.window.createTreeView('hindsight.actionItems', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  provider.onDidChangeOptions = () => {
    view.description = provider.describeFilters();
    // The description is not shown where the view fills its container alone: say it above the tree too.
    view.message = provider.describeFilters();
  };
  const grouping = (g: Grouping) => () => provider.setGrouping(g);
  const filter = (f: Filter) => () => {
    const on = !provider.activeFilters.includes(f);
    if (on && f === 'onlyMine' && !settings.me) {
      void vscode.window
        .showInformationMessage(
          'Set hindsight.me to your @name first, so Hindsight knows which items are yours.',
          'Open Settings',
        )
        .then((c) => {
          if (c)
            void vscode.commands.executeCommand('workbench.action.openSettings', 'hindsight.me');
        });
      return;
    }
    return provider.setFilter(f, on);
  };
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand('hindsight.refreshActionItems', () => library.rescan()),
    ...(['postmortem', 'owner', 'status'] as const).flatMap((g) => {
      const name = g.charAt(0).toUpperCase() + g.slice(1);
      // Each choice has a twin shown with a check mark while it is the current one.
      return [
        vscode.commands.registerCommand(`hindsight.groupBy${name}`, grouping(g)),
        vscode.commands.registerCommand(`hindsight.groupBy${name}.current`, grouping(g)),
      ];
    }),
    ...FILTERS.flatMap((f) => [
      vscode.commands.registerCommand(`hindsight.filter.${f}`, filter(f)),
      vscode.commands.registerCommand(`hindsight.filter.${f}.on`, filter(f)),
    ]),
    vscode.commands.registerCommand('hindsight.openActionItem', (node: ActionNode) =>
      openActionItem(node, settings, library.outline),
    ),
    vscode.commands.registerCommand('hindsight.toggleActionItem', (node?: ActionNode) => {
      const target = node ?? (view.selection[0]?.type === 'action' ? view.selection[0] : undefined);
      return target ? toggleActionItem(target, settings, library.outline) : false;
    }),
  );
  return provider;
}
