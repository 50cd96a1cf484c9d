import * as vscode from 'vscode';
import { todayIso, type Finding } from '@hindsight/core';
import { toDiagnostic } from './convert';
import { LINT_DEADLINE_MS, type LintService } from './lint-service';
import type { Logger } from './log';
import type { Settings } from './settings';

export const DEBOUNCE_MS = 250;

/** The findings of each open postmortem, for the version of the document they were computed on. */
export interface Findings {
  /** Findings for the document as it is now, when that version was already linted. */
  findingsFor(document: vscode.TextDocument): Finding[] | undefined;
  /** Findings for the document as it is now, linting it if needed (undefined: not a postmortem). */
  current(document: vscode.TextDocument): Promise<Finding[] | undefined>;
  /** Fires when a document's diagnostics were set (its URI), for tests and benchmarks. */
  onDidValidate: vscode.Event<vscode.Uri>;
}

/**
 * Validates postmortems on open, as you type (debounced) and on save, and clears their
 * diagnostics when they close or stop being postmortems. The lint itself runs in a worker (see
 * LintService), so the extension host never waits for a parse. Quick fixes read the same findings,
 * so a document is linted once per version.
 */
export function registerDiagnostics(
  context: vscode.ExtensionContext,
  settings: Settings,
  log: Logger,
  service: LintService,
): Findings {
  const collection = vscode.languages.createDiagnosticCollection('hindsight');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const latest = new Map<string, { version: number; findings: Finding[] }>();
  const validated = new vscode.EventEmitter<vscode.Uri>();

  const findingsFor = (document: vscode.TextDocument): Finding[] | undefined => {
    const cached = latest.get(document.uri.toString());
    return cached?.version === document.version ? cached.findings : undefined;
  };

  const current = async (document: vscode.TextDocument): Promise<Finding[] | undefined> => {
    const key = document.uri.toString();
    const fc = settings.enabled ? settings.isPostmortem(document.uri) : undefined;
    if (!fc) return undefined;
    const cached = findingsFor(document);
    if (cached) return cached;
    const version = document.version;
    const outcome = await service.lint(key, document.getText(), fc.config, todayIso());
    if ('findings' in outcome) {
      if (document.version === version) latest.set(key, { version, findings: outcome.findings });
      return outcome.findings;
    }
    if ('timedOut' in outcome) {
      const start = { line: 1, column: 1, offset: 0 };
      const findings: Finding[] = [
        {
          rule: 'file-readable',
          severity: 'warning',
          message: `Hindsight stopped checking this file: reading it took longer than ${LINT_DEADLINE_MS / 1000} s. It checks it again after the next edit.`,
          range: { start, end: start },
        },
      ];
      if (document.version === version) latest.set(key, { version, findings });
      return findings;
    }
    throw new Error(outcome.error);
  };

  const validate = async (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    try {
      const version = document.version;
      const findings = await current(document);
      if (!findings) {
        latest.delete(key);
        collection.delete(document.uri);
        return;
      }
      // A newer version is on its way: its lint will set the diagnostics.
      if (document.version !== version || document.isClosed) return;
      collection.set(
        document.uri,
        findings.map((f) => toDiagnostic(document, f)),
      );
      validated.fire(document.uri);
    } catch (e) {
      log.error(
        `Hindsight could not validate ${vscode.workspace.asRelativePath(document.uri)}.`,
        e,
      );
    }
  };
  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void validate(document);
      }, DEBOUNCE_MS),
    );
  };
  const validateOpen = () => vscode.workspace.textDocuments.forEach((d) => void validate(d));

  context.subscriptions.push(
    collection,
    validated,
    vscode.workspace.onDidOpenTextDocument((d) => void validate(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (settings.validateOnType && e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => void validate(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      clearTimeout(timers.get(key));
      service.forget(key);
      latest.delete(key);
      collection.delete(d.uri);
    }),
    settings.onDidChange(() => {
      latest.clear();
      validateOpen();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  validateOpen();
  return { findingsFor, current, onDidValidate: validated.event };
}
