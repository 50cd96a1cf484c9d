import * as vscode from 'vscode';
import { fixToEdit, ruleOf, toRange } from './convert';
import type { Findings } from './diagnostics';

/** Fixes that replace a guess with the value the writer almost certainly meant. */
const PREFERRED = new Set(['root-cause-category', 'severity-level', 'field-value', 'required-field']);

/**
 * Quick fixes for Hindsight's diagnostics: the edits come from the core's findings for the
 * document's current version, so they always apply to the document as it is.
 */
class FixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly findings: Findings) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === 'hindsight');
    if (!ours.length) return [];
    const findings = this.findings.findingsFor(document) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = findings.find(
        (f) => f.fix && f.rule === ruleOf(diagnostic) && toRange(document, f.range.start.offset, f.range.end.offset).isEqual(diagnostic.range) && f.message === diagnostic.message,
      );
      if (!finding?.fix) continue;
      const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = fixToEdit(document, finding.fix);
      action.isPreferred = PREFERRED.has(finding.rule);
      actions.push(action);
    }
    return actions;
  }
}

export function registerCodeActions(context: vscode.ExtensionContext, findings: Findings): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new FixProvider(findings), { providedCodeActionKinds: FixProvider.kinds }),
  );
}
