import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IncrementalParser,
  LineIndex,
  lintPostmortem,
  lintText,
  parseWhole,
} from '@hindsight/core';
import { applyEdit, propertyRuns } from './edits';
import { modelSnapshot } from './model-snapshot';

const LIBRARY = fileURLToPath(new URL('../postmortems/', import.meta.url));
const TODAY = '2026-11-24';
const library = readdirSync(LIBRARY)
  .filter((f) => f !== 'README.md')
  .map((f) => readFileSync(LIBRARY + f, 'utf8'));
/** Every field of the model (modelSnapshot), against the whole parse by default. */
const shape = (text: string, pm = parseWhole(text, { today: TODAY })) => modelSnapshot(pm, TODAY);

/** Applies each edit in turn and checks every version against a full parse of it. */
function expectFullParseAfterEach<E>(
  source: string,
  edits: E[],
  apply: (text: string, edit: E) => string,
) {
  const parser = new IncrementalParser({ today: TODAY });
  parser.parse(source);
  let text = source;
  for (const e of edits) {
    text = apply(text, e);
    expect(shape(text, parser.parse(text))).toEqual(shape(text));
  }
}

describe('incremental parsing', () => {
  it('re-parses only the edited section for an edit inside a section body', () => {
    const text = library[0]!;
    const parser = new IncrementalParser({ today: TODAY });
    parser.parse(text);
    expect(parser.lastMode).toBe('full');
    const at = text.indexOf('## Root Cause') + 20;
    const edited = `${text.slice(0, at)} extra words${text.slice(at)}`;
    const pm = parser.parse(edited);
    expect(parser.lastMode).toBe('incremental');
    expect(shape(edited, pm)).toEqual(shape(edited));
  });

  it('falls back to a full parse for edits that can cross sections (fences, HTML, headings)', () => {
    const text = library[1]!;
    const parser = new IncrementalParser({ today: TODAY });
    parser.parse(text);
    const at = text.indexOf('## Impact') + 15;
    const fenced = `${text.slice(0, at)}\n\`\`\`\n${text.slice(at)}`;
    const pm = parser.parse(fenced);
    expect(parser.lastMode).toBe('full');
    expect(shape(fenced, pm)).toEqual(shape(fenced));
  });

  it('gives the full parse when an edit leaves a task box under an empty list item', () => {
    // Found by the random-edit property: "- [x] two" split into "-" and "[x] two" on the next line.
    // The task-list reader marked the whole parse's root as checked; a section re-parsed alone
    // had no such mark.
    const before = `${library[0]!}\n## Notes\n\n- [x] one @ana\n- [x] two @bo\n`;
    const at = before.lastIndexOf('- [x] two') + 1;
    const after = `${before.slice(0, at)}\n${before.slice(at + 1)}`;
    expect(after.endsWith('- [x] one @ana\n-\n[x] two @bo\n')).toBe(true);
    const parser = new IncrementalParser({ today: TODAY });
    parser.parse(before);
    const pm = parser.parse(after);
    expect('checked' in parseWhole(after, { today: TODAY }).tree).toBe(false);
    expect(shape(after, pm)).toEqual(shape(after));
  });

  it('gives exactly the full parse after any sequence of random edits', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 12 }),
      insert: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(
          '\n',
          '\n\n',
          '## Impact\n',
          '- [ ] x @a due:2099-01-01\n',
          '| a | b |\n',
          '```',
          '<!--',
          '---\n',
          '> ',
          '    ',
          '- 10:00 x\n',
          '[x]: http://a',
          '*',
          '\r\n',
        ),
      ),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...library),
        fc.array(edit, { minLength: 1, maxLength: 15 }),
        (source, edits) => expectFullParseAfterEach(source, edits, applyEdit),
      ),
      { numRuns: propertyRuns(100) },
    );
  });

  it('gives exactly the full parse after edits within one line: list items, headings, front matter', () => {
    // Typing: each edit stays on one line, and may touch markers, indentation and fences.
    const edit = fc.record({
      line: fc.nat(),
      column: fc.nat(),
      cut: fc.nat({ max: 3 }),
      insert: fc.oneof(
        fc.constantFrom(
          'x',
          ' ',
          '-',
          '- ',
          '#',
          '# ',
          '1. ',
          '1) ',
          '*',
          '+ ',
          '>',
          '=',
          '===',
          '---',
          ':',
          '|',
          '\t',
          '    ',
          'due:2020-01-01',
          '@kim',
          '10:00',
          '[ ]',
          'TODO',
        ),
        fc.string({ maxLength: 4 }).map((s) => s.replace(/[\r\n]/g, '')),
      ),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...library),
        fc.array(edit, { minLength: 1, maxLength: 20 }),
        (source, edits) =>
          expectFullParseAfterEach(source, edits, (text, e) => {
            const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
            const lineStart = starts[e.line % starts.length]!;
            const lineEnd =
              text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
            const at = lineStart + (e.column % (lineEnd - lineStart + 1));
            return text.slice(0, at) + e.insert + text.slice(Math.min(at + e.cut, lineEnd));
          }),
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it('re-parses an edit inside one timeline entry, a heading or the front matter without a full parse', () => {
    const text = library.find((t) => t.includes('## Timeline'))!;
    const parser = new IncrementalParser({ today: TODAY });
    parser.parse(text);
    let edited = text;
    for (const [anchor, insert, scope] of [
      [text.indexOf('\n', text.indexOf('## Timeline') + 20) - 1, ' more', 'item'],
      [text.indexOf('## Root Cause') + 8, 'Likely ', 'heading'],
      [text.indexOf('\nseverity:') + 10, ' ', 'run'],
    ] as const) {
      const at = anchor + (edited.length - text.length);
      edited = edited.slice(0, at) + insert + edited.slice(at);
      const pm = parser.parse(edited);
      expect(parser.lastMode).toBe('incremental');
      expect(parser.lastScope).toBe(scope);
      expect(shape(edited, pm)).toEqual(shape(edited));
    }
  });

  it('updates a line index after an edit exactly as if built afresh (LF, CRLF and lone CR)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' '), maxLength: 40 });
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.nat({ max: 6 }),
        fc.string({ unit: fc.constantFrom('b', '\n', '\r'), maxLength: 5 }),
        (old, at, cut, inserted) => {
          const from = at % (old.length + 1);
          const to = Math.min(old.length, from + cut);
          const next = old.slice(0, from) + inserted + old.slice(to);
          const edited = new LineIndex(old).edited(next, from, to, inserted.length);
          const fresh = new LineIndex(next);
          expect(edited.lineCount).toBe(fresh.lineCount);
          for (let line = 1; line <= fresh.lineCount; line++)
            expect(edited.lineStart(line)).toBe(fresh.lineStart(line));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with lintText on the library', () => {
    for (const text of library) {
      const parser = new IncrementalParser({ today: TODAY });
      expect(lintPostmortem(parser.parse(text), { today: TODAY }).findings).toEqual(
        lintText(text, { today: TODAY }).findings,
      );
    }
  });
});
