import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { activateWith, type HindsightApi } from './activate';
import type { WorkerPort } from './lint-service';

export type { HindsightApi } from './activate';

/** The desktop and remote entry: lints in a Node worker thread (dist/lint-worker.js). */
export function activate(context: vscode.ExtensionContext): HindsightApi {
  return activateWith(context, (): WorkerPort => {
    const worker = new Worker(path.join(__dirname, 'lint-worker.js'));
    // The worker must not keep the extension host alive on shutdown.
    worker.unref();
    return {
      post: (request) => worker.postMessage(request),
      onMessage: (listener) => worker.on('message', listener),
      onError: (listener) => {
        worker.on('error', listener);
        worker.on('exit', (code) => listener(new Error(`The lint worker exited (${code}).`)));
      },
      terminate: () => void worker.terminate(),
      // Worker.cpuUsage() came with Node 24.6 (VS Code's extension host runs Node 22 or later).
      cpuMs: cpuUsage(worker),
    };
  });
}

function cpuUsage(worker: Worker): (() => Promise<number>) | undefined {
  const usage = (worker as { cpuUsage?: () => Promise<{ user: number; system: number }> }).cpuUsage;
  if (typeof usage !== 'function') return undefined;
  return async () => {
    const { user, system } = await usage.call(worker);
    return (user + system) / 1000;
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
