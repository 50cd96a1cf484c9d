// Editor latency: re-validate a 2,000-line postmortem after each of 500 edits, as the extension
// does (incremental parse + rules), and the same with a full parse for comparison.
import { readFileSync } from 'node:fs';
import { IncrementalParser, lintPostmortem, lintText } from '@hindsight/core';

const text = readFileSync(process.argv[2]!, 'utf8');
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))]!;
function run(incremental: boolean) {
  const parser = new IncrementalParser({ today: '2026-11-24' });
  parser.parse(text);
  let doc = text;
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const at = 2000 + Math.floor((((i * 7919) % 1000) / 1000) * (doc.length - 2000));
    doc = doc.slice(0, at) + (i % 10 === 9 ? ' ' : 'x') + doc.slice(at);
    const t = performance.now();
    if (incremental) lintPostmortem(parser.parse(doc), { today: '2026-11-24' });
    else lintText(doc, { today: '2026-11-24' });
    times.push(performance.now() - t);
  }
  return { median: q(times, 0.5), p95: q(times, 0.95) };
}
console.log(JSON.stringify({ lines: text.split('\n').length, incremental: run(true), full: run(false) }));
