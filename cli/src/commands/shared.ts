import path from 'node:path';
import { visible, type Entry, type LintOptions } from '@hindsight/core';
import { collectFiles, loadWorkspace, type LintedFile, type Workspace } from '@hindsight/node';
import { lintFiles } from '../lint-files';
import type { Io } from '../main';
import { Progress } from '../progress';

/**
 * Finds the workspace and the files named (or the postmortems folder) and lints them, with progress
 * on stderr. `keepModel` keeps each parsed postmortem (actions, stats) or only findings (lint).
 */
export async function lintPaths(
  positionals: string[],
  values: Record<string, unknown>,
  io: Io,
  keepModel: boolean,
): Promise<{ ws: Workspace; files: string[]; results: LintedFile[] }> {
  const ws = loadWorkspace(io.cwd, values.config as string | undefined);
  const listed = new Set<string>();
  const files = await collectFiles(positionals, ws, io.cwd, {
    postmortemsOnly: values['postmortems-only'] === true,
    listed,
  });
  const options: LintOptions = { config: ws.config, today: values.today as string | undefined };
  const progress = new Progress(io.stderr, files.length, keepModel ? 'read' : 'linted');
  const results = await lintFiles(files, options, (n) => progress.tick(n), keepModel, listed);
  progress.end();
  return { ws, files, results };
}

/** Reads the library (or the given paths) into parsed postmortems; unreadable files are named on stderr. */
export async function readLibrary(
  positionals: string[],
  values: Record<string, unknown>,
  io: Io,
): Promise<{ ws: Workspace; entries: Entry[] }> {
  const { ws, results } = await lintPaths(positionals, values, io, true);
  const entries: Entry[] = [];
  for (const r of results) {
    const file = path.relative(io.cwd, r.file) || r.file;
    if (r.postmortem) entries.push({ file, pm: r.postmortem });
    else
      io.stderr.write(
        `hindsight: skipped ${visible(file)}: ${visible(r.findings[0]?.message ?? 'unreadable')}\n`,
      );
  }
  return { ws, entries };
}
