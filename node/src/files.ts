import { realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
// The core's modules, not its index (which also brings the importer's inference): the site's
// content loader runs this through Vite, which transforms every module it reaches.
import { MAX_FILE_BYTES, tooLargeNote } from '@hindsight/core/decode';
import { lintBytes, type Finding, type LintOptions, type LintResult } from '@hindsight/core/lint';
import { isPostmortemFile, isSkippedFolder } from '@hindsight/core/postmortem-file';
import { visible } from '@hindsight/core/printable';
import { readRegularFile, readRegularFileSync, type FileBytes } from './read';
import { UsageError, type Workspace } from './workspace';

export interface CollectOptions {
  /**
   * Keep a file named explicitly only when it is a postmortem of the postmortems folder (see
   * isPostmortemFile): for hooks that pass every staged file.
   */
  postmortemsOnly?: boolean;
  /**
   * Filled with the files found in a folder whose listing said they are regular files, which
   * lintBatch then reads with one path lookup fewer (a path named explicitly is not added).
   */
  listed?: Set<string>;
}

/**
 * Expands files and folders into the Markdown files to read, sorted. A path named explicitly is
 * kept whatever it is (a FIFO or device then gets a finding when read, never a hang); folders are
 * searched for regular files that isPostmortemFile accepts, skipping folders isSkippedFolder names;
 * symbolic-link loops are visited once.
 */
export async function collectFiles(
  inputs: string[],
  ws: Workspace,
  cwd: string,
  options: CollectOptions = {},
): Promise<string[]> {
  const targets = inputs.length
    ? inputs.map((i) => path.resolve(cwd, i))
    : [path.resolve(ws.root, ws.config.postmortems)];
  const files = new Set<string>();
  const seen = new Set<string>();
  // `rel`: the folder's path from `top`, built up name by name (path.relative for every file was
  // most of the listing's time on a large library).
  const walk = async (dir: string, rel: string): Promise<void> => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      // `dir` is resolved (normalised): joined without path.join's normalising again.
      const full = dir.endsWith(path.sep) ? dir + e.name : `${dir}${path.sep}${e.name}`;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const s = statSync(full, { throwIfNoEntry: false }); // undefined for a dangling link
        isDir = s?.isDirectory() ?? false;
        isFile = s?.isFile() ?? false;
      }
      const relFull = rel ? `${rel}${path.sep}${e.name}` : e.name;
      if (isDir && !isSkippedFolder(e.name)) await walk(full, relFull);
      else if (isFile && isPostmortemFile(relFull, ws.config)) {
        files.add(full);
        // A symbolic link is stat'ed above, a moment earlier than its target is read: stat'ed again.
        if (e.isFile()) options.listed?.add(full);
      }
    }
  };
  for (const target of targets) {
    const s = statSync(target, { throwIfNoEntry: false });
    if (!s)
      throw new UsageError(
        `No such file or folder: ${visible(path.relative(cwd, target) || target)}`,
      );
    if (s.isDirectory()) await walk(target, '');
    else if (
      !options.postmortemsOnly ||
      isPostmortemFile(
        path.relative(path.resolve(ws.root, ws.config.postmortems), target),
        ws.config,
      )
    )
      files.add(target);
  }
  return [...files].sort();
}

/** A file read and linted. */
export interface LintedFile extends LintResult {
  file: string;
}

/** Reads a postmortem file's bytes: regular files only, at most the size limit (see readRegularFile). */
export function readPostmortemBytes(file: string): Promise<FileBytes> {
  return readRegularFile(file, MAX_FILE_BYTES);
}

/** The finding for a file that was not read, at the level the config gives file-readable. */
export function unreadFinding(
  read: Exclude<FileBytes, { ok: true }>,
  options: LintOptions,
): Finding[] {
  const level = options.config?.rules['file-readable'] ?? 'error';
  if (level === 'off') return [];
  const note =
    read.reason === 'too-large'
      ? tooLargeNote(read.size)
      : { message: read.message, line: 1, column: 1 };
  const position = { line: note.line, column: note.column, offset: 0 };
  return [
    {
      rule: 'file-readable',
      severity: level,
      message: note.message,
      range: { start: position, end: position },
    },
  ];
}

/** Reads and lints one file; an unreadable file is a finding, not an exception. */
export async function lintFile(file: string, options: LintOptions): Promise<LintedFile> {
  return (await lintBatch([file], options, true))[0]!;
}

/** readPostmortemBytes, synchronously. */
export function readPostmortemBytesSync(file: string, listedRegular = false): FileBytes {
  return readRegularFileSync(file, MAX_FILE_BYTES, listedRegular);
}

/**
 * Reads a batch of files and lints them in order. The reads are synchronous: a postmortem is a few
 * kilobytes, and an asynchronous read (open, stat, read, close, each a thread-pool round trip and a
 * promise) cost more than reading and parsing it (bench/README.md, "Against the floor"). Callers
 * yield to the event loop between batches. Without `keepModel` only the findings are kept, which
 * keeps memory flat on large libraries. `listed`: files collectFiles listed as regular files.
 */
export async function lintBatch(
  files: string[],
  options: LintOptions,
  keepModel: boolean,
  listed?: ReadonlySet<string>,
): Promise<LintedFile[]> {
  return files.map((file) => {
    const read = readPostmortemBytesSync(file, listed?.has(file) ?? false);
    if (!read.ok) return { file, findings: unreadFinding(read, options) };
    const result = lintBytes(read.bytes, options);
    return keepModel ? { file, ...result } : { file, findings: result.findings };
  });
}
