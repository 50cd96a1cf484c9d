// Bundles the CLI (core, @hindsight/node and diff included) into ESM files that any Node >= 20 runs: the command and the
// worker thread `hindsight lint` uses on large libraries.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const result = await build({
  entryPoints: { hindsight: `${here}src/main.ts`, 'lint-worker': `${here}src/lint-worker.ts` },
  outdir: `${here}dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  write: false,
  banner: {
    js: "import { createRequire as __hindsightRequire } from 'node:module'; const require = __hindsightRequire(import.meta.url);",
  },
});

// Each file is replaced by a rename, so a hindsight already running (a test, npm pack's prepack
// beside it) never reads a half-written bundle.
for (const file of result.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents);
  renameSync(temp, file.path);
}
