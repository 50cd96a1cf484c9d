import * as vscode from 'vscode';
import { IncrementalParser, lintPostmortem, lintText, type Finding } from '@hindsight/core';
import { toDiagnostic } from './convert';
import type { Logger } from './log';
import type { Settings } from './settings';

const DEBOUNCE_MS = 250;

/** Lints one document with its folder's configuration. */
export function lintDocument(document: vscode.TextDocument, settings: Settings): Finding[] | undefined {
  const fc = settings.isPostmortem(document.uri);
  if (!fc || !settings.enabled) return undefined;
  return lintText(document.getText(), { config: fc.config }).findings;
}

/**
 * Validates postmortems on open, as you type (debounced) and on save, and clears their
 * diagnostics when they close or stop being postmortems.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, settings: Settings, log: Logger): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('hindsight');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // One incremental parser per open postmortem: an edit re-parses only the section it touches.
  const parsers = new Map<string, IncrementalParser>();

  const validate = (document: vscode.TextDocument) => {
    try {
      const fc = settings.enabled ? settings.isPostmortem(document.uri) : undefined;
      if (!fc) {
        collection.delete(document.uri);
        parsers.delete(document.uri.toString());
        return;
      }
      const key = document.uri.toString();
      let parser = parsers.get(key);
      if (!parser) parsers.set(key, (parser = new IncrementalParser({ config: fc.config })));
      const findings = lintPostmortem(parser.parse(document.getText()), { config: fc.config }).findings;
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
      collection.delete(d.uri);
    }),
    settings.onDidChange(() => {
      parsers.clear();
      validateOpen();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  validateOpen();
  return collection;
}
