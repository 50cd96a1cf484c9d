// Bundles the CLI (core included) into ESM files that any Node >= 20 runs: the command and the
// worker thread `hindsight lint` uses on large libraries.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: { hindsight: `${here}src/main.ts`, 'lint-worker': `${here}src/lint-worker.ts` },
  outdir: `${here}dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __hindsightRequire } from 'node:module'; const require = __hindsightRequire(import.meta.url);" },
});
