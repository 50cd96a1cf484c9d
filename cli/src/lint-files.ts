import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { todayIso, type LintOptions } from '@hindsight/core';
import { lintBatch, type LintedFile } from '@hindsight/node';

/**
 * Worker threads start only when this thread's pace says the rest would take more CPU time than this.
 * A worker costs about a second to start and warm up on 2 cores and saves a sixth of the time at
 * best, so it pays off on a large library that needs the Markdown parser (10,000 files with links
 * in every list: 17.3 s on one thread, 14.3 s with two) and not on one read by lines (10,000 plain
 * files: 3.0 s of CPU on one thread, 3.3-4.6 s with two, no sooner done; paced at up to 5 s while
 * the compiler still warms up; bench/README.md). HINDSIGHT_PARALLEL_AFTER_MS overrides it, for tests
 * and benchmarks.
 */
const PARALLEL_AFTER_MS = Number(process.env.HINDSIGHT_PARALLEL_AFTER_MS ?? 8000);
/** The pace is measured over these files, after the first ones that warm the compiler up. */
const PACE_FROM = 200;
const PACE_TO = 500;
const BATCH = 10;

/**
 * CPU time of the process so far, in milliseconds: the pace is the work per file, not the time a
 * busy machine took to give it (on a machine loaded 3x, wall-clock pacing started workers for
 * 10,000 plain files, which then cost a third more CPU and no time).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The bundled worker beside the bundled CLI, when there is one (not when running from source). */
function workerScript(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.join(here, 'lint-worker.mjs'), path.join(here, '../dist/lint-worker.mjs')].find(
    (f) => existsSync(f),
  );
}

/**
 * Reads and lints files, reporting progress after each batch. With `keepModel` false and many
 * files, worker threads on the other cores share the work with this thread, batch by batch; a
 * worker that fails has its batch redone here. Results keep the order of `files`. `listed`: the
 * files collectFiles listed as regular files (read with one path lookup fewer; not in workers).
 */
export async function lintFiles(
  files: string[],
  options: LintOptions,
  onProgress?: (done: number) => void,
  keepModel = true,
  listed?: ReadonlySet<string>,
): Promise<LintedFile[]> {
  // One today for the whole run (and its workers), not a clock read for every file.
  options = { ...options, today: options.today ?? todayIso() };
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
    workerRuns = Array.from({ length: threads }, () =>
      runWorker(script!, files, options, take, finish, (range) => redo.push(range)),
    );
  };
  if (PARALLEL_AFTER_MS <= 0) startWorkers();

  for (let [start, end] = take(); start < end; [start, end] = take()) {
    finish(start, await lintBatch(files.slice(start, end), options, keepModel, listed));
    // The reads are synchronous: yield between batches, so worker messages and output get through.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (workerRuns.length || PARALLEL_AFTER_MS <= 0) continue;
    if (paceStart === undefined && next >= PACE_FROM) paceStart = cpuMs();
    else if (paceStart !== undefined && next >= PACE_TO && next - PACE_TO < BATCH) {
      const perFile = (cpuMs() - paceStart) / (next - PACE_FROM);
      if (perFile * (files.length - next) > PARALLEL_AFTER_MS) startWorkers();
    }
  }
  await Promise.all(workerRuns);
  for (const [start, end] of redo)
    finish(start, await lintBatch(files.slice(start, end), options, keepModel, listed));
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
