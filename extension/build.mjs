// Bundles the extension (core included) into one CommonJS file for VS Code, and copies the rule
// reference into the package.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: [`${here}src/extension.ts`],
  outfile: `${here}dist/extension.js`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: process.argv.includes('--sourcemap'),
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});
mkdirSync(`${here}docs`, { recursive: true });
cpSync(`${here}../docs/rules.md`, `${here}docs/rules.md`);
