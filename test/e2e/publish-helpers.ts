import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The environment without what vitest adds to it (BASE_URL, MODE, DEV, PROD, SSR): Vite reads those
 * from the environment, so a build started from a test would otherwise ignore the configured base.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}

/** Builds the site into `outDir` with the given environment; returns the build output. */
export function buildSite(
  outDir: string,
  env: Record<string, string>,
): { status: number | null; log: string } {
  const build = spawnSync(
    'npx',
    ['--no-install', 'astro', 'build', '--root', 'site', '--outDir', outDir],
    {
      cwd: ROOT,
      env: { ...cleanEnv(), HINDSIGHT_TODAY: '2026-11-24', ASTRO_TELEMETRY_DISABLED: '1', ...env },
      encoding: 'utf8',
    },
  );
  return { status: build.status, log: `${build.stdout}\n${build.stderr}` };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a built site as a plain static host would (GitHub Pages, say): only under `base`, a folder
 * answers with its index.html, anything else is a 404. Binds 127.0.0.1 only.
 */
export async function serveStatic(
  dir: string,
  base: string,
): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('outside the base path');
      return;
    }
    let file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) {
      res.writeHead(404).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** The href, src and action attributes of an HTML page, entities decoded. */
export function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
    out.push(
      m[1]!
        .replace(/&amp;/g, '&')
        .replace(/&#38;/g, '&')
        .replace(/&quot;/g, '"'),
    );
  }
  return out;
}
