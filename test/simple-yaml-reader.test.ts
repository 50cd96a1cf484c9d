import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSimpleYaml, readFrontMatter } from '@hindsight/core';
import { readSimpleYaml } from '../core/src/simple-yaml';
import { propertyRuns } from './edits';
import { readLazily } from './model-snapshot';

// The js-yaml the core read simple front matter with before readSimpleYaml: the oracle here.
const jsYaml = createRequire(fileURLToPath(new URL('../core/package.json', import.meta.url)))(
  'js-yaml',
) as { load(text: string, options: { schema: unknown }): unknown; CORE_SCHEMA: unknown };

/** What js-yaml's core schema reads from a text: a mapping with keys, or undefined. */
function byJsYaml(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = jsYaml.load(raw, { schema: jsYaml.CORE_SCHEMA });
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** readSimpleYaml reads what js-yaml reads, with the same prototypes; says whether it read anything. */
function readsAsJsYaml(raw: string): boolean {
  const read = readSimpleYaml(raw);
  if (!isSimpleYaml(raw)) {
    expect(read).toBeUndefined();
    return false;
  }
  const expected = byJsYaml(raw);
  expect(read).toStrictEqual(expected && Object.keys(expected).length ? expected : undefined);
  return read !== undefined;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Every Markdown file under a folder of the repository. */
function markdownUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(ROOT, dir, f));
}
const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)---(?:\r?\n|$)/;

describe('readSimpleYaml, the one-pass reader of plain front matter', () => {
  it('reads the front matter of the library, the fixtures and the benchmark postmortems as js-yaml does', async () => {
    const texts = [...markdownUnder('postmortems'), ...markdownUnder('test/fixtures')].map((f) =>
      readFileSync(f, 'utf8'),
    );
    const generator = pathToBench('generate.mjs');
    const { postmortem, rng } = (await import(generator)) as {
      postmortem: (r: () => number, i: number, markup?: boolean) => string;
      rng: (seed: number) => () => number;
    };
    const r = rng(42);
    const plain = Array.from({ length: 200 }, (_, i) => postmortem(r, i));
    const markup = Array.from({ length: 100 }, (_, i) => postmortem(r, i, true));
    const frontMatter = (t: string) => FRONT_MATTER.exec(t)?.[1] ?? [];
    const raws = [...texts, ...markup].flatMap(frontMatter);
    expect(raws.length).toBeGreaterThan(100);
    for (const raw of raws) readsAsJsYaml(raw.replace(/\r(?!\n)/g, '\n'));
    // The generated postmortems without markup are all plain: the reader takes every one.
    expect(plain.flatMap(frontMatter).filter(readsAsJsYaml)).toHaveLength(200);
  });

  it('reads generated plain YAML as js-yaml does, and declines the rest', () => {
    const key = fc.constantFrom('title', 'date', 'services', 'impact', 'a', 'b_c', 'x-y', 'on');
    const scalar = fc.oneof(
      fc.constantFrom(
        'published',
        'The cache: down',
        'a, b',
        "Bob's fix",
        'say "hi"',
        'x  y',
        'x #y',
        'x#y',
        'a:b',
        'http://host/x',
        '2023-06-10',
        '2023-06-10T04:00:00Z',
        '2023-06-10 04:00',
        '0',
        '7',
        '12',
        '123456789012345',
        '1234567890123456',
        '1.5',
        '1.50',
        '0.0',
        '007',
        '1e3',
        'true',
        'false',
        'null',
        'True',
        'yes',
        'n',
        '"quoted"',
        '"it\'s # not: a comment"',
        "'single \" quoted'",
        '""',
        "''",
        '"a, b"',
        '[a, b]',
        '[a,b]',
        '[ a , "b" , \'c\' ]',
        '[1, 2.5, true, null, 2023-06-10]',
        '[]',
        '[ ]',
        '[a, [b]]',
        '[a,]',
        '["a, b"]',
        'é',
        'x\ufeffy',
        'x\u2028y',
      ),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(key, scalar).map(([k, v]) => `${k}:   ${v}  `),
      key.map((k) => `${k}:`),
      fc.tuple(fc.constantFrom('', '  ', '    '), scalar).map(([i, v]) => `${i}- ${v}`),
      fc.tuple(fc.constantFrom('  ', '    '), key, scalar).map(([i, k, v]) => `${i}${k}: ${v}`),
      fc.constantFrom('', '# comment', '  # indented', '   ', '---', 'a: b: c', '\r'),
    );
    let read = 0;
    const runs = propertyRuns(3000);
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', ''),
        (ls, eol) => {
          if (readsAsJsYaml(ls.join(eol || '\n') + eol)) read++;
        },
      ),
      { numRuns: runs },
    );
    // The generator must reach the reader often, or the property proves little.
    expect(read).toBeGreaterThan(runs / 50);
  });

  it('gives readFrontMatter its data, with the document with positions parsed only when asked for', () => {
    const raw = 'title: "Cache down"\nservices: [api, web]\nimpact:\n  users: 12\n';
    const block = readFrontMatter(raw, 0, raw.length + 8, 4);
    expect(readLazily(block, 'doc')).toBe(true);
    expect(block.data).toStrictEqual({
      title: 'Cache down',
      services: ['api', 'web'],
      impact: { users: 12 },
    });
    expect(block.doc.toJS()).toStrictEqual(block.data);
  });
});

function pathToBench(file: string): string {
  return path.join(ROOT, 'bench', file);
}
