import { fileURLToPath } from 'node:url';
// Only the workspace module: astro.config.mjs imports this file, and Vite transforms every module
// it reaches (the package's index would bring the whole core, about a second of a build).
import { loadWorkspace, type Workspace } from '@hindsight/node/workspace';

/** The repository the site is built from. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * hindsight.json of the repository (or the file named by HINDSIGHT_CONFIG), with defaults.
 * HINDSIGHT_POSTMORTEMS overrides the postmortems folder.
 */
export function siteWorkspace(): Workspace {
  return loadWorkspace(repoRoot, process.env.HINDSIGHT_CONFIG || undefined);
}

/** Where the site is published: its public address and the path it is served under. */
export interface Publishing {
  /** Public origin, e.g. https://acme.github.io (the base path is kept apart). */
  url: string;
  /** Path the pages live under, starting and ending with "/": "/" or "/handbook/". */
  base: string;
}

/**
 * The public address and base path: `site.url` and `site.base` of hindsight.json, overridden by
 * HINDSIGHT_SITE_URL and HINDSIGHT_BASE (set by CI, or by `npm start` for the port it serves).
 * A bad value is one sentence naming the variable or setting, never a stack trace.
 */
export function publishing(
  config = siteWorkspace().config,
  env: NodeJS.ProcessEnv = process.env,
): Publishing {
  const rawUrl = env.HINDSIGHT_SITE_URL || config.site.url;
  const source = env.HINDSIGHT_SITE_URL ? 'HINDSIGHT_SITE_URL' : 'site.url in hindsight.json';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error(
      `${source} is '${rawUrl}'; expected an http or https address such as https://acme.github.io/handbook/.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `${source} is '${rawUrl}'; expected an http or https address such as https://acme.github.io/handbook/.`,
    );
  }
  // A public address with a path ("https://acme.github.io/handbook/") implies the base path.
  let base = env.HINDSIGHT_BASE || (config.site.base !== '/' ? config.site.base : url.pathname);
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(base)) {
    throw new Error(
      `${env.HINDSIGHT_BASE ? 'HINDSIGHT_BASE' : 'site.base in hindsight.json'} is '${base}'; expected a path of letters, digits, '.', '_', '~' and '-' segments such as /handbook/.`,
    );
  }
  return { url: url.origin, base };
}
