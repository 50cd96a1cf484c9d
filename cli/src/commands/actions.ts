import { collectActions, type LibraryAction } from '@hindsight/core';
import { safeJson, visible } from '../escape';
import { csv, markdownTable, textTable } from '../format';
import { oneOf, type Command } from '../main';
import { readLibrary } from './shared';

const HEADER = ['Due', 'State', 'Owner', 'Kind', 'Action', 'Tracker', 'Postmortem', 'Where'];

function state(a: LibraryAction): string {
  return a.done ? 'done' : a.cancelled ? 'cancelled' : a.overdue ? 'OVERDUE' : 'open';
}

export const actionsCommand: Command = {
  name: 'actions',
  summary: 'list every action item across the library, by due date',
  help: `Usage: hindsight actions [files or folders...] [--open | --overdue] [--owner NAME]
                         [--format table|json|csv|markdown]

Lists action items (task-list items and table rows of each Action Items section): open items by
due date first, then items without a date, then done and cancelled items (an item that says it
will not be done: "— Won't do", "Cancelled", a Status cell "Dropped").

Options:
  --open              only items neither done nor cancelled
  --overdue           only open items whose due date has passed
  --owner NAME        only items owned by NAME (with or without @)
  --format FORMAT     table (default), json, csv or markdown
  --today DATE        treat DATE (YYYY-MM-DD) as today
`,
  options: {
    open: { type: 'boolean' },
    overdue: { type: 'boolean' },
    owner: { type: 'string' },
    format: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const format = oneOf(
      values.format,
      ['table', 'json', 'csv', 'markdown'] as const,
      '--format',
      'table',
    );
    const { entries } = await readLibrary(positionals, values, io);
    const items = collectActions(entries, {
      open: values.open === true,
      overdue: values.overdue === true,
      owner: values.owner as string | undefined,
    });
    if (format === 'json') {
      const json = items.map((a) => ({
        file: a.file,
        line: a.line,
        postmortem: a.postmortem,
        title: a.title,
        text: a.text,
        owner: a.owner ?? null,
        due: a.due ?? null,
        kind: a.kind ?? null,
        tracker: a.tracker ?? null,
        done: a.done,
        cancelled: a.cancelled === true,
        overdue: a.overdue,
      }));
      io.stdout.write(`${safeJson(json)}\n`);
      return 0;
    }
    // Every cell is shown with its control characters escaped, in every text format.
    const rows = items.map((a) =>
      [
        a.due ?? a.dueRaw ?? '',
        state(a),
        a.owner ? `@${a.owner}` : '',
        a.kind ?? '',
        a.title,
        a.tracker ?? '',
        a.postmortem,
        `${a.file}:${a.line}`,
      ].map(visible),
    );
    if (format === 'csv') io.stdout.write(`${csv(HEADER, rows)}\r\n`);
    else if (format === 'markdown') io.stdout.write(`${markdownTable(HEADER, rows)}\n`);
    else {
      const cancelled = items.filter((a) => !a.done && a.cancelled).length;
      const short = rows.map((r) =>
        r.map((c, i) => ((i === 4 || i === 6) && c.length > 60 ? `${c.slice(0, 59)}…` : c)),
      );
      io.stdout.write(
        `${textTable(HEADER, short)}\n\n${items.length} action items: ${items.filter((a) => !a.done && !a.cancelled).length} open, ${items.filter((a) => a.overdue).length} overdue, ${items.filter((a) => a.done).length} done${cancelled ? `, ${cancelled} cancelled` : ''}\n`,
      );
    }
    return 0;
  },
};
