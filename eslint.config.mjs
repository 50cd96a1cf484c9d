// ESLint: the recommended rules, the import boundaries between packages, and no import cycles.
// The package graph (CONTRIBUTING.md): core -> node -> cli and site; core -> extension; nothing else.
// No stylistic rules: Prettier formats (.prettierrc.json).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCE = '**/*.{ts,mts,cts,js,mjs,cjs}';

/** Bare specifiers of each workspace package (the extension's package is named `hindsight`). */
const PACKAGE = {
  core: ['@hindsight/core', '@hindsight/core/*'],
  node: ['@hindsight/node', '@hindsight/node/*'],
  cli: ['@hindsight/cli', '@hindsight/cli/*'],
  site: ['@hindsight/site', '@hindsight/site/*'],
  extension: ['hindsight', 'hindsight/*'],
};
const VSCODE = ['vscode'];
const ASTRO = ['astro', 'astro/*', 'astro:*', '@astrojs/*'];

/** `no-restricted-imports` for one package: the specifiers it may not name, and why. */
function forbid(...groups) {
  const paths = [];
  const patterns = [];
  for (const [specifiers, message] of groups) {
    for (const name of specifiers.filter((s) => !s.includes('*'))) paths.push({ name, message });
    const group = specifiers.filter((s) => s.includes('*'));
    if (group.length) patterns.push({ group, message });
  }
  return ['error', { paths, patterns }];
}

const GRAPH =
  'See the package graph in CONTRIBUTING.md: core -> node -> cli, site; core -> extension.';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.astro/**',
      '.vscode-test/**',
      'test-results/**',
      'extension/docs/**',
      'bench/.data/**',
      'test/fixtures/**',
    ],
  },
  { files: [SOURCE], extends: [js.configs.recommended] },
  { files: [SOURCE], extends: [tseslint.configs.recommended] },
  {
    files: [SOURCE],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads the files an import leads to (for no-cycle): TypeScript through its parser.
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.mts', '.mjs', '.js', '.json'] }),
      ],
    },
    rules: {
      // `_name` marks a parameter or binding kept for its position or shape.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Relative imports that cross into a package a file may not depend on.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './core',
              from: ['./node', './cli', './site', './extension'],
              message: `The core depends on no other package. ${GRAPH}`,
            },
            {
              target: './node',
              from: ['./cli', './site', './extension'],
              message: `@hindsight/node depends on the core only. ${GRAPH}`,
            },
            {
              target: './cli',
              from: ['./site', './extension'],
              message: `A face never imports another face. ${GRAPH}`,
            },
            {
              target: './site',
              from: ['./cli', './extension'],
              message: `A face never imports another face. ${GRAPH}`,
            },
            {
              target: './extension',
              from: ['./node', './cli', './site'],
              message: `The extension depends on the core only. ${GRAPH}`,
            },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks and tests drive Chromium: the functions they hand to page.evaluate run in the page.
    files: ['bench/**/*.{js,mjs}', 'test/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The core is pure: text and config in, data out. No Node I/O, no editor, no site framework.
    files: ['core/**/*.{ts,mts,js,mjs}'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'import-x/no-cycle': 'error',
      'no-restricted-imports': forbid(
        [
          ['node:*'],
          'The core does no I/O: take text and config as arguments, let node/ or a face read files.',
        ],
        [VSCODE, 'The core never imports vscode: the extension adapts core data to VS Code types.'],
        [ASTRO, 'The core never imports Astro: the site adapts core data to pages.'],
        [
          [...PACKAGE.node, ...PACKAGE.cli, ...PACKAGE.site, ...PACKAGE.extension],
          `The core depends on no other package. ${GRAPH}`,
        ],
      ),
    },
  },
  {
    files: ['node/**/*.{ts,mts,js,mjs}'],
    rules: {
      'import-x/no-cycle': 'error',
      'no-restricted-imports': forbid(
        [
          VSCODE,
          'node/ is for the CLI, the site and the benchmarks; the extension reads files through VS Code.',
        ],
        [ASTRO, 'node/ serves the site but never imports Astro.'],
        [
          [...PACKAGE.cli, ...PACKAGE.site, ...PACKAGE.extension],
          `@hindsight/node depends on the core only. ${GRAPH}`,
        ],
      ),
    },
  },
  {
    files: ['cli/**/*.{ts,mts,js,mjs}'],
    rules: {
      'no-restricted-imports': forbid(
        [VSCODE, 'The CLI runs without VS Code.'],
        [[...PACKAGE.site, ...PACKAGE.extension], `A face never imports another face. ${GRAPH}`],
      ),
    },
  },
  {
    files: ['site/**/*.{ts,mts,js,mjs}'],
    rules: {
      'no-restricted-imports': forbid(
        [VSCODE, 'The site runs without VS Code.'],
        [
          [...PACKAGE.cli, ...PACKAGE.extension],
          `A face never imports another face; load files with @hindsight/node. ${GRAPH}`,
        ],
      ),
    },
  },
  {
    files: ['extension/**/*.{ts,mts,js,mjs}'],
    rules: {
      'no-restricted-imports': forbid(
        [ASTRO, 'The extension never imports Astro.'],
        [
          [...PACKAGE.node, ...PACKAGE.cli, ...PACKAGE.site],
          `The extension depends on the core only. ${GRAPH}`,
        ],
      ),
    },
  },
);
