import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, defaultConfig, lintBytes, parseConfig, type Config, type LintOptions, type LintResult } from '@hindsight/core';

/** Where the repository is and how it is configured. */
export interface Workspace {
  root: string;
  config: Config;
  /** The config file, when one was found. */
  configFile?: string;
}

/** A failure the user must fix before anything runs: exit code 2. */
export class UsageError extends Error {}

/**
 * Finds the repository root (the nearest folder with hindsight.json, else with .git, else cwd)
 * and reads its configuration.
 */
export function loadWorkspace(cwd: string, explicitConfig?: string): Workspace {
  if (explicitConfig) {
    const file = path.resolve(cwd, explicitConfig);
    if (!existsSync(file)) throw new UsageError(`Config file not found: ${explicitConfig}`);
    return { root: path.dirname(file), config: readConfig(file), configFile: file };
  }
  let dir = path.resolve(cwd);
  let gitRoot: string | undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return { root: dir, config: readConfig(candidate), configFile: candidate };
    if (!gitRoot && existsSync(path.join(dir, '.git'))) gitRoot = dir;
    if (gitRoot) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { root: gitRoot ?? path.resolve(cwd), config: defaultConfig };
}

function readConfig(file: string): Config {
  const result = parseConfig(readFileSync(file, 'utf8'), path.basename(file));
  if (!result.ok) throw new UsageError(result.message);
  return result.config;
}

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Expands files and folders into the Markdown files to read, sorted. Folders skip dot-folders,
 * node_modules, ignored names and names starting with '_'; symbolic-link loops are visited once.
 */
export async function collectFiles(inputs: string[], ws: Workspace, cwd: string): Promise<string[]> {
  const targets = inputs.length ? inputs.map((i) => path.resolve(cwd, i)) : [path.resolve(ws.root, ws.config.postmortems)];
  const files = new Set<string>();
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
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
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name.startsWith('_')) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = statSync(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) await walk(full);
      else if (isFile && MARKDOWN.test(e.name) && !ws.config.ignore.includes(e.name)) files.add(full);
    }
  };
  for (const target of targets) {
    let s;
    try {
      s = statSync(target);
    } catch {
      throw new UsageError(`No such file or folder: ${path.relative(cwd, target) || target}`);
    }
    if (s.isDirectory()) await walk(target);
    else files.add(target);
  }
  return [...files].sort();
}

/** A file read and linted. */
export interface LintedFile extends LintResult {
  file: string;
}

/** Reads and lints files, reporting progress to `onProgress` after each. */
export async function lintFiles(files: string[], options: LintOptions, onProgress?: (done: number) => void): Promise<LintedFile[]> {
  const out: LintedFile[] = [];
  for (const file of files) {
    let result: LintResult;
    try {
      result = lintBytes(await readFile(file), options);
    } catch (e) {
      const position = { line: 1, column: 1, offset: 0 };
      result = { findings: [{ rule: 'file-readable', severity: 'error', message: `File could not be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, range: { start: position, end: position } }] };
    }
    out.push({ file, ...result });
    onProgress?.(out.length);
  }
  return out;
}
