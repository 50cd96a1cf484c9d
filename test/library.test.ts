import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeStats, defaultConfig, lintText, type Entry } from '@hindsight/core';

// The library in postmortems/ is what users learn the format from: it must stay exemplary.
const dir = fileURLToPath(new URL('../postmortems/', import.meta.url));
const TODAY = '2026-11-24';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const results = files.map((file) => ({
  file,
  ...lintText(readFileSync(dir + file, 'utf8'), { today: TODAY }),
}));
const entries: Entry[] = results.map((r) => ({ file: r.file, pm: r.postmortem! }));

describe('the postmortem library', () => {
  it('holds at least twelve postmortems', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('%s has no findings at all', (file) => {
    const findings = results.find((r) => r.file === file)!.findings;
    expect(findings.map((f) => `${f.range.start.line}: ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('names every default root-cause category as a primary cause and uses every severity', () => {
    const stats = computeStats(entries, defaultConfig);
    expect(stats.byCategory.filter((c) => c.count === 0).map((c) => c.id)).toEqual([]);
    expect(stats.bySeverity.filter((s) => s.count === 0).map((s) => s.id)).toEqual([]);
  });

  it('marks every file as an illustrative example and includes the four seed outages', () => {
    for (const { file, pm } of entries) expect(pm.meta.tags, file).toContain('example');
    expect(
      entries
        .filter((e) => e.pm.meta.tags.includes('seed-outage'))
        .map((e) => e.pm.meta.root_cause)
        .sort(),
    ).toEqual(['capacity', 'code-defect', 'config-change', 'manual-operation']);
  });

  it('has action items that are done, open and overdue, each with owner, due date and kind', () => {
    const actions = entries.flatMap((e) => e.pm.actions);
    expect(actions.some((a) => a.done)).toBe(true);
    expect(actions.some((a) => !a.done && !a.overdue)).toBe(true);
    expect(actions.some((a) => a.overdue)).toBe(true);
    for (const a of actions) {
      expect(a.owner, a.text).toBeTruthy();
      expect(a.due, a.text).toBeTruthy();
      expect(a.kind, a.text).toBeTruthy();
    }
  });

  it('gives every postmortem times from which to compute time to detect and to mitigate', () => {
    for (const { file, pm } of entries) {
      expect(pm.metrics.timeToDetect, file).toBeTypeOf('number');
      expect(pm.metrics.timeToMitigate, file).toBeTypeOf('number');
    }
  });
});
