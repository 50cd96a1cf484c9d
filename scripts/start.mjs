// The main job: package the VS Code extension (dist/hindsight.vsix), lint the library, print its
// statistics, build the knowledge base from postmortems/ and serve it on 127.0.0.1.
// Set PORT to choose the port (default 4321, or the next free one). The port is chosen before the
// build, so the feed, the sitemap and canonical links point at the address actually served.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}cli/bin/hindsight.mjs`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function step(title, command, args) {
  process.stdout.write(`\n== ${title} ==\n`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

/** The base path the site was built under, as the build printed it into the home page's canonical link. */
function readBase() {
  try {
    const html = readFileSync(`${root}site/dist/index.html`, 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    return canonical ? new URL(canonical).pathname : '/';
  } catch {
    return '/';
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

if (
  step('Package the VS Code extension (dist/hindsight.vsix)', 'npm', [
    'run',
    '--silent',
    'package',
    '--workspace',
    'extension',
  ]) !== 0
) {
  process.exit(1);
}
const lint = step('Lint the library (hindsight lint)', process.execPath, [cli, 'lint']);
step('Statistics (hindsight stats)', process.execPath, [cli, 'stats']);

let port = Number(process.env.PORT ?? 4321);
while (!(await portFree(port))) port++;
// The base path (site.base or HINDSIGHT_BASE) is kept; the address is this machine's.
env.HINDSIGHT_SITE_URL = `http://127.0.0.1:${port}/`;
if (
  step(`Build the knowledge base for http://127.0.0.1:${port} (astro build)`, 'npx', [
    '--no-install',
    'astro',
    'build',
    '--root',
    'site',
  ]) !== 0
) {
  process.exit(1);
}
if (lint !== 0)
  process.stdout.write(
    '\nThe library has lint errors: those postmortems are published marked "incomplete" (see site.onInvalid in hindsight.json).\n',
  );

const base = readBase();
const address = `http://127.0.0.1:${port}${base}`;
process.stdout.write('\n== Serve the knowledge base (astro preview) ==\n');
const server = spawn(
  'npx',
  [
    '--no-install',
    'astro',
    'preview',
    '--root',
    'site',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ],
  {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
let stopped = false;
const stop = () => {
  stopped = true;
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  stopped = true;
  process.exit(code ?? 0);
});

// The address is printed when the server answers it, not before.
async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
while (!stopped && !(await answers(address))) await new Promise((r) => setTimeout(r, 200));
if (!stopped) process.stdout.write(`Hindsight is at ${address} (Ctrl+C to stop)\n`);
