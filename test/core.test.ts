import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  collectActions,
  computeStats,
  configJsonSchema,
  decode,
  defaultConfig,
  lintText,
  parseConfig,
  parseEntryTime,
  parsePostmortem,
  renderTemplate,
  slugFileName,
  suggest,
  toggleEdit,
  applyFix,
} from '@hindsight/core';

const complete = readFileSync(new URL('./fixtures/valid/complete.md', import.meta.url), 'utf8');
const TODAY = '2026-11-24';

describe('parsePostmortem', () => {
  const pm = parsePostmortem(complete, { today: TODAY });

  it('reads the front matter into typed fields', () => {
    expect(pm.meta.title).toBe('Checkout outage from an exhausted connection pool');
    expect(pm.meta.severity).toBe('SEV2');
    expect(pm.meta.root_cause).toBe('capacity');
    expect(pm.meta.contributing).toEqual(['config-change']);
    expect(pm.meta.services).toEqual(['checkout', 'orders-db']);
    expect(pm.meta.impact).toEqual({ failed_checkouts: 18400 });
  });

  it('computes time to detect, time to mitigate and duration in minutes', () => {
    expect(pm.metrics).toEqual({ timeToDetect: 7, timeToMitigate: 49, duration: 148 });
  });

  it('splits level-2 sections and resolves them to canonical ids', () => {
    expect(pm.sections.map((s) => s.ids[0])).toEqual([
      'summary',
      'impact',
      'timeline',
      'root-cause',
      'resolution',
      'action-items',
      'lessons-learned',
    ]);
    const timeline = pm.sections[2]!;
    expect(pm.lines.position(timeline.start).line).toBe(31);
  });

  it('resolves real-world headings through aliases, including combined ones', () => {
    const seed = parsePostmortem(
      '## Issue Summary:\n\nx\n\n## Root Cause and Resolution:\n\ny\n\n## Corrective and Preventative Measures:\n\n+ z\n\n## 3. Lessons\n',
    );
    expect(seed.sections.map((s) => s.ids)).toEqual([
      ['summary'],
      ['root-cause', 'resolution'],
      ['action-items'],
      ['lessons-learned'],
    ]);
  });

  it('ignores headings inside code blocks and block quotes', () => {
    const pm2 = parsePostmortem('## Summary\n\n```md\n## Timeline\n```\n\n> ## Impact\n');
    expect(pm2.sections.map((s) => s.heading)).toEqual(['Summary']);
  });

  it('extracts timeline entries from lists and tables with absolute times', () => {
    expect(pm.timeline.map((e) => e.time?.minutes)).toEqual([
      14 * 60 + 2,
      14 * 60 + 9,
      14 * 60 + 20,
      14 * 60 + 51,
      16 * 60 + 30,
    ]);
    const day = Date.UTC(2024, 2, 5) / 60000;
    expect(pm.timeline[0]!.at).toBe(day + 14 * 60 + 2);
  });

  it('extracts action items from task lists and tables with owner, due date, kind, tracker and state', () => {
    expect(
      pm.actions.map((a) => [
        a.title,
        a.owner,
        a.due,
        a.kind,
        a.tracker ?? null,
        a.done,
        a.overdue,
        a.source,
      ]),
    ).toEqual([
      [
        'Raise the pool limit to match peak load',
        'dana',
        '2024-03-06',
        'mitigate',
        null,
        true,
        false,
        'task',
      ],
      [
        'Load-test checkout at five times normal traffic before each campaign',
        'li',
        '2099-04-30',
        'prevent',
        'OPS-311',
        false,
        false,
        'task',
      ],
      [
        'Alert on pool saturation above 80%',
        'dana',
        '2099-03-20',
        'detect',
        null,
        false,
        false,
        'task',
      ],
      [
        'Add campaign sends to the change calendar',
        'marco',
        '2024-03-15',
        'process',
        null,
        true,
        false,
        'table',
      ],
    ]);
  });

  it('marks open items overdue relative to the given today', () => {
    const text =
      '## Action Items\n\n- [ ] A @x due:2026-11-23\n- [ ] B @x due:2026-11-24\n- [x] C @x due:2020-01-01\n';
    expect(parsePostmortem(text, { today: TODAY }).actions.map((a) => a.overdue)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('never throws, whatever the text', () => {
    for (const text of [
      '',
      '---',
      '---\n---',
      '\u0000\u0001',
      '---\n: : :\n---\n',
      '## \n',
      '| a |\n| - |\n| b |',
      '- [ ]',
      '---\r\n\r\n---\r\n',
    ]) {
      expect(() => lintText(text)).not.toThrow();
    }
  });
});

describe('action item toggling', () => {
  it('flips a task checkbox in place', () => {
    const text = '## Action Items\n\n- [ ] Add alert @kim due:2099-01-01 #detect\n';
    const [item] = parsePostmortem(text).actions;
    const edit = toggleEdit(item!)!;
    const next = applyFix(text, { title: 'toggle', edits: [edit] });
    expect(next).toBe('## Action Items\n\n- [x] Add alert @kim due:2099-01-01 #detect\n');
    expect(parsePostmortem(next).actions[0]!.done).toBe(true);
  });

  it('flips a Status cell in a table', () => {
    const text =
      '## Action Items\n\n| Action | Owner | Status |\n| --- | --- | --- |\n| Add alert | @kim | Open |\n';
    const [item] = parsePostmortem(text).actions;
    expect(item!.done).toBe(false);
    const next = applyFix(text, { title: 'toggle', edits: [toggleEdit(item!)!] });
    expect(next).toContain('| Add alert | @kim | Done |');
    expect(parsePostmortem(next).actions[0]!.done).toBe(true);
  });
});

describe('parseEntryTime', () => {
  it.each([
    ['04:00 alert', 240, undefined],
    ['4:00 AM: alert', 240, undefined],
    ['4 PM deploy', 16 * 60, undefined],
    ['12:15 am wrap', 15, undefined],
    ['**16:05:30 UTC** x', 16 * 60 + 5, undefined],
    ['2023-06-10 04:00 UTC x', 240, '2023-06-10'],
    ['2023-06-10T04:00Z x', 240, '2023-06-10'],
    ['2023-06-11: day two', 0, '2023-06-11'],
  ])('reads %s', (text, minutes, date) => {
    const t = parseEntryTime(text);
    expect(t?.minutes).toBe(minutes);
    expect(t?.date).toBe(date);
  });

  it.each([
    '6: 35 AM back',
    '25:00 x',
    '13:00 PM x',
    'later on',
    '10:61 x',
    '2023-02-30 04:00 x',
    '1234 x',
  ])('rejects %s', (text) => {
    expect(parseEntryTime(text)).toBeUndefined();
  });

  it('rolls a timeline past midnight onto the next day', () => {
    const pm = parsePostmortem('---\ndate: 2024-01-01\n---\n## Timeline\n\n- 23:50 a\n- 00:10 b\n');
    expect(pm.timeline[1]!.at! - pm.timeline[0]!.at!).toBe(20);
  });
});

describe('decode', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('strips a UTF-8 BOM so positions match the BOM-less file', () => {
    const a = lintText('---\ntitle: x\n---\n## Summary\n').findings;
    const d = decode(
      new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('---\ntitle: x\n---\n## Summary\n')]),
    );
    expect(d.ok && d.text.startsWith('---')).toBe(true);
    expect(d.ok && lintText(d.text).findings.map((f) => f.range)).toEqual(a.map((f) => f.range));
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0xe9, 0x00]);
    expect(decode(le)).toMatchObject({ ok: true, text: '# é', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x23, 0x00, 0x20, 0x00, 0xe9]);
    expect(decode(be)).toMatchObject({ ok: true, text: '# é', encoding: 'utf-16be' });
  });

  it('reports binary files and oversized files without reading them', () => {
    expect(decode(new Uint8Array([1, 2, 3, 0, 4]))).toMatchObject({ ok: false });
    expect(decode(new Uint8Array(100), 10)).toMatchObject({
      ok: false,
      note: { message: expect.stringContaining('expected a postmortem under') },
    });
  });
});

describe('configuration', () => {
  it('applies defaults when the file is empty', () => {
    const result = parseConfig('{}');
    expect(result.ok && result.config.categories.map((c) => c.id)).toEqual(
      defaultConfig.categories.map((c) => c.id),
    );
    expect(result.ok && result.config.postmortems).toBe('postmortems');
  });

  it('gives one friendly message naming each bad setting', () => {
    const result = parseConfig(
      '{"severities": [], "rules": {"empty-section": "loud"}, "colour": 1}',
    );
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain("unknown setting 'colour'");
    expect(message).toContain('severities');
    expect(message).toContain('rules.empty-section: expected one of error, warning, info, off');
    expect(message).toContain('Hint:');
  });

  it('reports broken JSON with a hint instead of throwing', () => {
    const result = parseConfig('{"postmortems": ');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(
      /not valid JSON.*delete the file to use the defaults/,
    );
  });

  it('rejects unknown section ids', () => {
    const result = parseConfig('{"sections": {"required": ["summary", "epilogue"]}}');
    expect(result.ok ? '' : result.message).toContain("unknown section id 'epilogue'");
  });

  it('applies custom taxonomy, severities, aliases and rule levels', () => {
    const result = parseConfig(
      JSON.stringify({
        severities: [{ id: 'P1' }, { id: 'P2' }],
        categories: [{ id: 'bad-luck', label: 'Bad luck' }],
        sections: { required: ['summary'], aliases: { summary: ['Abstract'] } },
        rules: { 'preventive-action': 'off', 'empty-section': 'error' },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text =
      '---\ntitle: t\ndate: 2024-01-01\nstatus: draft\nseverity: P2\nroot_cause: bad-luck\nservices: [a]\n---\n## Abstract\n\n## Action Items\n\n- [ ] x @a due:2099-01-01\n';
    const findings = lintText(text, { config: result.config }).findings;
    expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['empty-section:error']);
  });

  it('publishes a JSON Schema that lists every setting', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'postmortems',
        'severities',
        'categories',
        'sections',
        'rules',
        'requiredFields',
        'ignore',
      ]),
    );
  });
});

describe('template', () => {
  it('produces a postmortem with every section and no errors, only reminders to fill it in', () => {
    const text = renderTemplate({
      title: 'Cache stampede: 50% errors',
      date: '2026-11-20',
      severity: 'SEV2',
      rootCause: 'capacity',
    });
    const findings = lintText(text, { today: TODAY }).findings;
    // The one error: the empty services list, on its own line, for the writer to fill in.
    expect(
      findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.range.start.line}:${f.message}`),
    ).toEqual(["9:Field 'services' is empty; expected the affected services."]);
    expect(new Set(findings.map((f) => f.rule))).toEqual(
      new Set(['empty-section', 'preventive-action', 'required-field']),
    );
    const pm = parsePostmortem(text);
    expect(pm.meta.title).toBe('Cache stampede: 50% errors');
    expect(pm.sections.map((s) => s.ids[0])).toEqual(defaultConfig.sections.map((s) => s.id));
  });

  it('makes slug file names from titles', () => {
    expect(slugFileName('2024-01-31', 'Ünïcode & DNS: 50% errors!')).toBe(
      '2024-01-31-unicode-dns-50-errors.md',
    );
    expect(slugFileName('2024-01-31', '???')).toBe('2024-01-31-incident.md');
  });
});

describe('suggest', () => {
  it('finds the intended id for typos, case and separators', () => {
    const ids = defaultConfig.categories.map((c) => c.id);
    expect(suggest('config', ids)).toBe('config-change');
    expect(suggest('Code Defect', ids)).toBe('code-defect');
    expect(suggest('netwrok', ids)).toBe('network');
    expect(suggest('banana', ids)).toBeUndefined();
    expect(suggest('SEV9', ['SEV1', 'SEV2', 'SEV3', 'SEV4'])).toBeUndefined();
    expect(suggest('sev 2', ['SEV1', 'SEV2', 'SEV3', 'SEV4'])).toBe('SEV2');
  });
});

describe('library', () => {
  const entries = [
    { file: 'a.md', pm: parsePostmortem(complete, { today: TODAY }) },
    {
      file: 'b.md',
      pm: parsePostmortem(
        '---\ndate: 2025-07-01\nseverity: SEV1\nroot_cause: capacity\nstarted: 2025-07-01T10:00:00Z\ndetected: 2025-07-01T10:21:00Z\nmitigated: 2025-07-01T11:00:00Z\n---\n## Action Items\n\n- [ ] Shed load @kim due:2025-08-01 #prevent\n',
        { today: TODAY },
      ),
    },
  ];

  it('lists actions sorted by due date, with filters', () => {
    expect(collectActions(entries).map((a) => a.due)).toEqual([
      '2025-08-01',
      '2099-03-20',
      '2099-04-30',
      '2024-03-06',
      '2024-03-15',
    ]);
    expect(collectActions(entries, { overdue: true }).map((a) => a.title)).toEqual(['Shed load']);
    expect(collectActions(entries, { owner: '@Dana', open: true }).map((a) => a.due)).toEqual([
      '2099-03-20',
    ]);
  });

  it('computes counts and median times per category', () => {
    const stats = computeStats(entries, defaultConfig);
    const capacity = stats.byCategory.find((c) => c.id === 'capacity')!;
    expect(capacity).toMatchObject({
      count: 2,
      medianTimeToDetect: 14,
      medianTimeToMitigate: 54.5,
    });
    expect(stats.byCategory.find((c) => c.id === 'config-change')).toMatchObject({
      count: 0,
      contributing: 1,
    });
    expect(stats.byYear).toEqual([
      { year: '2024', count: 1 },
      { year: '2025', count: 1 },
    ]);
    expect(stats.actions).toEqual({ total: 5, open: 3, overdue: 1, done: 2, cancelled: 0 });
  });
});

describe('timeline zones', () => {
  it('reads zone names and offsets, and does not take a capitalised word for a zone', () => {
    expect(parseEntryTime('04:00 PST deploy')).toMatchObject({ minutes: 240, zone: 'PST' });
    expect(parseEntryTime('04:00 (UTC) deploy')).toMatchObject({ zone: 'UTC' });
    expect(parseEntryTime('04:00 Zookeeper restarts')?.zone).toBeUndefined();
    expect(parseEntryTime('04:00 DB failover')?.zone).toBeUndefined();
  });

  it('orders entries written in different zones by their UTC instant', () => {
    const pm = parsePostmortem(
      '---\ndate: 2024-01-01\n---\n## Timeline\n\n- 09:00 PST a\n- 17:30 UTC b\n',
    );
    expect(pm.timeline[1]!.at! - pm.timeline[0]!.at!).toBe(30);
  });
});
