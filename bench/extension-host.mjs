// Benchmark (not a test): how long the extension host's event loop is held while each hostile file
// of issue 13 (test/hostile-cases.ts) and an ordinary 2,000-line postmortem (bench/generate.mjs)
// appears in the workspace and is opened and checked, in a real VS Code (the server of
// test/vscode, as `node test/vscode/run.mjs` runs it). Prints one line per file, then the machine's
// load. A CPU profile of the host (sampled each 1 ms, a little overhead) names what ran in each
// longest gap and gives the longest run of Hindsight's own code. RESULTS.md section 7 has the figures.
//   node bench/extension-host.mjs [--runs=N] [--extension=DIR] [names...]
// names: prefixes of the files' names; --extension measures another copy of extension/ (an older
// commit's, for before/after figures; it needs a node_modules beside it, e.g. a symlink).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { longPostmortem } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
const only = args.filter((a) => !a.startsWith('--'));
const extension = path.resolve(
  args.find((a) => a.startsWith('--extension='))?.slice(12) ?? path.join(root, 'extension'),
);

if (
  spawnSync(process.execPath, [path.join(extension, 'build.mjs')], { stdio: 'inherit' }).status !==
  0
)
  process.exit(1);
const work = mkdtempSync(path.join(tmpdir(), 'hindsight-host-bench-'));
await build({
  entryPoints: [path.join(root, 'test/hostile-cases.ts')],
  outfile: path.join(work, 'cases.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
await build({
  entryPoints: [path.join(root, 'bench/extension-host-probe.ts')],
  outfile: path.join(work, 'probe', 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});
writeFileSync(path.join(work, 'probe', 'package.json'), '{ "type": "commonjs" }\n');
const { hostileCases } = await import(pathToFileURL(path.join(work, 'cases.mjs')).href);
const base = readFileSync(
  path.join(root, 'postmortems/2025-02-03-expired-tls-certificate-on-api.md'),
  'utf8',
);
const ordinary = { name: 'ordinary-2000-lines', text: longPostmortem() };
const files = [ordinary, ...hostileCases(base), ordinary]
  .map((c, i, all) => ({ name: all.indexOf(c) === i ? c.name : `${c.name}-again`, text: c.text }))
  .filter((c) => !only.length || only.some((o) => c.name.startsWith(o)));
writeFileSync(path.join(work, 'files.json'), JSON.stringify(files));

const before = loadavg();
const lines = [];
for (let run = 0; run < runs; run++) {
  const workspace = path.join(work, `ws-${run}`);
  cpSync(path.join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
  let out = '';
  const tee = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      process.stdout.write(chunk, done);
    },
  });
  process.env.HINDSIGHT_PROBE_FILES = path.join(work, 'files.json');
  process.env.HINDSIGHT_PROBE_OURS = path.join(extension, 'dist/');
  process.env.HINDSIGHT_VSCODE_TIMEOUT ??= '1200';
  await runTests({
    vscodeExecutablePath: path.join(root, 'test/vscode/code-shim.mjs'),
    extensionDevelopmentPath: extension,
    extensionTestsPath: path.join(work, 'probe', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    stdout: tee,
    stderr: process.stderr,
  });
  const result = /PROBE-RESULT (.*)/.exec(out);
  if (!result) throw new Error('the probe printed no result');
  lines.push(...JSON.parse(result[1]).map((r) => ({ run, ...r })));
}
rmSync(work, { recursive: true, force: true });
const after = loadavg();
console.log(
  "\nfile | KB | longest event-loop delay as it appeared (ms) | while opened and checked (ms) | longest run of Hindsight's code (ms)",
);
for (const r of lines)
  console.log(
    `${r.name} | ${r.kb} | ${r.appear.toFixed(0)} | ${r.open.toFixed(0)}${r.checked ? '' : ' (not checked)'} | ${r.ours.toFixed(0)}`,
  );
console.log(
  `load average ${before.map((l) => l.toFixed(1)).join(' ')} before, ${after.map((l) => l.toFixed(1)).join(' ')} after, ${cpus().length} cores`,
);
