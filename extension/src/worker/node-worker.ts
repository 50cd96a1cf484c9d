// The lint worker of the desktop and remote extension host: a Node worker thread.
import { parentPort } from 'node:worker_threads';
import { createLintHandler, type LintRequest } from './protocol';

const handle = createLintHandler();
parentPort?.on('message', (request: LintRequest) => {
  const reply = handle(request);
  if (reply) parentPort?.postMessage(reply);
});
