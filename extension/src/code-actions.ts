import * as vscode from 'vscode';
import { applyFix, type Finding, type Fix, type TextEdit } from '@hindsight/core';
import { fixToEdit, ruleOf, toRange } from './convert';
import type { Findings } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('hindsight');

/**
 * Where the cursor goes after a fix, as offsets into the fixed text: the fix's own `select`, else
 * (for an inserted section skeleton) the line after its prompt, so the writer can type at once.
 */
export function selectionAfter(fix: Fix): { start: number; end: number } | undefined {
  if (fix.select) return fix.select;
  if (fix.edits.length !== 1) return undefined;
  const edit = fix.edits[0]!;
  const prompt = edit.text.indexOf('-->');
  if (prompt < 0 || !/\n/.test(edit.text.slice(prompt))) return undefined;
  const next = edit.text.indexOf('\n', prompt) + 1;
  return { start: edit.start + next, end: edit.start + next };
}

/** The command that puts the cursor where a fix says, once its edit is applied. */
function selectCommand(document: vscode.TextDocument, fix: Fix): vscode.Command | undefined {
  const select = selectionAfter(fix);
  return (
    select && {
      command: 'hindsight.selectAfterFix',
      title: 'Place the cursor',
      arguments: [document.uri, select.start, select.end],
    }
  );
}

/**
 * Quick fixes for Hindsight's diagnostics: the edits come from the core's findings for the
 * document's current version, so they always apply to the document as it is. A finding with
 * several possible values offers a pick list; a skeleton places the cursor inside.
 */
class FixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly findings: Findings) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const only = context.only;
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only))) {
      const edit = await fixAllEdit(document, this.findings);
      if (!edit) return [];
      const action = new vscode.CodeAction('Fix all Hindsight problems', FIX_ALL_KIND);
      action.edit = edit.edit;
      return [action];
    }
    const ours = context.diagnostics.filter((d) => d.source === 'hindsight');
    if (!ours.length) return [];
    const findings = this.findings.findingsFor(document) ?? [];
    const actions: vscode.CodeAction[] = [];
    let fixable = 0;
    for (const diagnostic of ours) {
      const finding = findings.find(
        (f) =>
          f.rule === ruleOf(diagnostic) &&
          toRange(document, f.range.start.offset, f.range.end.offset).isEqual(diagnostic.range) &&
          f.message === diagnostic.message,
      );
      if (!finding) continue;
      if (finding.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = fixToEdit(document, finding.fix);
        action.command = selectCommand(document, finding.fix);
        action.isPreferred = finding.fix.preferred === true;
        actions.push(action);
        fixable++;
      }
      if (finding.choices?.length) {
        const action = new vscode.CodeAction(
          `${finding.choices.length > 1 ? 'Choose a value' : finding.choices[0]!.title}…`,
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [diagnostic];
        action.command = {
          command: 'hindsight.chooseFix',
          title: action.title,
          arguments: [document.uri, document.version, finding.choices],
        };
        actions.push(action);
      }
      if (finding.skeleton) {
        const action = new vscode.CodeAction(
          finding.skeleton.title,
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [diagnostic];
        action.edit = fixToEdit(document, finding.skeleton);
        action.command = selectCommand(document, finding.skeleton);
        actions.push(action);
      }
    }
    if (fixable && findings.filter((f) => f.fix).length > 1) {
      const all = new vscode.CodeAction(
        'Fix all Hindsight problems',
        vscode.CodeActionKind.QuickFix,
      );
      all.command = { command: 'hindsight.fixAll', title: all.title, arguments: [document.uri] };
      actions.push(all);
    }
    return actions;
  }
}

/** Picks non-overlapping fixes (first come first served) and applies them. */
function applySome(text: string, fixes: Fix[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  // Edits that overlap or touch wait for the next round, when they are computed afresh.
  const conflict = (a: TextEdit, b: TextEdit) => a.start <= b.end && b.start <= a.end;
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => conflict(e, t)))) continue;
    taken.push(...fix.edits);
    chosen.push(fix);
  }
  if (!chosen.length) return { text, applied: 0 };
  return { text: applyFix(text, { title: 'all', edits: taken }), applied: chosen.length };
}

/**
 * Every fixable finding fixed, as one replacement of the document's text (one undo step): fixes
 * are applied in rounds, since fixing one finding can make another's offsets stale; choices and
 * skeletons (which need the writer) are left alone. Undefined when nothing is fixable.
 */
export async function fixAllText(
  document: vscode.TextDocument,
  findings: Findings,
  lintText: (text: string) => Promise<Finding[] | undefined>,
): Promise<{ text: string; fixed: number } | undefined> {
  let text = document.getText();
  let current = await findings.current(document);
  let fixed = 0;
  for (let round = 0; round < 10 && current; round++) {
    const { text: next, applied } = applySome(
      text,
      current.filter((f) => f.fix).map((f) => f.fix!),
    );
    if (!applied) break;
    fixed += applied;
    text = next;
    current = await lintText(text);
  }
  return fixed ? { text, fixed } : undefined;
}

let lintScratch:
  ((document: vscode.TextDocument, text: string) => Promise<Finding[] | undefined>) | undefined;
/** How fix-all lints the text between rounds (set at activation: the lint service). */
export function setScratchLinter(linter: typeof lintScratch): void {
  lintScratch = linter;
}

/** The fix-all edit: one replacement of the changed middle of the document. */
async function fixAllEdit(
  document: vscode.TextDocument,
  findings: Findings,
): Promise<{ edit: vscode.WorkspaceEdit; fixed: number } | undefined> {
  const result = await fixAllText(
    document,
    findings,
    (text) => lintScratch?.(document, text) ?? Promise.resolve(undefined),
  );
  if (!result) return undefined;
  const before = document.getText();
  let start = 0;
  while (
    start < before.length &&
    start < result.text.length &&
    before[start] === result.text[start]
  )
    start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < result.text.length - start &&
    before[before.length - 1 - end] === result.text[result.text.length - 1 - end]
  )
    end++;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    toRange(document, start, before.length - end),
    result.text.slice(start, result.text.length - end),
  );
  return { edit, fixed: result.fixed };
}

/** Runs fix-all on a document (the command): one undo step; says how many were fixed. */
export async function fixAll(findings: Findings, uri?: vscode.Uri): Promise<number> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document) return 0;
  const version = document.version;
  const result = await fixAllEdit(document, findings);
  if (!result) {
    void vscode.window.showInformationMessage(
      'Hindsight found nothing it can fix on its own in this file.',
    );
    return 0;
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage(
      'The file changed while Hindsight was preparing its fixes; nothing was changed. Try again.',
    );
    return 0;
  }
  if (!(await vscode.workspace.applyEdit(result.edit))) {
    void vscode.window.showErrorMessage(
      `Could not apply Hindsight's fixes to ${vscode.workspace.asRelativePath(document.uri)}.`,
    );
    return 0;
  }
  return result.fixed;
}

export function registerCodeActions(context: vscode.ExtensionContext, findings: Findings): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      new FixProvider(findings),
      { providedCodeActionKinds: FixProvider.kinds },
    ),
    vscode.commands.registerCommand('hindsight.fixAll', (uri?: vscode.Uri) =>
      fixAll(findings, uri),
    ),
    vscode.commands.registerCommand(
      'hindsight.selectAfterFix',
      (uri: vscode.Uri, start: number, end: number) => {
        const editor = vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.toString() === uri.toString(),
        );
        if (!editor) return;
        editor.selection = new vscode.Selection(
          editor.document.positionAt(start),
          editor.document.positionAt(end),
        );
        editor.revealRange(editor.selection);
      },
    ),
    vscode.commands.registerCommand(
      'hindsight.chooseFix',
      async (uri: vscode.Uri, version: number, choices: Fix[], pick?: string) => {
        const document = await vscode.workspace.openTextDocument(uri);
        const chosen = pick
          ? choices.find((c) => c.title === pick)
          : (
              await vscode.window.showQuickPick(
                choices.map((c) => ({ label: c.title, fix: c })),
                { title: 'Hindsight: choose a value' },
              )
            )?.fix;
        if (!chosen) return false;
        if (document.version !== version) {
          void vscode.window.showWarningMessage(
            'The file changed since the fix was offered; nothing was changed. Try the fix again.',
          );
          return false;
        }
        const applied = await vscode.workspace.applyEdit(fixToEdit(document, chosen));
        if (!applied) void vscode.window.showErrorMessage('Could not apply the fix.');
        return applied;
      },
    ),
  );
}
