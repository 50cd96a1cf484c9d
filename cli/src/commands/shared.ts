import path from 'node:path';
import type { Entry, LintOptions } from '@hindsight/core';
import { collectFiles, lintFiles, loadWorkspace, type Workspace } from '../files';
import type { Io } from '../main';
import { Progress } from '../progress';

/** Reads the library (or the given paths) into parsed postmortems; unreadable files are named on stderr. */
export async function readLibrary(positionals: string[], values: Record<string, unknown>, io: Io): Promise<{ ws: Workspace; entries: Entry[] }> {
  const ws = loadWorkspace(io.cwd, values.config as string | undefined);
  const files = await collectFiles(positionals, ws, io.cwd);
  const options: LintOptions = { config: ws.config, today: values.today as string | undefined };
  const progress = new Progress(io.stderr, files.length, 'read');
  const results = await lintFiles(files, options, (n) => progress.tick(n));
  progress.end();
  const entries: Entry[] = [];
  for (const r of results) {
    const file = path.relative(io.cwd, r.file) || r.file;
    if (r.postmortem) entries.push({ file, pm: r.postmortem });
    else io.stderr.write(`hindsight: skipped ${file}: ${r.findings[0]?.message ?? 'unreadable'}\n`);
  }
  return { ws, entries };
}
