import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/vscode/suite runs inside VS Code (test/vscode/run.mjs), not in vitest.
    exclude: ['test/vscode/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
