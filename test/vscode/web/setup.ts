// Loaded first: mocha's browser build defines the global `mocha`, `suite` and `test`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha');
(globalThis as unknown as { mocha: { setup(o: unknown): void } }).mocha.setup({
  ui: 'tdd',
  reporter: undefined,
  timeout: 60_000,
});
