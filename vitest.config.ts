import { defineConfig } from 'vitest/config';

// Test the packages' production builds, as the CLI, extension and site bundles ship them: in its
// development build micromark asserts on inputs its production build parses (a 'Expected value to
// be truthy' refusal seen in the reader oracle), so tests and users would read differently.
process.env.NODE_ENV = 'production';

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
