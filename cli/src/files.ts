import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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

/** Reads and lints one file; an unreadable file is a finding, not an exception. */
export async function lintFile(file: string, options: LintOptions): Promise<LintedFile> {
  return (await lintBatch([file], options, true))[0]!;
}

/**
 * Reads a batch of files at once (so the disk works while the CPU lints) and lints them in order.
 * Without `keepModel` only the findings are kept, which keeps memory flat on large libraries.
 */
export async function lintBatch(files: string[], options: LintOptions, keepModel: boolean): Promise<LintedFile[]> {
  const contents = await Promise.all(files.map((f) => readFile(f).catch((e: NodeJS.ErrnoException) => e)));
  return files.map((file, i) => {
    const bytes = contents[i]!;
    if (bytes instanceof Error) {
      const position = { line: 1, column: 1, offset: 0 };
      return {
        file,
        findings: [{ rule: 'file-readable', severity: 'error' as const, message: `File could not be read: ${bytes.code ?? bytes.message}.`, range: { start: position, end: position } }],
      };
    }
    const result = lintBytes(bytes, options);
    return keepModel ? { file, ...result } : { file, findings: result.findings };
  });
}

/**
 * Worker threads start only when this thread's pace says the rest would take longer than this.
 * A worker costs about a second to start and warm up on 2 cores and saves a sixth of the time at
 * best, so it pays off on a large library that needs the Markdown parser (10,000 files with links
 * in every list: 17.3 s on one thread, 14.3 s with two) and not on one read by lines (10,000 plain
 * files: 2.8 s on one, 3.1-3.6 s with two, and paced at 3.3 s while the compiler still warms up;
 * bench/README.md). HINDSIGHT_PARALLEL_AFTER_MS overrides it, for tests and benchmarks.
 */
const PARALLEL_AFTER_MS = Number(process.env.HINDSIGHT_PARALLEL_AFTER_MS ?? 5000);
/** The pace is measured over these files, after the first ones that warm the compiler up. */
const PACE_FROM = 200;
const PACE_TO = 500;
const BATCH = 10;

/** The bundled worker beside the bundled CLI, when there is one (not when running from source). */
function workerScript(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.join(here, 'lint-worker.mjs'), path.join(here, '../dist/lint-worker.mjs')].find((f) => existsSync(f));
}

/**
 * Reads and lints files, reporting progress after each batch. With `keepModel` false and many
 * files, worker threads on the other cores share the work with this thread, batch by batch; a
 * worker that fails has its batch redone here. Results keep the order of `files`.
 */
export async function lintFiles(files: string[], options: LintOptions, onProgress?: (done: number) => void, keepModel = true): Promise<LintedFile[]> {
  const results: LintedFile[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const take = (): [number, number] => {
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return [start, next];
  };
  const finish = (start: number, batch: LintedFile[]) => {
    batch.forEach((r, i) => (results[start + i] = r));
    done += batch.length;
    onProgress?.(done);
  };

  const script = workerScript();
  // HINDSIGHT_THREADS caps the threads (1: this thread only), for benchmarks and constrained CI.
  const cores = Math.max(1, Number(process.env.HINDSIGHT_THREADS) || availableParallelism());
  const threads = !keepModel && script ? Math.min(cores - 1, 7) : 0;
  const redo: [number, number][] = [];
  let workerRuns: Promise<void>[] = [];
  let paceStart: number | undefined;
  const startWorkers = () => {
    if (threads === 0 || files.length - next < 2 * BATCH) return;
    workerRuns = Array.from({ length: threads }, () => runWorker(script!, files, options, take, finish, (range) => redo.push(range)));
  };
  if (PARALLEL_AFTER_MS <= 0) startWorkers();

  // Awaiting each batch's reads also lets worker messages through between batches.
  for (let [start, end] = take(); start < end; [start, end] = take()) {
    finish(start, await lintBatch(files.slice(start, end), options, keepModel));
    if (workerRuns.length || PARALLEL_AFTER_MS <= 0) continue;
    if (paceStart === undefined && next >= PACE_FROM) paceStart = performance.now();
    else if (paceStart !== undefined && next >= PACE_TO && next - PACE_TO < BATCH) {
      const perFile = (performance.now() - paceStart) / (next - PACE_FROM);
      if (perFile * (files.length - next) > PARALLEL_AFTER_MS) startWorkers();
    }
  }
  await Promise.all(workerRuns);
  for (const [start, end] of redo) finish(start, await lintBatch(files.slice(start, end), options, keepModel));
  return results;
}

function runWorker(
  script: string,
  files: string[],
  options: LintOptions,
  take: () => [number, number],
  finish: (start: number, batch: LintedFile[]) => void,
  failed: (range: [number, number]) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { files, options } });
    let inFlight: [number, number] | undefined;
    const ask = () => {
      const range = take();
      if (range[0] === range[1]) {
        inFlight = undefined;
        void worker.terminate().then(() => resolve());
        return;
      }
      inFlight = range;
      worker.postMessage(range);
    };
    worker.on('message', (message: { start: number; results: LintedFile[] }) => {
      finish(message.start, message.results);
      ask();
    });
    worker.on('error', () => {
      if (inFlight) failed(inFlight);
      inFlight = undefined;
      resolve();
    });
    ask();
  });
}
