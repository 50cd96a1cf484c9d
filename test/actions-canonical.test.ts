import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTokens } from '../core/src/actions';
import { propertyRuns } from './edits';

// readTokens reads an item written as the template writes it ("Fix x @owner due:YYYY-MM-DD #kind
// KEY-1") in one step; the same item with its tokens in another order goes through every other
// form. Both must give the reader the same owner, due date, kind, ticket and title.

const word = fc.stringMatching(/^[A-Za-zéøü][a-zéøü'-]{0,9}[a-z]?$/);
const title = fc
  .array(fc.tuple(word, fc.constantFrom('', ',', '.', ' /', ' &', '!', '?', ';')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((ws) => ws.map(([w, p]) => w + p).join(' '));
const owner = fc.stringMatching(/^[a-z](?:[a-z._-]{0,10}[a-z])?$/);
const date = fc
  .tuple(
    fc.integer({ min: 2000, max: 2039 }),
    fc.integer({ min: 1, max: 13 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const kind = fc.option(fc.constantFrom('prevent', 'detect', 'mitigate', 'process'), {
  nil: undefined,
});
const key = fc.option(fc.stringMatching(/^[A-Z]{2,5}-[1-9]\d{0,4}$/), { nil: undefined });

const DONE_OR_OWNER_WORD =
  /done|complet|fixed|shipped|closed|resolved|merged|implemented|deployed|in place|in effect|in force|rolled out|live|status|own|assign|dri|responsible|accountable|who/i;

describe('action items written as the template writes them', () => {
  it('read the owner, due date, kind, ticket and title, as the same item with its tokens in another order', () => {
    fc.assert(
      fc.property(title, owner, date, kind, key, (t, o, d, k, tracker) => {
        const tail = `${k ? ` #${k}` : ''}${tracker ? ` ${tracker}` : ''}`;
        const canonical = readTokens(`${t} @${o} due:${d}${tail}`);
        const reordered = readTokens(`${t} due:${d} @${o}${tail}`);
        expect(canonical).toEqual(reordered);
        expect(canonical.owner).toBe(o);
        expect(canonical.dueRaw).toBe(d);
        expect(canonical.kind).toBe(k);
        expect(canonical.tracker).toBe(tracker);
        // The title is the words, without the tokens (words that are also done or owner marks aside).
        if (!DONE_OR_OWNER_WORD.test(t))
          expect(canonical.title).toBe(
            t
              .replace(/\s+/g, ' ')
              .replace(/[\s,;:–—-]+$/u, '')
              .trim(),
          );
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('a real date is read as the due date; an impossible one is kept as written, not as a date', () => {
    expect(readTokens('Rotate the signing keys @ana due:2025-03-14 #prevent OPS-12')).toEqual({
      owner: 'ana',
      dueRaw: '2025-03-14',
      due: '2025-03-14',
      kind: 'prevent',
      tracker: 'OPS-12',
      title: 'Rotate the signing keys',
    });
    const impossible = readTokens('Rotate the signing keys @ana due:2025-02-30');
    expect(impossible.dueRaw).toBe('2025-02-30');
    expect(impossible.due).toBeUndefined();
  });

  it('keeps the words after a comma when the due date was written elsewhere in the item', () => {
    // A period after a comma at the end ("— @lead, Q2") is the due date; other words after a comma are the title's.
    expect(readTokens('Update runbook, alert team @bo due:2025-01-10').title).toBe(
      'Update runbook, alert team',
    );
    expect(readTokens('Rotate keys — @lead, Q2')).toMatchObject({
      owner: 'lead',
      dueRaw: 'Q2',
      title: 'Rotate keys',
    });
  });

  it('leaves a due date after a dash and a due word out of the title, with the dashes around the owner', () => {
    // "Fix x — @ana — due 2024-06-01" was titled "Fix x — — due 2024-06-01" in the view and on the site.
    expect(readTokens('Add an alert on cache hit rate — @alice — due 2024-06-01')).toMatchObject({
      owner: 'alice',
      due: '2024-06-01',
      title: 'Add an alert on cache hit rate',
    });
    expect(readTokens('Page the database team on replica lag, @raj, by 2024-07-15').title).toBe(
      'Page the database team on replica lag',
    );
    expect(readTokens('Drain the node — @kim — target: 2024-08-01')).toMatchObject({
      due: '2024-08-01',
      title: 'Drain the node',
    });
    // A state or the tracker key left at the end, and a bracket that held only the owner and the due date.
    expect(
      readTokens('Run a memory burn-in on the other hosts — @dc-ops — In progress').title,
    ).toBe('Run a memory burn-in on the other hosts');
    expect(
      readTokens('Apply edge config to one proxy first — In progress, @edge-team, due 15 Nov 2024'),
    ).toMatchObject({ owner: 'edge-team', title: 'Apply edge config to one proxy first' });
    expect(readTokens('Audit producer retry settings — INFRA-2212, @rasmus, due Q3')).toMatchObject(
      { tracker: 'INFRA-2212', owner: 'rasmus', title: 'Audit producer retry settings' },
    );
    expect(readTokens('Idempotency keys on task creation (@lena, due 2022-12-09)')).toMatchObject({
      owner: 'lena',
      due: '2022-12-09',
      title: 'Idempotency keys on task creation',
    });
    // A due word inside the sentence is the title's own.
    expect(readTokens('Ship the fix by 2024-06-01 @ana').title).toBe('Ship the fix by 2024-06-01');
  });

  it('reads an owner in parentheses followed by the state of the item', () => {
    expect(readTokens('Alert on delivery receipts (Kofi Mensah) — done')).toMatchObject({
      owner: 'Kofi Mensah',
      title: 'Alert on delivery receipts',
    });
    expect(readTokens('Recycle gateway connections (Dana Ruiz) – in review').owner).toBe(
      'Dana Ruiz',
    );
    // Capitals in parentheses are a note, not a name.
    expect(readTokens('Fix the retry loop (OPS) — done').owner).toBeUndefined();
  });
});
