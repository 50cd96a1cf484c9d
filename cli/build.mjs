// Bundles the CLI (core included) into one ESM file that any Node >= 20 runs.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: [`${here}src/main.ts`],
  outfile: `${here}dist/hindsight.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __hindsightRequire } from 'node:module'; const require = __hindsightRequire(import.meta.url);" },
});
