import * as vscode from 'vscode';
import { parseOutline, relatedPostmortems } from '@hindsight/core';
import type { IndexedPostmortem, LibraryIndex } from './library';
import type { Settings } from './settings';

/** Earlier postmortems related to a document: same root cause, shared services or tags. */
export function relatedTo(document: vscode.TextDocument, index: LibraryIndex, settings: Settings) {
  const fc = settings.isPostmortem(document.uri);
  if (!fc) return [];
  // Only the front matter matters here; the outline parse skips the body (this runs per CodeLens request).
  const pm = parseOutline(document.getText(), { config: fc.config });
  const all = index.list().map((p) => ({ ...p, id: p.uri.toString() }));
  return relatedPostmortems({ id: document.uri.toString(), date: pm.meta.date ?? '', meta: pm.meta }, all, 20);
}

/** Lists related postmortems in a quick pick and opens the chosen one. */
export async function showRelated(index: LibraryIndex, settings: Settings, uri?: vscode.Uri): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !settings.isPostmortem(document.uri)) {
    void vscode.window.showInformationMessage('Open a postmortem to see related past outages.');
    return;
  }
  const related = relatedTo(document, index, settings);
  if (!related.length) {
    void vscode.window.showInformationMessage('No earlier postmortem shares a root cause, service or tag with this one.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    related.map((r) => ({ label: r.entry.title, description: r.entry.date, detail: r.reasons.join('; '), uri: r.entry.uri })),
    { title: 'Related past outages', matchOnDetail: true },
  );
  if (picked) await vscode.window.showTextDocument(picked.uri, { preview: true });
}

/** A CodeLens on the root_cause line: "N related postmortems". */
class RelatedLens implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly index: LibraryIndex,
    private readonly settings: Settings,
  ) {
    index.onDidChange(() => this.emitter.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.settings.isPostmortem(document.uri)) return [];
    const line = Array.from({ length: Math.min(document.lineCount, 200) }, (_, i) => i).find((i) => /^root_cause\s*:/.test(document.lineAt(i).text));
    if (line === undefined) return [];
    const related = relatedTo(document, this.index, this.settings);
    const sameCause = related.filter((r) => r.reasons.some((x) => x.startsWith('same root cause'))).length;
    const title = related.length
      ? `${related.length} related postmortem${related.length === 1 ? '' : 's'}${sameCause ? ` (${sameCause} with the same root cause)` : ''}`
      : 'No related postmortems';
    return [new vscode.CodeLens(document.lineAt(line).range, { title, command: 'hindsight.showRelated', arguments: [document.uri] })];
  }
}

export function registerRelated(context: vscode.ExtensionContext, index: LibraryIndex, settings: Settings): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('hindsight.showRelated', (uri?: vscode.Uri) => showRelated(index, settings, uri)),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new RelatedLens(index, settings)),
  );
}

