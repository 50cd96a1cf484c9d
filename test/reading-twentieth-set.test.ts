import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, readTokens } from '@hindsight/core';
import { findingsOf } from './held-out';

// Forms found on the twentieth held-out set (bench/eval/holdout20, now development data), written
// here in other words.

describe('TODO after a ticket key in a status cell', () => {
  const table = (cell: string) =>
    `---\ntitle: T\nstatus: published\n---\n\n# T\n\n## Action Items\n\n| Item | Owner | Bug |\n|---|---|---|\n| Stage flags per region | tomasz | PAY-1181 **DONE** |\n| Alert on rejections | nkosi | ${cell} |\n`;

  it('is the item’s state when the column says DONE the same way in other rows', () => {
    expect(findingsOf(table('PAY-1183 TODO'), 'placeholder-text')).toEqual([]);
  });

  it('is still a placeholder in a sentence', () => {
    expect(findingsOf(table('TODO: file a ticket'), 'placeholder-text')).toHaveLength(1);
  });
});

describe('a bold Follow-up label over a task list', () => {
  it('heads the action items when the document has no other', () => {
    const text = [
      '### Latency spikes on render-svc #2214',
      '',
      '**Describe the incident**',
      '',
      'p99 latency spiked every hour.',
      '',
      '**Follow-up**',
      '',
      '- [x] Add continuous profiling (@kmurphy)',
      '- [ ] Capture heap dumps automatically when p99 > 3 s (@kmurphy)',
      '',
    ].join('\n');
    const pm = parsePostmortem(text, { config: defaultConfig });
    expect(pm.actions.map((a) => [a.title, a.owner, a.done])).toEqual([
      ['Add continuous profiling', 'kmurphy', true],
      ['Capture heap dumps automatically when p99 > 3 s', 'kmurphy', false],
    ]);
  });
});

describe('an owner in brackets', () => {
  it.each([
    ['Rotate the keys (@ana)', 'Rotate the keys'],
    ['Rotate the keys (@ana, due 2024-01-02)', 'Rotate the keys'],
    ['Rotate the keys (@ana, INFRA-88)', 'Rotate the keys'],
  ])('leaves no half of the bracket in the title of %j', (item, title) => {
    expect(readTokens(item).title).toBe(title);
  });
});

describe('a weekday before the time', () => {
  const doc = (date: string, lines: string[]) =>
    `---\ntitle: T\ndate: ${date}\n---\n\n# T\n\n## Timeline\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;

  it('reads "Mon 17:30" as a time on that weekday, the next weekday a later day', () => {
    const pm = parsePostmortem(
      doc('2023-03-27', [
        '**Mon 17:30** — 6.4.0 released',
        '**Mon 22:15** — 6.4.1 submitted',
        '**Tue 09:50** — 6.4.1 released',
      ]),
      { config: defaultConfig },
    );
    expect(pm.timeline.map((e) => e.time?.text)).toEqual(['Mon 17:30', 'Mon 22:15', 'Tue 09:50']);
    const days = pm.timeline.map((e) => new Date(e.at! * 60_000).toISOString().slice(0, 16));
    expect(days).toEqual(['2023-03-27T17:30', '2023-03-27T22:15', '2023-03-28T09:50']);
  });

  it('moves to the weekday it names after entries without one, with no order finding', () => {
    const text = doc('2025-03-09', [
      '3:00 AM PDT — sweep re-selects accounts',
      '4:10 PM PDT — fix deployed',
      'Monday 2:35 PM PDT — all duplicate charges refunded',
    ]);
    expect(findingsOf(text, 'timeline-order')).toEqual([]);
    expect(findingsOf(text, 'timeline-time')).toEqual([]);
  });
});
