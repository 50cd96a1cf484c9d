// Benchmark (not a test): the hostile inputs of issue 13 through `hindsight lint`, one process per
// file, with wall time, CPU time and peak memory from /usr/bin/time. The cases come from
// test/hostile-cases.ts (the hostile corpus test), plus 1 MB of paragraphs each within the budget
// of one paragraph.
//   node bench/hostile.mjs [--cli=cli/bin/hindsight.mjs] [--write=DIR] [--timeout=SECONDS] [names...]
// --cli measures another build (an older commit, for before/after figures); --write keeps the files
// (for the site build by hand). Needs `npm run build:cli` and /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cli = path.resolve(option('cli') ?? path.join(root, 'cli/bin/hindsight.mjs'));
const timeout = Number(option('timeout') ?? 300);
const only = args.filter((a) => !a.startsWith('--'));

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-hostile-'));
await build({
  entryPoints: [path.join(root, 'test/hostile-cases.ts')],
  outfile: path.join(work, 'cases.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { hostileCases, manyParagraphs } = await import(
  pathToFileURL(path.join(work, 'cases.mjs')).href
);
const base = readFileSync(
  path.join(root, 'postmortems/2025-02-03-expired-tls-certificate-on-api.md'),
  'utf8',
);

// Paragraphs each within the budget of one paragraph, 1 MB of them: the document's budget bounds these.
const many = {
  name: 'many-paragraphs-1000k',
  what: "paragraphs of 249 × `'_a*'` (498 markers each), 1 MB",
  text: base.replace('## Summary\n\n', `## Summary\n\n${manyParagraphs(1000)}\n\n<b>x</b>\n\n`),
};
const cases = [...hostileCases(base), many].filter((c) => !only.length || only.includes(c.name));

const dir = option('write') ? path.resolve(option('write')) : path.join(work, 'postmortems');
mkdirSync(dir, { recursive: true });
const rows = [];
for (const c of cases) {
  const file = path.join(dir, `${c.name}.md`);
  writeFileSync(file, c.text);
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %U %S %M',
      'timeout',
      String(timeout),
      process.execPath,
      cli,
      'lint',
      '--format',
      'json',
      file,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  let findings = [];
  try {
    findings = JSON.parse(r.stdout);
  } catch {
    // timed out or crashed: no output to read
  }
  const timedOut = r.status === 124;
  const row = {
    name: c.name,
    what: c.what,
    kb: Math.round(Buffer.byteLength(c.text) / 1000),
    wall: timedOut ? `> ${timeout}` : wall.toFixed(2),
    cpu: (user + sys).toFixed(2),
    mb: Math.round(kb / 1024),
    finding: timedOut
      ? 'timed out'
      : findings.length
        ? `line ${findings[0].line} ${findings[0].rule}`
        : r.status === 0
          ? 'none'
          : `exit ${r.status}`,
  };
  rows.push(row);
  process.stderr.write(`${JSON.stringify(row)}\n`);
}
if (!option('write')) rmSync(work, { recursive: true, force: true });
else rmSync(path.join(work, 'cases.mjs'), { force: true });

console.log(
  `${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end; ${path.relative(root, cli) || cli}\n`,
);
console.log('| file | KB | lint wall s | CPU s | peak MB | first finding |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(`| ${r.what} | ${r.kb} | ${r.wall} | ${r.cpu} | ${r.mb} | ${r.finding} |`);
