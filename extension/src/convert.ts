import * as vscode from 'vscode';
import type { Finding, Fix, TextEdit } from '@hindsight/core';

/** Where each rule is explained: the rule reference shipped inside the extension. */
let rulesDoc: vscode.Uri | undefined;
/** The line of each rule's section in the rule reference (1-based), so a link opens at it. */
let ruleLines = new Map<string, number>();
export async function setRulesDoc(uri: vscode.Uri): Promise<void> {
  rulesDoc = uri;
  try {
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r?\n/);
    ruleLines = new Map(
      lines.flatMap((l, i) =>
        /^## ([a-z-]+)\s*$/.exec(l) ? [[l.slice(3).trim(), i + 1] as [string, number]] : [],
      ),
    );
  } catch {
    ruleLines = new Map();
  }
}

/** The link of a rule: the reference opened at the rule's section (`#L<line>` selects it). */
export function ruleLink(rule: string): vscode.Uri | undefined {
  if (!rulesDoc) return undefined;
  const line = ruleLines.get(rule);
  return rulesDoc.with({ fragment: line ? `L${line}` : rule });
}

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Offsets of the core become positions of this very document. */
export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** A core finding as a VS Code diagnostic, with the rule id as its code and a link to its doc. */
export function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(document, finding.range.start.offset, finding.range.end.offset),
    finding.message,
    SEVERITY[finding.severity],
  );
  diagnostic.source = 'hindsight';
  const target = ruleLink(finding.rule);
  diagnostic.code = target ? { value: finding.rule, target } : finding.rule;
  return diagnostic;
}

/** The rule id of a diagnostic's code. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Core edits as one workspace edit (one undo step). */
export function toWorkspaceEdit(
  document: vscode.TextDocument,
  edits: readonly TextEdit[],
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(document, e.start, e.end), e.text);
  return edit;
}

export function fixToEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  return toWorkspaceEdit(document, fix.edits);
}
