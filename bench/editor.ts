// Editor latency: re-validate a 2,000-line postmortem after each of 500 one-character edits, as the
// extension does (incremental parse + rules), and the same with a full parse for comparison. The text
// is joined from its lines on every edit, as VS Code's TextDocument.getText() hands it over, and
// that join is timed too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IncrementalParser, lintPostmortem, lintText, parseWhole } from '@hindsight/core';

const text = readFileSync(process.argv[2]!, 'utf8');
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))]!;
/**
 * `incremental`: the extension's IncrementalParser. `lines`: parsePostmortem, the line reader that
 * parses alone only the parts it cannot read by lines (the simpler design issue 12 asks to weigh).
 * `whole`: the whole text through the Markdown parser every time.
 */
function run(mode: 'incremental' | 'lines' | 'whole') {
  const parser = new IncrementalParser({ today: '2026-11-24' });
  parser.parse(text);
  const lines = text.split('\n');
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    // Spread over the document after the front matter: the line, then the column.
    const line = 30 + Math.floor((((i * 7919) % 1000) / 1000) * (lines.length - 30));
    const col = Math.floor((((i * 104729) % 997) / 997) * (lines[line]!.length + 1));
    lines[line] = lines[line]!.slice(0, col) + (i % 10 === 9 ? ' ' : 'x') + lines[line]!.slice(col);
    const t = performance.now();
    const doc = lines.join('\n');
    if (mode === 'incremental') lintPostmortem(parser.parse(doc), { today: '2026-11-24' });
    else if (mode === 'lines') lintText(doc, { today: '2026-11-24' });
    else lintPostmortem(parseWhole(doc, { today: '2026-11-24' }), { today: '2026-11-24' });
    times.push(performance.now() - t);
  }
  return { median: q(times, 0.5), p95: q(times, 0.95), p99: q(times, 0.99) };
}

/**
 * The same edits through the extension's lint worker (extension/dist/lint-worker.js, a Node worker
 * thread): the round trip from handing the text over to having the findings back, and the time the
 * host's thread itself spends on it (sending the text, taking the findings), which is all the
 * extension host waits for. The debounce (250 ms after the last keystroke) comes on top of the round trip.
 */
async function runWorker(workerFile: string) {
  const { Worker } = await import('node:worker_threads');
  const { defaultConfig } = await import('@hindsight/core');
  const worker = new Worker(path.resolve(workerFile));
  const lines = text.split('\n');
  const trips: number[] = [];
  const host: number[] = [];
  const ask = (id: number, doc: string) =>
    new Promise<number>((resolve) => {
      let sent = 0;
      worker.once('message', (reply: { findings?: unknown[] }) => {
        const t = performance.now();
        if (!reply.findings) throw new Error('no findings');
        resolve(sent + (performance.now() - t));
      });
      const t = performance.now();
      worker.postMessage({
        type: 'lint',
        id,
        key: 'bench',
        text: doc,
        config: defaultConfig,
        configVersion: 1,
        today: '2026-11-24',
      });
      sent = performance.now() - t;
    });
  await ask(0, text);
  for (let i = 0; i < 500; i++) {
    const line = 30 + Math.floor((((i * 7919) % 1000) / 1000) * (lines.length - 30));
    const col = Math.floor((((i * 104729) % 997) / 997) * (lines[line]!.length + 1));
    lines[line] = lines[line]!.slice(0, col) + (i % 10 === 9 ? ' ' : 'x') + lines[line]!.slice(col);
    const doc = lines.join('\n');
    const t = performance.now();
    host.push(await ask(i + 1, doc));
    trips.push(performance.now() - t);
  }
  await worker.terminate();
  return {
    roundTrip: { median: q(trips, 0.5), p95: q(trips, 0.95), p99: q(trips, 0.99) },
    hostThread: { median: q(host, 0.5), p95: q(host, 0.95), max: Math.max(...host) },
    debounceMs: 250,
  };
}

const workerFile = process.argv[3];
console.log(
  JSON.stringify({
    lines: text.split('\n').length,
    incremental: run('incremental'),
    full: run('lines'),
    whole: run('whole'),
    ...(workerFile && { worker: await runWorker(workerFile) }),
  }),
);
