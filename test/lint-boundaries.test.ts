import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.mjs, checked through ESLint's Node API as `npm test` runs it.
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The errors ESLint reports on `code` as if it were the file at `file` (relative to the root). */
async function errors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2)
    .map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

/** Writes files into the repository for one check and removes them whatever happens. */
async function withFiles<T>(
  files: Record<string, string>,
  run: (paths: string[]) => Promise<T>,
): Promise<T> {
  const paths = Object.keys(files).map((f) => `${root}${f}`);
  try {
    for (const [file, text] of Object.entries(files)) writeFileSync(`${root}${file}`, text);
    return await run(paths);
  } finally {
    for (const p of paths) rmSync(p, { force: true });
  }
}

const probe = `lint-probe-${process.pid}`;

describe('ESLint keeps the core pure', () => {
  it('fails a file in core/src that imports node:fs', async () => {
    const results = await withFiles(
      {
        [`core/src/${probe}.ts`]:
          "import { readFileSync } from 'node:fs';\n\nexport const read = (p: string) => readFileSync(p, 'utf8');\n",
      },
      (paths) => eslint.lintFiles(paths),
    );
    const found = results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    expect(found.map((m) => m.ruleId)).toContain('import-x/no-nodejs-modules');
    expect(found.every((m) => m.line === 1)).toBe(true);
    expect(results.reduce((n, r) => n + r.errorCount, 0)).toBeGreaterThan(0);
  });

  it('fails a core file that imports a bare Node module, vscode, Astro or another package', async () => {
    for (const spec of [
      'fs',
      'node:path',
      'vscode',
      'astro:content',
      '@hindsight/cli/files',
      '@hindsight/node',
    ]) {
      const found = await errors(
        'core/src/probe.ts',
        `import * as x from '${spec}';\nexport default x;\n`,
      );
      expect(found.length, spec).toBeGreaterThan(0);
      expect(found[0]!.line, spec).toBe(1);
    }
  });

  it('tells the writer why, pointing at the package graph', async () => {
    const found = await errors(
      'core/src/probe.ts',
      "import * as vscode from 'vscode';\nexport default vscode;\n",
    );
    expect(found.map((f) => f.message).join('\n')).toMatch(/never imports vscode/);
    const crossing = await errors(
      'core/src/probe.ts',
      "import * as cli from '@hindsight/cli/files';\nexport default cli;\n",
    );
    expect(crossing.map((f) => f.message).join('\n')).toMatch(/CONTRIBUTING\.md/);
  });

  it('fails an import cycle inside the core', async () => {
    const results = await withFiles(
      {
        [`core/src/${probe}-a.ts`]: `import { b } from './${probe}-b';\n\nexport const a = () => b;\n`,
        [`core/src/${probe}-b.ts`]: `import { a } from './${probe}-a';\n\nexport const b = () => a;\n`,
      },
      (paths) => eslint.lintFiles(paths),
    );
    for (const r of results)
      expect(
        r.messages.map((m) => m.ruleId),
        r.filePath,
      ).toContain('import-x/no-cycle');
  });

  it('lets the core import its own modules and its libraries', async () => {
    expect(
      await errors(
        'core/src/probe.ts',
        "import { LineIndex } from './text';\nimport { parse } from 'yaml';\n\nexport const x = [LineIndex, parse];\n",
      ),
    ).toEqual([]);
  });
});

describe('ESLint keeps the faces apart', () => {
  const crossings: [string, string][] = [
    ['site/src/lib/probe.ts', '@hindsight/cli/files'],
    ['site/src/lib/probe.ts', '../../../cli/src/files'],
    ['site/src/lib/probe.ts', 'vscode'],
    ['cli/src/probe.ts', 'vscode'],
    ['cli/src/probe.ts', '../../site/src/lib/library'],
    ['cli/src/probe.ts', '../../extension/src/extension'],
    ['extension/src/probe.ts', '@hindsight/cli/files'],
    ['extension/src/probe.ts', '@hindsight/node'],
    ['extension/src/probe.ts', '../../cli/src/files'],
    ['extension/src/probe.ts', 'astro'],
    ['node/src/probe.ts', '@hindsight/cli/files'],
    ['node/src/probe.ts', '../../cli/src/files'],
    ['node/src/probe.ts', 'vscode'],
  ];
  for (const [file, spec] of crossings) {
    it(`fails ${spec} imported from ${file.split('/')[0]}/`, async () => {
      const found = await errors(file, `import * as x from '${spec}';\nexport default x;\n`);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.line).toBe(1);
    });
  }

  it('lets each face import the core, and the CLI and site import @hindsight/node', async () => {
    const allowed: [string, string][] = [
      ['cli/src/probe.ts', '@hindsight/core'],
      ['cli/src/probe.ts', '@hindsight/node'],
      ['site/src/lib/probe.ts', '@hindsight/core'],
      ['site/src/lib/probe.ts', '@hindsight/node'],
      ['extension/src/probe.ts', '@hindsight/core'],
      ['extension/src/probe.ts', 'vscode'],
      ['node/src/probe.ts', '@hindsight/core'],
      ['node/src/probe.ts', 'node:fs'],
    ];
    for (const [file, spec] of allowed)
      expect(
        await errors(file, `import * as x from '${spec}';\nexport default x;\n`),
        `${file} ${spec}`,
      ).toEqual([]);
  });
});
