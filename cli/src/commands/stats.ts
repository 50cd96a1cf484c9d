import { computeStats, formatMinutes } from '@hindsight/core';
import { safeJson, visible } from '../escape';
import { textTable } from '../format';
import { oneOf, type Command } from '../main';
import { readLibrary } from './shared';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count incidents by category, severity and year; median time to detect and mitigate',
  help: `Usage: hindsight stats [files or folders...] [--format text|json]

Counts postmortems by root-cause category (with contributing mentions), severity and year; gives the
median time to detect and to mitigate per category (from the started, detected and mitigated
front-matter times); and counts open and overdue action items.

Options:
  --format text|json  text (default) or JSON
  --today DATE        treat DATE (YYYY-MM-DD) as today
`,
  options: { format: { type: 'string' } },
  async run({ values, positionals }, io) {
    const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
    const { ws, entries } = await readLibrary(positionals, values, io);
    const stats = computeStats(entries, ws.config);
    if (format === 'json') {
      io.stdout.write(`${safeJson(stats)}\n`);
      return 0;
    }
    const minutes = (m: number | undefined) => (m === undefined ? '-' : formatMinutes(m));
    const years = stats.byYear.map((y) => y.year);
    const out = [
      `${stats.total} postmortems${years.length ? `, ${visible(years[0]!)} to ${visible(years[years.length - 1]!)}` : ''}`,
      '',
      textTable(
        ['Root cause', 'Incidents', 'Contributing', 'Median TTD', 'Median TTM'],
        stats.byCategory.map((c) => [
          visible(c.id),
          String(c.count),
          String(c.contributing),
          minutes(c.medianTimeToDetect),
          minutes(c.medianTimeToMitigate),
        ]),
      ),
      '',
      textTable(
        ['Severity', 'Incidents'],
        stats.bySeverity.map((s) => [visible(s.id), String(s.count)]),
      ),
      '',
      textTable(
        ['Year', 'Incidents'],
        stats.byYear.map((y) => [visible(y.year), String(y.count)]),
      ),
      '',
      `Median time to detect: ${minutes(stats.medianTimeToDetect)}; median time to mitigate: ${minutes(stats.medianTimeToMitigate)}`,
      `Action items: ${stats.actions.total} in all, ${stats.actions.open} open, ${stats.actions.overdue} overdue, ${stats.actions.done} done${stats.actions.cancelled ? `, ${stats.actions.cancelled} cancelled` : ''}`,
    ];
    io.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
