import * as vscode from 'vscode';
import { relatedPostmortems } from '@hindsight/core';
import type { LibraryIndex } from './library';
import type { Settings } from './settings';

/** Earlier postmortems related to a document: same root cause, shared services or tags. */
export async function relatedTo(
  document: vscode.TextDocument,
  index: LibraryIndex,
  settings: Settings,
) {
  const fc = settings.isPostmortem(document.uri);
  if (!fc) return [];
  // Only the front matter matters here; the outline parse skips the body (this runs per CodeLens
  // request), in the lint worker: a hostile body held the extension host for seconds here.
  const pm = await index.outline(document.getText(), fc.config);
  if (!pm) return [];
  const date = pm.meta.date ?? index.get(document.uri)?.date ?? '';
  // Past outages only: a postmortem dated after this one cannot have taught its writers anything.
  const all = index
    .list()
    .filter(
      (p) => p.uri.toString() !== document.uri.toString() && (!date || !p.date || p.date <= date),
    )
    .map((p) => ({ ...p, id: p.uri.toString() }));
  return relatedPostmortems({ id: document.uri.toString(), date, meta: pm.meta }, all, 20);
}

/** Lists related postmortems in a quick pick and opens the chosen one. */
export async function showRelated(
  index: LibraryIndex,
  settings: Settings,
  uri?: vscode.Uri,
): Promise<void> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document || !settings.isPostmortem(document.uri)) {
    void vscode.window.showInformationMessage('Open a postmortem to see related past outages.');
    return;
  }
  const related = await relatedTo(document, index, settings);
  if (!related.length) {
    void vscode.window.showInformationMessage(
      'No earlier postmortem shares a root cause, service or tag with this one.',
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    related.map((r) => ({
      label: r.entry.title,
      description: r.entry.date,
      detail: r.reasons.join('; '),
      uri: r.entry.uri,
    })),
    { title: 'Related past outages', matchOnDetail: true },
  );
  if (picked) await openAtSummary(picked.uri);
}

/** Opens a postmortem at its Summary (else its title), the place to start reading. */
export async function openAtSummary(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  let line = 0;
  for (let i = 0; i < document.lineCount; i++) {
    const text = document.lineAt(i).text;
    if (/^##\s+Summary\b/i.test(text)) {
      line = i;
      break;
    }
    if (!line && /^#\s/.test(text)) line = i;
  }
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(document, {
    preview: true,
    selection: new vscode.Selection(position, position),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
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

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.settings.isPostmortem(document.uri)) return [];
    const line = Array.from({ length: Math.min(document.lineCount, 200) }, (_, i) => i).find((i) =>
      /^root_cause\s*:/.test(document.lineAt(i).text),
    );
    if (line === undefined) return [];
    const related = await relatedTo(document, this.index, this.settings);
    const sameCause = related.filter((r) =>
      r.reasons.some((x) => x.startsWith('same root cause')),
    ).length;
    const title = related.length
      ? `${related.length} related postmortem${related.length === 1 ? '' : 's'}${sameCause ? ` (${sameCause} with the same root cause)` : ''}`
      : 'No related postmortems';
    return [
      new vscode.CodeLens(document.lineAt(line).range, {
        title,
        command: 'hindsight.showRelated',
        arguments: [document.uri],
      }),
    ];
  }
}

export function registerRelated(
  context: vscode.ExtensionContext,
  index: LibraryIndex,
  settings: Settings,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('hindsight.showRelated', (uri?: vscode.Uri) =>
      showRelated(index, settings, uri),
    ),
    vscode.languages.registerCodeLensProvider(
      { language: 'markdown' },
      new RelatedLens(index, settings),
    ),
  );
}
