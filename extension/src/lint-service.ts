import type { Config, Finding, RootCauseHint } from '@hindsight/core';
import {
  createLintHandler,
  type LintReply,
  type LintRequest,
  type OutlineData,
  type WorkerJob,
} from './worker/protocol';

/** A worker the service talks to: a Node worker thread or a web worker. */
export interface WorkerPort {
  post(request: LintRequest): void;
  onMessage(listener: (reply: LintReply) => void): void;
  onError(listener: (error: unknown) => void): void;
  terminate(): void;
  /** CPU time the worker has used so far, in ms, where the platform tells (a Node worker thread). */
  cpuMs?(): Promise<number>;
}

/** What a lint run gives: the findings, or why there are none. */
export type LintOutcome = { findings: Finding[] } | { timedOut: true } | { error: string };

/** Longest a file may take to lint before the worker is stopped and the file reported. */
export const LINT_DEADLINE_MS = 15_000;

/** A reply of the worker, or word that it passed the deadline. */
type Answer = LintReply | 'timed out';

/**
 * Lints postmortems off the extension host's thread, so no file, however costly to parse, blocks
 * the host: requests go to a worker; a file that takes longer than the deadline stops the worker
 * (a fresh one takes the next request) and comes back as timed out. For each document only the
 * latest text waits while one is being linted. The views' outlines and the root-cause hints are
 * read there too: on the host, a hostile file held the event loop for up to 2.3 s per read.
 * Without a worker (none could be started) it parses on the host, after yielding once.
 */
export class LintService {
  private worker: WorkerPort | undefined;
  private nextId = 1;
  private configVersion = 0;
  private lastConfig: Config | undefined;
  private readonly inFlight = new Map<
    number,
    { request: WorkerJob; settle: (a: Answer) => void; timer?: ReturnType<typeof setTimeout> }
  >();
  private readonly busy = new Map<string, number>();
  private readonly waiting = new Map<
    string,
    { text: string; config: Config; today: string; resolvers: ((o: LintOutcome) => void)[] }
  >();
  private local: ((r: LintRequest) => LintReply | undefined) | undefined;
  /** How lints run: 'worker' or 'host' (no worker could be started). */
  mode: 'worker' | 'host' = 'worker';

  constructor(
    private readonly spawn: (() => WorkerPort | undefined) | undefined,
    private readonly deadlineMs = LINT_DEADLINE_MS,
  ) {}

  lint(key: string, text: string, config: Config, today: string): Promise<LintOutcome> {
    if (config !== this.lastConfig) {
      this.lastConfig = config;
      this.configVersion++;
    }
    return new Promise((resolve) => {
      const pending = this.waiting.get(key);
      if (this.busy.has(key)) {
        // Only the newest text matters: earlier waiting callers get its answer too.
        this.waiting.set(key, {
          text,
          config,
          today,
          resolvers: [...(pending?.resolvers ?? []), resolve],
        });
        return;
      }
      this.send(key, text, config, today, [resolve]);
    });
  }

  /** Front matter, title and action items of a text, read in the worker; undefined when that failed or took too long. */
  async outline(text: string, config: Config, today?: string): Promise<OutlineData | undefined> {
    const answer = await this.ask({ type: 'outline', id: this.nextId++, text, config, today });
    return answer === 'timed out' ? undefined : answer.outline;
  }

  /** The root-cause hint of a text, read in the worker; undefined when there is none (or it failed or took too long). */
  async rootCauseHint(text: string, config: Config): Promise<RootCauseHint | undefined> {
    const answer = await this.ask({ type: 'hint', id: this.nextId++, text, config });
    return answer === 'timed out' ? undefined : (answer.hint ?? undefined);
  }

  private ask(request: WorkerJob): Promise<Answer> {
    return new Promise((resolve) => this.dispatch(request, resolve));
  }

  /** Starts the worker ahead of the first lint (it takes a moment to load), once there are postmortems to check. */
  warm(): void {
    this.ensureWorker();
  }

  forget(key: string): void {
    this.worker?.post({ type: 'forget', key });
    this.local?.({ type: 'forget', key });
  }

  private send(
    key: string,
    text: string,
    config: Config,
    today: string,
    resolvers: ((o: LintOutcome) => void)[],
  ): void {
    const id = this.nextId++;
    const request: WorkerJob = {
      type: 'lint',
      id,
      key,
      text,
      config,
      configVersion: this.configVersion,
      today,
    };
    const done = (outcome: LintOutcome) => {
      this.busy.delete(key);
      for (const r of resolvers) r(outcome);
      const next = this.waiting.get(key);
      if (next) {
        this.waiting.delete(key);
        this.send(key, next.text, next.config, next.today, next.resolvers);
      }
    };
    this.busy.set(key, id);
    this.dispatch(request, (answer) =>
      done(
        answer === 'timed out'
          ? { timedOut: true }
          : answer.findings
            ? { findings: answer.findings }
            : { error: answer.error ?? 'no answer' },
      ),
    );
  }

  private dispatch(request: WorkerJob, settle: (a: Answer) => void): void {
    const worker = this.ensureWorker();
    if (!worker) this.runHere(request, settle);
    else this.post(worker, request, settle);
  }

  /** Parses on the host, after yielding once so typing is never held up by it. */
  private runHere(request: WorkerJob, settle: (a: Answer) => void): void {
    setTimeout(() => {
      settle(
        (this.local ??= createLintHandler())(request) ?? { id: request.id, error: 'no answer' },
      );
    }, 0);
  }

  private post(worker: WorkerPort, request: WorkerJob, settle: (a: Answer) => void): void {
    this.inFlight.set(request.id, { request, settle });
    worker.post(request);
    this.startClock();
  }

  /**
   * The worker answers in order, one request at a time: the deadline runs for the oldest request
   * only, from when the one before it was answered, so time spent waiting in the queue behind
   * other requests never counts against a file (on a busy machine a 2 MB file, queued behind the
   * views' reads of it, was once reported too slow). Too slow: the worker is stopped and the
   * requests queued behind this one go to a fresh worker.
   */
  private startClock(): void {
    const [first] = this.inFlight.values();
    if (!first || first.timer) return;
    const id = first.request.id;
    const worker = this.worker;
    const cpuAtStart = worker?.cpuMs?.().catch(() => undefined);
    const still = () => this.inFlight.get(id) === first && this.worker === worker;
    const arm = (ms: number) => {
      first.timer = setTimeout(() => {
        // When the host itself was held past the deadline, the worker's answer may be waiting
        // behind this timer: it is read first (messages come before the next round of timers).
        first.timer = setTimeout(async () => {
          if (!still()) return;
          // Where the worker's CPU time is known, the deadline is on it: a busy machine that
          // starves the worker does not make a file "too slow".
          const [start, now] = await Promise.all([
            cpuAtStart,
            worker?.cpuMs?.().catch(() => undefined),
          ]);
          if (!still()) return;
          if (start !== undefined && now !== undefined && now - start < this.deadlineMs)
            arm(Math.max(this.deadlineMs - (now - start), 1000));
          else this.restart(id);
        }, 0);
      }, ms);
    };
    arm(this.deadlineMs);
  }

  /** Workers that could not start or died; after three, lints stay on the host. */
  private failures = 0;

  private ensureWorker(): WorkerPort | undefined {
    if (this.worker || this.failures >= 3) return this.worker;
    try {
      this.worker = this.spawn?.();
    } catch {
      this.failures++;
      this.worker = undefined;
    }
    this.mode = this.worker ? 'worker' : 'host';
    if (!this.worker) return undefined;
    const worker = this.worker;
    worker.onMessage((reply) => {
      const pending = this.inFlight.get(reply.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.inFlight.delete(reply.id);
      this.startClock();
      pending.settle(reply);
    });
    worker.onError(() => {
      if (this.worker !== worker) return;
      this.failures++;
      this.restart();
    });
    return worker;
  }

  /** Stops the worker: the slow request times out, the others (or all, with an error) are sent again or answered. */
  private restart(slow?: number, error?: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    const pending = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      if (error) p.settle({ id: p.request.id, error });
      else if (p.request.id === slow) p.settle('timed out');
    }
    if (error || this.disposed) return;
    const rest = pending.filter((p) => p.request.id !== slow);
    const worker = rest.length ? this.ensureWorker() : undefined;
    for (const p of rest) {
      if (!worker) this.runHere(p.request, p.settle);
      else this.post(worker, p.request, p.settle);
    }
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    this.restart(undefined, 'Hindsight is shutting down.');
  }
}
