import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LineIndex,
  parsePostmortem,
  parseWhole,
  plainInline,
  readByLines,
  stripBom,
  type Postmortem,
} from '@hindsight/core';
import { applyEdits, propertyRuns, readMarkdown } from './edits';
import { modelSnapshot, readLazily } from './model-snapshot';

const TODAY = '2026-11-24';
const dirs = [
  '../postmortems/',
  './fixtures/real-world/',
  './fixtures/valid/',
  './fixtures/rules/empty-section/',
  './fixtures/rules/timeline-order/',
  './fixtures/rules/action-owner/',
  './fixtures/vscode-workspace/postmortems/',
  './fixtures/hostile/',
];
// The 800 KB table takes seconds to parse each time, and the property would parse it hundreds of times.
const docs = readMarkdown(dirs, (name) => name === 'huge-table.md').map(stripBom);
const small = docs.filter((text) => text.length < 100_000);

/** Everything a reader of the model sees: every field, found by walking the model (modelSnapshot). */
const shape = (pm: Postmortem) => modelSnapshot(pm, TODAY);

/** The model built from the full Markdown parse. */
const full = (text: string) => parseWhole(text, { today: TODAY });

/** Checks the model read by lines, when a line scan reads the text, against the full parse; says whether it did. */
function same(text: string): boolean {
  const byLines = readByLines(text, new LineIndex(text), { today: TODAY });
  if (byLines) expect(shape(byLines)).toEqual(shape(full(text)));
  return byLines !== undefined;
}

describe('the model read by lines (an oracle over every field of the model)', () => {
  it('equals the full parse on the library and the fixtures, and reads most of them', () => {
    const read = docs.filter((text) => same(text)).length;
    expect(read).toBeGreaterThan(docs.length / 2);
  });

  it('is what parsePostmortem returns for a plain postmortem, and parses the tree only when asked', () => {
    const text = readFileSync(
      fileURLToPath(
        new URL('../postmortems/2025-02-03-expired-tls-certificate-on-api.md', import.meta.url),
      ),
      'utf8',
    );
    const pm = parsePostmortem(text, { today: TODAY });
    expect(readLazily(pm, 'tree')).toBe(true);
    expect(shape(pm)).toEqual(shape(full(text)));
  });

  it('agrees with the full parse on edited postmortems', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 10 }),
      insert: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(
          '',
          '\n',
          '\n\n',
          '## Timeline\n',
          '## Action Items\n',
          '### 2024-03-02\n',
          '# T\n',
          '## ##\n',
          '# foo#\n',
          '## *Impact*\n',
          '- 10:00 UTC x\n',
          '- 1. x\n',
          '- 1) x\n',
          '* 09:15 b\n',
          '+ c\n',
          '- [ ] a @b due:2099-01-01\n',
          '- [x] Done #prevent OPS-1\n',
          '- a  \n',
          '  - nested\n',
          '```\n',
          '~~~\n',
          '``` a`b\n',
          '  ```\n',
          '    code\n',
          '---\n',
          '===\n',
          '***\n',
          '> ',
          '| a | b |\n|---|---|\n| 1 | 2 |\n',
          '<!-- prompt -->\n',
          '<!--\n',
          '-->\n',
          '<!-->\n',
          '<!--->\n',
          '  <!--\n',
          '<!-- a --> b\n',
          '<div>\n',
          '  ## Action Items\n',
          '[x]: http://a\n',
          '[x]',
          '&amp;',
          '\\',
          '*',
          '_',
          '`',
          '\r\n',
          '\r',
          '\t',
          'TODO',
          '**',
          '***',
          ' **',
          '** ',
          '`x`',
          '` x `',
          '` `',
          '``',
          '- **10:00 UTC** x\n',
          '- [ ] Fix `cache` @kim\n',
          '- **a** `b` **c**.\n',
          '- `a*b`\n',
          '- **a **b** c**\n',
          '- **`x`**\n',
          '- ***\n',
          '- * x\n',
        ),
      ),
    });
    let read = 0;
    const runs = propertyRuns(400);
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.array(edit, { maxLength: 5 }), (source, edits) => {
        if (same(applyEdits(source, edits))) read++;
      }),
      { numRuns: runs },
    );
    // Most edited texts must still be read by lines, or the property would prove little.
    expect(read).toBeGreaterThan(runs / 3);
  });

  it('reads inline code and strong emphasis in timeline entries and action items as the parser does', () => {
    // Well-formed markup often, stray markers now and then.
    const token = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          ' **Fix**',
          ' **09:22 UTC**',
          ' `cache`',
          ' ` x `',
          ' `a b`',
          ' **a** `b`',
          '**Start**',
          '`start`',
        ),
      },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'a',
          'Fix',
          '09:22',
          'UTC',
          'é',
          ' ',
          ' ',
          '  ',
          '.',
          ',',
          ':',
          ';',
          '@kim',
          'due:2030-01-01',
          '#prevent',
          '(x)',
          '-',
          '1.',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('**', '`', '*', '***', '``') },
    );
    const item = fc.array(token, { minLength: 1, maxLength: 10 }).map((t) => t.join(''));
    let marked = 0;
    const runs = propertyRuns(800);
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 4 }),
        fc.array(item, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (entries, actions, task) => {
          const text = `---\ntitle: T\n---\n\n# T\n\n## Timeline\n\n${entries.map((i) => `- ${i}`).join('\n')}\n\n## Action Items\n\n${actions.map((i) => `- ${task ? '[ ] ' : ''}${i}`).join('\n')}\n`;
          same(text);
          // Each line the line reader takes reads as the parser reads it, markup and all.
          for (const line of [...entries, ...actions]) {
            const plain = plainInline(line)?.trim();
            if (plain === undefined || !/[*`]/.test(line)) continue;
            const pm = full(`## Timeline\n\n- ${line}\n`);
            if (
              pm.timeline.length === 1 &&
              /^[\p{L}\p{N}*`]/u.test(line) &&
              line === line.trimEnd()
            ) {
              expect(plain).toBe(pm.timeline[0]!.text);
              marked++;
            }
          }
        },
      ),
      { numRuns: runs },
    );
    // About one item in five has markup the line reader settles; the rest prove too little.
    expect(marked).toBeGreaterThan(runs / 5);
  });
});
