import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, readTokens } from '@hindsight/core';
import { isDoneStatus } from '../core/src/actions';
import { inferFields } from '../core/src/infer/fields';
import { headingIds } from '../core/src/read/heading-meaning';
import { parseEntryTime } from '../core/src/timeline';
import { findingsOf } from './held-out';

// Forms found on the fourteenth held-out set (now development data), written here in other words.

describe('owners and due dates', () => {
  it.each([
    ['Cut read access for batch jobs — Data team — planned for Q4', 'Data team', 'Q4'],
    ['[Deferred] Move the WAN to SD-WAN — Network architecture', 'Network architecture', undefined],
    [
      'Zero scans on every replica before a drop — data platform — done',
      'data platform',
      undefined,
    ],
    [
      'Ask the vendor for a case reference (Rafaela) — asked twice, no answer yet',
      'Rafaela',
      undefined,
    ],
    ['Move the primary into the region (on the roadmap; now prioritised for H2)', undefined, 'H2'],
  ])('%j', (text, owner, due) => {
    const t = readTokens(text);
    expect([t.owner, t.dueRaw]).toEqual([owner, due]);
  });

  it('reads a due date written day.month. without a year as a date, not a typo', () => {
    const doc = `---\ntitle: T\ndate: 2025-01-22\n---\n\n# T\n\n## Follow-ups\n\n| Action | Owner | ETA | State |\n|---|---|---|---|\n| Document the support tier | Lena | 14.02. | open |\n`;
    expect(findingsOf(doc, 'action-due-date')).toEqual([]);
  });

  it('reads a status in another language with the English in brackets', () => {
    expect(isDoneStatus('erledigt (done)')).toBe(true);
    expect(isDoneStatus('offen (open)')).toBe(false);
  });
});

describe('a timeline with day.month. dates and no year', () => {
  it('reads the day, so the next morning is in order', () => {
    expect(parseEntryTime('31.10. 07:30 (+01:00) — the bank flags the file')?.monthDay).toBe(
      '10-31',
    );
    const doc = `---\ntitle: T\ndate: 2022-10-30\n---\n\n# T\n\n## Timeline\n\n* 30.10. 07:15 (+01:00) — notices go out twice\n* 30.10. 09:40 (+01:00) — call to the bank\n* 31.10. 07:30 (+01:00) — the bank flags the file\n`;
    expect(findingsOf(doc, 'timeline-order')).toEqual([]);
  });

  it('does not read a section number as a date', () => {
    expect(parseEntryTime('2.1. Scope of the review')?.monthDay).toBeUndefined();
  });
});

describe('severity under other labels', () => {
  const severity = (text: string) =>
    inferFields(parsePostmortem(text), { config: defaultConfig }).fields.severity?.value;

  it.each([
    ['**Impact rating:** High (our scale: Critical, High, Medium, Low)', 'SEV2'],
    ['**Severity classification:** 1 (scale 1–4, 1 = production stop)', 'SEV1'],
    ['*Incident of 14 May 2024 · Priority P2 (P1 highest, P4 lowest) · by Lars*', 'SEV2'],
  ])('%j', (line, sev) => {
    expect(severity(`# Outage\n\n${line}\n\n## Summary\n\nDown.\n`)).toBe(sev);
  });
});

describe('headings by meaning', () => {
  it.each([
    ['How the scheduler got this wrong', 'root-cause'],
    ['What we think, with confidence levels', 'root-cause'],
    ['How much did it cost?', 'impact'],
    ['When did things happen?', 'timeline'],
    ['What went good', 'lessons-learned'],
    ['What went not so good', 'lessons-learned'],
  ])('%j', (heading, id) => {
    expect(headingIds(heading, defaultConfig)).toContain(id);
  });
});
