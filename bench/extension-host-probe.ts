// Runs inside VS Code's extension host (as its "tests"), started by bench/extension-host.mjs: for
// each file it was given, measures the longest event-loop delay of the host (perf_hooks'
// monitorEventLoopDelay) while the file appears in the workspace, and while it is opened and checked
// (until its diagnostics are set, then one more second for CodeLens, views and the like). It also
// records a CPU profile of the host (sampled each 1 ms), names the functions on the stacks during
// each longest gap, and finds the longest run of samples in Hindsight's own bundle (its longest
// task on the host). Not a test: it prints figures.
import { readFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { HindsightApi } from '../extension/src/extension';

interface ProbeFile {
  name: string;
  text: string;
}

const SETTLE_MS = 1000;

async function api(): Promise<HindsightApi> {
  const ext = vscode.extensions.getExtension<HindsightApi>('hindsight.hindsight');
  if (!ext) throw new Error('the Hindsight extension is not installed');
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

/** The longest event-loop delay, in ms, while `work` runs. */
async function longestDelay(work: () => Promise<void>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  try {
    await work();
    // A block just before the work ended is recorded at the histogram's next tick.
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    h.disable();
  }
  return h.max / 1e6;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Watches the event loop with a 5 ms timer: the longest gap between its ticks, on the profiler's clock (µs). */
function gapWatch(): { stop(): { from: number; to: number } } {
  const now = () => Number(process.hrtime.bigint() / 1000n);
  let last = now();
  let gap = { from: last, to: last };
  const timer = setInterval(() => {
    const t = now();
    if (t - last > gap.to - gap.from) gap = { from: last, to: t };
    last = t;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return gap;
    },
  };
}

/**
 * What a CPU profile says of a window (µs, the profiler's clock): the functions on the stacks of its
 * samples (share of samples, scripts of the extension host only), and the longest run of
 * consecutive samples in Hindsight's own bundle over the whole profile.
 */
function attribute(profile: Profiler.Profile, window: { from: number; to: number }, ours: string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stack = (id: number | undefined) => {
    const frames: Profiler.ProfileNode['callFrame'][] = [];
    for (; id !== undefined; id = parent.get(id)) frames.push(byId.get(id)!.callFrame);
    return frames;
  };
  const inclusive = new Map<string, number>();
  let inWindow = 0;
  let longestOurs = 0;
  let oursAt = { from: 0, to: 0 };
  let run = 0;
  let runFrom = 0;
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    const frames = stack(samples[i]);
    const interval = (deltas[i + 1] ?? 0) / 1000;
    if (frames.some((f) => f.url.includes(ours))) {
      if (run === 0) runFrom = i;
      run += interval;
      if (run > longestOurs) {
        longestOurs = run;
        oursAt = { from: runFrom, to: i + 1 };
      }
    } else run = 0;
    if (t < window.from || t > window.to) continue;
    inWindow++;
    const seen = new Set<string>();
    for (const f of frames) {
      if (!f.url || f.url.startsWith('node:')) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-3).join('/')}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
  }
  const top = [...inclusive.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, c]) => `    ${Math.round((100 * c) / (inWindow || 1))}% ${k}`);
  // Hindsight's own functions in its longest run.
  const mine = new Map<string, number>();
  for (let i = oursAt.from; i < oursAt.to; i++)
    for (const name of new Set(
      stack(samples[i])
        .filter((f) => f.url.includes(ours))
        .map((f) => f.functionName),
    ))
      mine.set(name, (mine.get(name) ?? 0) + 1);
  const oursTop = [...mine.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(
      ([k, c]) =>
        `${k || '(anonymous)'} ${Math.round((100 * c) / (oursAt.to - oursAt.from || 1))}%`,
    );
  // Few samples over a long run: the process was not scheduled, not busy in Hindsight's code.
  oursTop.push(`${oursAt.to - oursAt.from} samples`);
  return { top, longestOurs, oursTop };
}

export async function run(): Promise<void> {
  const files = JSON.parse(readFileSync(process.env.HINDSIGHT_PROBE_FILES!, 'utf8')) as ProbeFile[];
  const ours = process.env.HINDSIGHT_PROBE_OURS!;
  const hindsight = await api();
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 1000 });
  const rows: {
    name: string;
    kb: number;
    appear: number;
    open: number;
    ours: number;
    checked: boolean;
  }[] = [];
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder, 'postmortems', `probe-${file.name}.md`);
    await post(session, 'Profiler.start');
    let watch = gapWatch();
    const appear = await longestDelay(async () => {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.text));
      // The file watcher tells the extension; give it the time to read the file.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      await hindsight.library.whenIdle();
    });
    const appearGap = watch.stop();
    let checked = false;
    watch = gapWatch();
    const open = await longestDelay(async () => {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const started = Date.now();
      while (!hindsight.findings.findingsFor(document) && Date.now() - started < 60_000)
        await new Promise((r) => setTimeout(r, 20));
      checked = hindsight.findings.findingsFor(document) !== undefined;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    });
    const openGap = watch.stop();
    const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
    const a = attribute(profile, appearGap, ours);
    const o = attribute(profile, openGap, ours);
    console.log(
      `${file.name}: functions in the longest gap as it appeared (${((appearGap.to - appearGap.from) / 1000).toFixed(0)} ms):\n${a.top.join('\n')}\n` +
        `  and while opened (${((openGap.to - openGap.from) / 1000).toFixed(0)} ms):\n${o.top.join('\n')}\n` +
        `  Hindsight's longest run: ${a.oursTop.join(', ')}`,
    );
    rows.push({
      name: file.name,
      kb: Math.round(file.text.length / 1000),
      appear,
      open,
      ours: a.longestOurs,
      checked,
    });
    console.log(
      `PROBE ${file.name}: longest delay ${appear.toFixed(0)} ms as it appeared, ${open.toFixed(0)} ms while opened and checked${checked ? '' : ' (not checked within 60 s)'}; longest run of Hindsight's code ${a.longestOurs.toFixed(0)} ms`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
    await new Promise((r) => setTimeout(r, 300));
    await hindsight.library.whenIdle();
  }
  session.disconnect();
  console.log(`PROBE-RESULT ${JSON.stringify(rows)}`);
}
