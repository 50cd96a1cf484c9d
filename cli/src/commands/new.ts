import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  isIsoDate,
  listWords,
  renderTemplate,
  slugFileName,
  suggest,
  todayIso,
  visible,
} from '@hindsight/core';
import { loadWorkspace, UsageError } from '@hindsight/node';
import type { Command } from '../main';

export const newCommand: Command = {
  name: 'new',
  summary: 'write a new postmortem from the template',
  help: `Usage: hindsight new "Title" [--severity LEVEL] [--root-cause ID] [--date YYYY-MM-DD] [--author NAME]

Writes postmortems/<date>-<title-slug>.md from the template, with every section and a prompt of
what belongs in it, and prints its path. Never overwrites an existing file.

Options:
  --severity LEVEL    a configured severity (default: the least severe)
  --root-cause ID     a root-cause category id (default: unknown)
  --date DATE         the incident date (default: today)
  --author NAME       an author; repeat for more
`,
  options: {
    severity: { type: 'string' },
    'root-cause': { type: 'string' },
    date: { type: 'string' },
    author: { type: 'string', multiple: true },
  },
  async run({ values, positionals }, io) {
    const title = positionals.join(' ').trim();
    if (!title)
      throw new UsageError(
        'a title is required, e.g. hindsight new "Checkout errors after cache flush".',
      );
    // The title becomes the front matter's title and the '# title' line: one line, no control characters.
    const control = /[\p{Cc}\u2028\u2029]/u.exec(title);
    if (control) {
      throw new UsageError(
        `the title holds ${/[\n\r\u2028\u2029]/.test(control[0]) ? 'a line break' : 'a control character'} ('${visible(control[0])}' after '${visible(title.slice(0, control.index))}'); expected one line of text.`,
      );
    }
    const ws = loadWorkspace(io.cwd, values.config as string | undefined);
    const severities = ws.config.severities.map((s) => s.id);
    const categories = ws.config.categories.map((c) => c.id);
    const severity = values.severity as string | undefined;
    if (severity !== undefined && !severities.includes(severity)) {
      const guess = suggest(severity, severities);
      throw new UsageError(
        `--severity '${visible(severity)}' is not a configured level; ${guess ? `did you mean '${guess}'?` : `expected ${listWords(severities)}.`}`,
      );
    }
    const rootCause = values['root-cause'] as string | undefined;
    if (rootCause !== undefined && !categories.includes(rootCause)) {
      const guess = suggest(rootCause, categories);
      throw new UsageError(
        `--root-cause '${visible(rootCause)}' is not in the taxonomy; ${guess ? `did you mean '${guess}'?` : `expected one of ${listWords(categories)}.`}`,
      );
    }
    const date =
      (values.date as string | undefined) ?? (values.today as string | undefined) ?? todayIso();
    if (!isIsoDate(date))
      throw new UsageError(`--date is '${visible(date)}'; expected a real date as YYYY-MM-DD.`);

    const folder = path.resolve(ws.root, ws.config.postmortems);
    const file = path.join(folder, slugFileName(date, title));
    const text = renderTemplate({
      title,
      date,
      severity,
      rootCause,
      authors: values.author as string[] | undefined,
      config: ws.config,
    });
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(file, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        io.stderr.write(
          `hindsight new: ${visible(path.relative(io.cwd, file))} already exists; nothing was written. Choose another title or date.\n`,
        );
        return 1;
      }
      throw e;
    }
    io.stdout.write(`${visible(path.relative(io.cwd, file))}\n`);
    return 0;
  },
};
