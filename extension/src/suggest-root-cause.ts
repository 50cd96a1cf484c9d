import * as vscode from 'vscode';
import {
  defaultConfig,
  parsePostmortem,
  rootCauseHint,
  type Config,
  type RootCauseHint,
} from '@hindsight/core';

/** Which configuration applies to a document; undefined when it is not a postmortem. */
export type ConfigFor = (uri: vscode.Uri) => Config | undefined;

/** The hint for a text (LintService.rootCauseHint reads it in the lint worker). */
export type HintOf = (text: string, config: Config) => Promise<RootCauseHint | undefined>;

/** On the host: for callers without a worker. It parses the whole document. */
const hintHere: HintOf = (text, config) =>
  Promise.resolve(rootCauseHint(parsePostmortem(text, { config }), config));

/** Front matter is at the top; a root_cause line further down is not one. */
const FRONT_MATTER_LINES = 200;

/** The hint for a document when the position is on its front-matter `root_cause` line. */
async function hintAt(
  document: vscode.TextDocument,
  line: number,
  configFor: ConfigFor,
  hintOf: HintOf,
): Promise<RootCauseHint | undefined> {
  if (line >= FRONT_MATTER_LINES || !/^root_cause[ \t]*:/.test(document.lineAt(line).text))
    return undefined;
  const config = configFor(document.uri);
  if (!config) return undefined;
  const version = document.version;
  const hint = await hintOf(document.getText(), config);
  // Its offsets are into the text that was read: an edit since then makes it stale.
  if (!hint || document.version !== version || document.positionAt(hint.start).line !== line)
    return undefined;
  return hint;
}

/** "Suggested: capacity — 'ran out of disk' line 40, …" on the `root_cause` field. */
class RootCauseHover implements vscode.HoverProvider {
  constructor(
    private readonly configFor: ConfigFor,
    private readonly hintOf: HintOf,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const hint = await hintAt(document, position.line, this.configFor, this.hintOf);
    if (!hint) return undefined;
    const text = new vscode.MarkdownString();
    text.appendText(hint.message);
    return new vscode.Hover(
      text,
      new vscode.Range(document.positionAt(hint.start), document.positionAt(hint.end)),
    );
  }
}

/** A quick fix that sets `root_cause` to the suggested category, as one undoable edit. */
class RootCauseFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly configFor: ConfigFor,
    private readonly hintOf: HintOf,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
  ): Promise<vscode.CodeAction[]> {
    const hint = await hintAt(document, range.start.line, this.configFor, this.hintOf);
    if (!hint?.fix) return [];
    const action = new vscode.CodeAction(hint.fix.title, vscode.CodeActionKind.QuickFix);
    const edit = new vscode.WorkspaceEdit();
    for (const e of hint.fix.edits)
      edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)),
        e.text,
      );
    action.edit = edit;
    return [action];
  }
}

/**
 * Registers the root-cause hover and quick fix on the `root_cause` front-matter field of Markdown
 * documents. `configFor` says which documents are postmortems and their configuration (the
 * extension's settings); without it every Markdown document with a `root_cause` field is read
 * with the default configuration. `hintOf` reads the hint (in the lint worker, so a costly
 * document never holds the extension host; on the host without it).
 */
export function registerRootCauseSuggestions(
  context: vscode.ExtensionContext,
  configFor: ConfigFor = () => defaultConfig,
  hintOf: HintOf = hintHere,
): void {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, new RootCauseHover(configFor, hintOf)),
    vscode.languages.registerCodeActionsProvider(selector, new RootCauseFix(configFor, hintOf), {
      providedCodeActionKinds: RootCauseFix.kinds,
    }),
  );
}
