import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    buildLog: string;
    libraryDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Builds the site from the library plus hostile and broken fixtures, serves it with `astro preview`
 * on 127.0.0.1, and hands the address to the tests.
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(path.join(tmpdir(), 'hindsight-e2e-'));
  const library = path.join(work, 'library');
  mkdirSync(library);
  for (const f of readdirSync(path.join(ROOT, 'postmortems')))
    cpSync(path.join(ROOT, 'postmortems', f), path.join(library, f));
  cpSync(path.join(ROOT, 'test/fixtures/site'), library, { recursive: true });
  const outDir = path.join(work, 'dist');
  const env = {
    ...process.env,
    HINDSIGHT_POSTMORTEMS: library,
    HINDSIGHT_TODAY: '2026-11-24',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const build = spawnSync(
    'npx',
    ['--no-install', 'astro', 'build', '--root', 'site', '--outDir', outDir],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  const buildLog = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`astro build failed:\n${buildLog}`);

  const port = await freePort();
  const preview: ChildProcess = spawn(
    'npx',
    [
      '--no-install',
      'astro',
      'preview',
      '--root',
      'site',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let previewLog = '';
  preview.stdout?.on('data', (d: Buffer) => (previewLog += d.toString()));
  preview.stderr?.on('data', (d: Buffer) => (previewLog += d.toString()));
  const siteUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${siteUrl}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || preview.exitCode !== null)
      throw new Error(`astro preview did not answer on ${siteUrl}:\n${previewLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('siteUrl', siteUrl);
  project.provide('buildLog', buildLog);
  project.provide('libraryDir', library);

  return () => {
    if (preview.pid) {
      try {
        process.kill(-preview.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  };
}
