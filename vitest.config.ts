import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/vscode/suite runs inside VS Code (test/vscode/run.mjs), not in vitest.
    exclude: ['test/vscode/**', '**/node_modules/**'],
    environment: 'node',
    // Generous: CI shares a 2-core machine with other work; no test may fail for being slow.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
