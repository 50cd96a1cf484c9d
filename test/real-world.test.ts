import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, parsePostmortem } from '@hindsight/core';

// Postmortems written in other teams' styles (Google SRE book, Atlassian, PagerDuty, question
// headings, status pages, multi-day, remediation tables), with an answer key written by their author.
const DIR = fileURLToPath(new URL('./fixtures/real-world/', import.meta.url));
const TODAY = '2026-11-30';
interface Expected {
  sections: Record<string, string | null>;
  timelineEntries: number;
  actionItems: number;
  actionItemsDone: number;
  actionItemsWithOwner?: number;
}
const expected: Record<string, Expected> = JSON.parse(readFileSync(DIR + 'expected.json', 'utf8'));
const read = Object.entries(expected).map(([file, exp]) => ({
  file,
  exp,
  pm: parsePostmortem(readFileSync(DIR + file, 'utf8'), { today: TODAY }),
}));
const SECTION_IDS: Record<string, string> = { lessons: 'lessons-learned' };

/** Found over expected, each file's count capped at what its key says, so extra finds cannot make up for misses. */
function share(count: (r: (typeof read)[number]) => [found: number, wanted: number]): number {
  let found = 0;
  let wanted = 0;
  for (const r of read) {
    const [f, w] = count(r);
    found += Math.min(f, w);
    wanted += w;
  }
  return found / wanted;
}

describe("postmortems in other teams' styles", () => {
  it('the corpus and its key match one to one', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it('finds every section the author wrote, under whatever heading', () => {
    const missed: string[] = [];
    for (const { file, exp, pm } of read) {
      for (const [key, heading] of Object.entries(exp.sections)) {
        if (heading === null) continue;
        const id = SECTION_IDS[key] ?? key;
        if (!pm.sections.some((s) => s.ids.includes(id)))
          missed.push(`${file}: ${id} ('${heading}')`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('finds the timeline entries, action items, done items and owners as written', () => {
    expect(
      share(({ exp, pm }) => [pm.timeline.filter((e) => e.time).length, exp.timelineEntries]),
    ).toBeGreaterThanOrEqual(0.95);
    expect(share(({ exp, pm }) => [pm.actions.length, exp.actionItems])).toBeGreaterThanOrEqual(
      0.95,
    );
    expect(
      share(({ exp, pm }) => [pm.actions.filter((a) => a.done).length, exp.actionItemsDone]),
    ).toBeGreaterThanOrEqual(0.9);
    expect(
      share(({ exp, pm }) => [
        pm.actions.filter((a) => a.owner).length,
        exp.actionItemsWithOwner ?? 0,
      ]),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('does not find much more than is there', () => {
    const extra = (found: number, wanted: number) => Math.max(0, found - wanted);
    const extraEntries = read.reduce(
      (n, { exp, pm }) => n + extra(pm.timeline.filter((e) => e.time).length, exp.timelineEntries),
      0,
    );
    const extraItems = read.reduce(
      (n, { exp, pm }) => n + extra(pm.actions.length, exp.actionItems),
      0,
    );
    const extraDone = read.reduce(
      (n, { exp, pm }) => n + extra(pm.actions.filter((a) => a.done).length, exp.actionItemsDone),
      0,
    );
    expect(extraEntries).toBeLessThanOrEqual(10);
    expect(extraItems).toBeLessThanOrEqual(10);
    expect(extraDone).toBeLessThanOrEqual(3);
  });

  it('never reports a section missing that the author wrote, nor its timeline out of order across days', () => {
    const wrong: string[] = [];
    for (const { file, exp } of read) {
      const text = readFileSync(DIR + file, 'utf8');
      for (const f of lintText(text, { today: TODAY }).findings) {
        const m = /^Section '(.+)' is missing/.exec(f.message);
        if (m) {
          const key = Object.keys(exp.sections).find(
            (k) =>
              (SECTION_IDS[k] ?? k) ===
              m[1]!.toLowerCase().replace(/ /g, '-').replace('lessons-learned', 'lessons-learned'),
          );
          if (key && exp.sections[key] !== null)
            wrong.push(`${file}:${f.range.start.line} ${f.message}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
