import { describe, expect, it } from 'vitest';
import { defaultConfig, importPostmortem } from '../core/src/index';

// Kinds of misreading `hindsight import` had after the fourth set, one invented example each.
const inferred = (text: string, fileName = 'notes.md') =>
  importPostmortem(text, { config: defaultConfig, fileName }).inferred;

describe('import: titles under a house header', () => {
  it('takes a bold line under a short heading below a house H1 and its italic note', () => {
    const text = `# Larkspur Engineering — Incident Review\n\n_Reviews follow the Larkspur template v2. Blameless._\n\n## Incident\n\n**Invoice exports stalled for every tenant on the EU shard**\n\n| | |\n|---|---|\n| Number | 2030-12 |\n\n## Summary\n\nExports stalled.\n`;
    expect(inferred(text).title?.value).toBe(
      'Invoice exports stalled for every tenant on the EU shard',
    );
  });

  it('takes the setext subtitle below a setext H1 that only names the kind of report', () => {
    const text = `TOWNSEND COLLEGE — IT SERVICES\n\nMajor Incident Report\n=====================\n\nPrinting unavailable across the library after a queue server crash\n-------------------------------------------------------------------\n\nSummary\n-------\n\nPrinting stopped.\n`;
    expect(inferred(text).title?.value).toBe(
      'Printing unavailable across the library after a queue server crash',
    );
  });

  it('prefers an H1 that says what happened to a front-matter title that only names the house', () => {
    const text = `---\ntitle: "Larkspur Cloud — Post-Incident Report"\n---\n\n# Block storage latency in two zones after a firmware push\n\nText.\n`;
    expect(inferred(text).title?.value).toBe(
      'Block storage latency in two zones after a firmware push',
    );
    // A front-matter title with a date in it is the team's own title, kept as written.
    const dated = `---\ntitle: Public incident report - May 3, 2030\n---\n\n# Login failures for mobile users\n`;
    expect(inferred(dated).title?.value).toBe('Public incident report - May 3, 2030');
  });

  it('drops a date in brackets that closes a title, not other brackets', () => {
    const mail = `From: ops@example.org\nSubject: Outage report: Depot scanners offline after a switch reboot (Wed 5 Mar)\n\nHi all,\n`;
    expect(inferred(mail).title?.value).toBe('Depot scanners offline after a switch reboot');
    expect(inferred(`# Queue stalls (EU region)\n\nText.\n`).title?.value).toBe(
      'Queue stalls (EU region)',
    );
  });
});

describe('import: the incident date from fewer clues', () => {
  it("takes a tracker's reported_at key over an export date in the text", () => {
    const text = `---\nincident_id: "INC-77"\nreported_at: 2030-02-11T08:20:00Z\nclosed_at: 2030-02-14T10:00:00Z\n---\n\n# Parcel labels printed blank\n\n> Exported on 2030-03-01.\n\nText.\n`;
    expect(inferred(text).date?.value).toBe('2030-02-11');
  });

  it('reads a timeline of days without a year in the year of the nearest full date', () => {
    const text = `# Resolver timeouts\n\nDocument created 2030-01-03.\n\n## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n| 30 Dec | 06:00 | Image rollout starts |\n| 31 Dec | 09:00 | Timeouts noticed |\n\n## Resolution\n\nThe fix shipped 2030-01-09 (see PR 812).\n`;
    expect(inferred(text).date?.value).toBe('2029-12-30');
  });

  it('reads "Tuesday the 11th" in the month of the post that tells it, checked against the weekday', () => {
    const post = (day: string) =>
      `---\ntitle: "Dev diary: launch night"\ndate: 2030-06-14\nauthor: Ria\ncategories: [diary]\n---\n\nSorry to everyone who spent ${day} in a login queue.\n`;
    // 11 June 2030 is a Tuesday.
    expect(inferred(post('Tuesday the 11th')).date?.value).toBe('2030-06-11');
    // 12 June 2030 is not a Monday: no date is made up, the post's own stays.
    expect(inferred(post('Monday the 12th')).date?.value).toBe('2030-06-14');
  });

  it('takes the first of several days that share the month written once', () => {
    const text = `# Tokens expired early\n\nTokens whose expiry fell on 28, 29 or 30 December 2029 were rejected.\n`;
    expect(inferred(text).date?.value).toBe('2029-12-28');
  });

  it('does not read a dotted version number as a date', () => {
    const text = `# Node image rollout\n\nNode image 2029.11.4 went out, and errors began on 2029-11-20.\n`;
    expect(inferred(text).date?.value).toBe('2029-11-20');
  });
});
