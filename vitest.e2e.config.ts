import { defineConfig } from 'vitest/config';

// End-to-end tests of the built site in headless Chromium (see test/e2e/site-setup.ts).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/site-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The build and the first start of the preview server happen in globalSetup.
    teardownTimeout: 30_000,
    fileParallelism: false,
  },
});
