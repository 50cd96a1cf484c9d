// Bundles the extension (core included) for VS Code: the Node entry and its lint worker thread
// (dist/), and the VS Code for the Web entry and its lint web worker (dist/web/, no Node API).
// Copies the rule reference into the package.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const common = {
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  sourcemap: process.argv.includes('--sourcemap'),
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
};
await Promise.all([
  build({
    ...common,
    entryPoints: {
      extension: `${here}src/extension.ts`,
      'lint-worker': `${here}src/worker/node-worker.ts`,
    },
    outdir: `${here}dist`,
    platform: 'node',
    target: 'node20',
  }),
  build({
    ...common,
    entryPoints: {
      extension: `${here}src/extension-web.ts`,
      'lint-worker': `${here}src/worker/web-worker.ts`,
    },
    outdir: `${here}dist/web`,
    platform: 'browser',
    // A web worker has no DOM: packages with a worker build (decode-named-character-reference) must use it.
    conditions: ['worker'],
    target: 'es2022',
    // A web worker has no Node built-ins: the build fails if anything asks for one.
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
]);
mkdirSync(`${here}docs`, { recursive: true });
cpSync(`${here}../docs/rules.md`, `${here}docs/rules.md`);
