import * as vscode from 'vscode';
import { IncrementalParser, lintPostmortem, type Finding } from '@hindsight/core';
import { toDiagnostic } from './convert';
import type { Logger } from './log';
import type { Settings } from './settings';

const DEBOUNCE_MS = 250;

/** The findings of each open postmortem, for the version of the document they were computed on. */
export interface Findings {
  /** Findings for the document as it is now: reused when its version was already linted. */
  findingsFor(document: vscode.TextDocument): Finding[] | undefined;
}

/**
 * Validates postmortems on open, as you type (debounced) and on save, and clears their
 * diagnostics when they close or stop being postmortems. Quick fixes read the same findings, so a
 * document is linted once per version, not again on every code-action request.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, settings: Settings, log: Logger): Findings {
  const collection = vscode.languages.createDiagnosticCollection('hindsight');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // One incremental parser per open postmortem: an edit re-parses only the section it touches.
  const parsers = new Map<string, IncrementalParser>();
  const latest = new Map<string, { version: number; findings: Finding[] }>();

  const findingsFor = (document: vscode.TextDocument): Finding[] | undefined => {
    const key = document.uri.toString();
    const fc = settings.enabled ? settings.isPostmortem(document.uri) : undefined;
    if (!fc) {
      parsers.delete(key);
      latest.delete(key);
      return undefined;
    }
    const cached = latest.get(key);
    if (cached?.version === document.version) return cached.findings;
    let parser = parsers.get(key);
    if (!parser) parsers.set(key, (parser = new IncrementalParser({ config: fc.config })));
    const findings = lintPostmortem(parser.parse(document.getText()), { config: fc.config }).findings;
    latest.set(key, { version: document.version, findings });
    return findings;
  };

  const validate = (document: vscode.TextDocument) => {
    try {
      const findings = findingsFor(document);
      if (!findings) {
        collection.delete(document.uri);
        return;
      }
      collection.set(document.uri, findings.map((f) => toDiagnostic(document, f)));
    } catch (e) {
      log.error(`Hindsight could not validate ${vscode.workspace.asRelativePath(document.uri)}.`, e);
    }
  };
  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        validate(document);
      }, DEBOUNCE_MS),
    );
  };
  const validateOpen = () => vscode.workspace.textDocuments.forEach(validate);

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(validate),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (settings.validateOnType && e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument(validate),
    vscode.workspace.onDidCloseTextDocument((d) => {
      clearTimeout(timers.get(d.uri.toString()));
      parsers.delete(d.uri.toString());
      latest.delete(d.uri.toString());
      collection.delete(d.uri);
    }),
    settings.onDidChange(() => {
      parsers.clear();
      latest.clear();
      validateOpen();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  validateOpen();
  return { findingsFor };
}
