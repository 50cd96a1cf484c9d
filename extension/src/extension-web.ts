import * as vscode from 'vscode';
import { activateWith, type HindsightApi } from './activate';
import type { WorkerPort } from './lint-service';

export type { HindsightApi } from './activate';

declare const Worker:
  | (new (url: string) => {
      postMessage(m: unknown): void;
      onmessage: ((e: { data: never }) => void) | null;
      onerror: ((e: unknown) => void) | null;
      terminate(): void;
    })
  | undefined;
declare const Blob: new (parts: string[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/**
 * The VS Code for the Web entry (github.dev, vscode.dev): runs in the web worker extension host,
 * with no Node API. Lints in a nested web worker made from dist/web/lint-worker.js where the host
 * allows one; otherwise on the extension's own worker thread (which is not the window's UI thread).
 */
export function activate(context: vscode.ExtensionContext): HindsightApi {
  let source: string | undefined;
  const api = activateWith(context, () => {
    if (typeof Worker !== 'function' || source === undefined) return undefined;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    return {
      post: (request) => worker.postMessage(request),
      onMessage: (listener) => {
        worker.onmessage = (e) => listener(e.data);
      },
      onError: (listener) => {
        worker.onerror = listener;
      },
      terminate: () => worker.terminate(),
    } satisfies WorkerPort;
  });
  // The worker's code is read once, before the first lint needs it.
  void vscode.workspace.fs
    .readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'lint-worker.js'))
    .then(
      (bytes) => {
        source = new TextDecoder().decode(bytes);
      },
      () => undefined,
    );
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
