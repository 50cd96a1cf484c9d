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
