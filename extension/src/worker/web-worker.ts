// The lint worker of VS Code for the Web: a dedicated web worker started by the extension's own web worker.
import { createLintHandler, type LintRequest } from './protocol';

declare const self: {
  onmessage: ((e: { data: LintRequest }) => void) | null;
  postMessage(message: unknown): void;
};
const handle = createLintHandler();
self.onmessage = (e) => {
  const reply = handle(e.data);
  if (reply) self.postMessage(reply);
};
