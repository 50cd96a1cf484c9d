// Entry of the extension's tests in VS Code for the Web (the web worker extension host): mocha's
// browser build (which starts the run itself in this host), chai for assertions (no Node API
// exists here). The root suite's teardown prints "N passed, N failed", which run.mjs reads.
import './web.test';

/** VS Code calls this; the run is already under way, so it only waits for the result line. */
export function run(): Promise<void> {
  return new Promise(() => {});
}
