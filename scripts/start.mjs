// The main job: lint the postmortem library and print its statistics and open action items.
// Later faces (the extension package and the site) join this script as they land.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}cli/bin/hindsight.mjs`;
const step = (title, args) => {
  process.stdout.write(`\n== ${title} ==\n`);
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
};

const lint = step('Lint the library (hindsight lint)', ['lint']);
step('Statistics (hindsight stats)', ['stats']);
step('Open action items (hindsight actions --open)', ['actions', '--open']);
process.exitCode = lint;
