import { fileURLToPath } from 'node:url';
import { loadWorkspace, type Workspace } from '@hindsight/node';

/** The repository the site is built from. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * hindsight.json of the repository (or the file named by HINDSIGHT_CONFIG), with defaults.
 * HINDSIGHT_POSTMORTEMS overrides the postmortems folder.
 */
export function siteWorkspace(): Workspace {
  return loadWorkspace(repoRoot, process.env.HINDSIGHT_CONFIG || undefined);
}
