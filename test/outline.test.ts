import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActionOutline, parseWhole } from '@hindsight/core';
import { applyEdits, propertyRuns, readMarkdown } from './edits';

const TODAY = '2026-11-24';
const dirs = [
  '../postmortems/',
  './fixtures/rules/action-owner/',
  './fixtures/rules/action-due-date/',
  './fixtures/rules/preventive-action/',
  './fixtures/vscode-workspace/postmortems/',
  './fixtures/hostile/',
];
const docs = readMarkdown(dirs);
const same = (text: string) => {
  // The whole parse: parsePostmortem may read by lines, as the outline does.
  const full = parseWhole(text, { today: TODAY });
  const outline = parseActionOutline(text, { today: TODAY });
  expect(outline.title).toEqual(full.title);
  expect(outline.meta).toEqual(full.meta);
  expect(outline.actions).toEqual(full.actions);
};

describe('parseActionOutline', () => {
  it('reads the same title, front matter and action items as the full parse', () => {
    for (const text of docs) same(text);
  });

  it('agrees with the full parse on edited postmortems', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 10 }),
      insert: fc.constantFrom(
        '',
        'x',
        '\n',
        '## Action Items\n',
        '```\n',
        '- [ ] a @b due:2099-01-01\n',
        '---\n',
        '# T\n',
        '- [X] Done item #prevent OPS-1\n',
        '- Item *x*\n',
        '- 1. x\n',
        '- # h\n',
        '- a  \n',
        '  ',
        '\t',
        '===\n',
        '- [ ]\n',
        '\r\n',
        '&amp;',
        '\\',
        '<b>',
        '- Plain (x) "y" 50%\n',
        '<!-- prompt -->\n',
        '<!--\n',
        '-->\n',
        '<div>\n',
        '  ## Action Items\n',
        '## Action Items\n- [ ] Simple @kim due:2020-01-01\n',
        '## ##\n',
        '# foo#\n',
        '  ```\n',
        '``` a`b\n',
        '  <!--\n',
        '<!-->\n',
        '[OPS-1]: http://a\n',
        '- [ ] Fix [OPS-1] @kim\n',
        '**',
        '`',
        '- [ ] **Fix** `cache` @kim\n',
        '- [x] `a `\n',
      ),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...docs.slice(0, 15)),
        fc.array(edit, { maxLength: 4 }),
        (source, edits) => same(applyEdits(source, edits)),
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});
