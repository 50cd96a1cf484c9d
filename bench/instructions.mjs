// Lint against the floor (issue 19) in instructions, not seconds: valgrind's callgrind counts the
// instructions `hindsight lint` and bench/reference/floor.mjs execute (all threads), which a busy
// machine does not change (the same run twice differs by well under 1%, where wall times of the
// same lint differed by 40%). Each is also run over an empty folder, so start-up and the work per
// file are told apart. Runs two at a time; about two and a half minutes for 1,000 files.
// Usage: node bench/instructions.mjs [N=1000]   (needs valgrind and bench/.data/lib-N: bench/generate.mjs N)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 1000);
const lib = path.join(root, 'bench/.data', `lib-${n}`);
if (!existsSync(lib)) {
  console.error(`No ${lib}: run node bench/generate.mjs ${n} first.`);
  process.exit(2);
}
const empty = mkdtempSync(path.join(tmpdir(), 'hindsight-instr-'));
mkdirSync(path.join(empty, 'postmortems'));

/** Instructions executed by `node argv` in `cwd`, by callgrind (JIT code included: --smc-check). */
async function instructions(argv, cwd) {
  const { stderr } = await run(
    'valgrind',
    [
      '--tool=callgrind',
      '--smc-check=all-non-file',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      ...argv,
    ],
    { cwd, env: { ...process.env, HINDSIGHT_THREADS: '1' }, maxBuffer: 1 << 26 },
  );
  const m = /Collected : (\d+)/.exec(stderr);
  if (!m) throw new Error(`callgrind gave no count:\n${stderr.slice(-2000)}`);
  return Number(m[1]);
}

const lint = [path.join(root, 'cli/bin/hindsight.mjs'), 'lint', 'postmortems'];
const floor = [path.join(root, 'bench/reference/floor.mjs'), 'postmortems'];
const [lintEmpty, floorEmpty] = await Promise.all([
  instructions(lint, empty),
  instructions(floor, empty),
]);
const [lintN, floorN] = await Promise.all([instructions(lint, lib), instructions(floor, lib)]);
rmSync(empty, { recursive: true, force: true });

const g = (x) => `${(x / 1e9).toFixed(2)} G`;
const perFileLint = (lintN - lintEmpty) / n;
const perFileFloor = (floorN - floorEmpty) / n;
console.log(`node ${process.version}, ${n} postmortems, instructions (callgrind):`);
console.log(
  `  hindsight lint: ${g(lintN)} (start-up ${g(lintEmpty)}, ${(perFileLint / 1e6).toFixed(2)} M per file)`,
);
console.log(
  `  floor:          ${g(floorN)} (start-up ${g(floorEmpty)}, ${(perFileFloor / 1e6).toFixed(2)} M per file)`,
);
console.log(
  `  ratio: ${(lintN / floorN).toFixed(2)} in all, ${(perFileLint / perFileFloor).toFixed(2)} per file`,
);
console.log(
  `  projected at 10,000: ${((lintEmpty + 10000 * perFileLint) / (floorEmpty + 10000 * perFileFloor)).toFixed(2)}`,
);
