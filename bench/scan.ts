// Workspace scan as the Action Items view does it: read files 50 at a time, outline-parse each, yield to
// the event loop between batches. Reports the total and the longest time the loop was blocked.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decode, parseActionOutline } from '@hindsight/core';

const dir = process.argv[2]!;
const files = readdirSync(dir).map((f) => path.join(dir, f));
const start = performance.now();
let longest = 0;
let actions = 0;
for (let i = 0; i < files.length; i += 50) {
  const contents = await Promise.all(files.slice(i, i + 50).map((f) => readFile(f)));
  const t = performance.now();
  for (const bytes of contents) {
    const d = decode(bytes);
    if (d.ok) actions += parseActionOutline(d.text, { today: '2026-11-24' }).actions.length;
  }
  longest = Math.max(longest, performance.now() - t);
  await new Promise((r) => setTimeout(r, 0));
}
console.log(
  JSON.stringify({
    files: files.length,
    actions,
    totalMs: performance.now() - start,
    longestBlockMs: longest,
  }),
);
