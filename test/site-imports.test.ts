import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The core's source files a module of the site reaches through static imports. Astro loads the
 * site's config and content loader through Vite, which transforms and runs every module they
 * reach, once per build: a stray import of a package's index brings the whole core into every
 * build (about a second of CPU at 1,000 postmortems).
 */
async function coreFilesReached(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        // Only the workspace's own sources are followed: npm packages and Astro's virtual modules
        // are left as they are.
        name: 'own-sources-only',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@hindsight/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return Object.keys(result.metafile.inputs)
    .filter((f) => f.startsWith('core/src/'))
    .sort();
}

describe('what the site build loads through Vite', () => {
  it('reads hindsight.json for astro.config.mjs with the configuration modules only', async () => {
    const reached = await coreFilesReached('site/astro.config.mjs');
    expect(reached).toContain('core/src/config.ts');
    expect(reached).not.toContain('core/src/index.ts');
    expect(reached).not.toContain('core/src/lint.ts');
    expect(reached.length).toBeLessThan(12);
  });

  it('loads the library without the core index or the importer’s inference', async () => {
    const reached = await coreFilesReached('site/src/content.config.ts');
    expect(reached).toContain('core/src/lint.ts');
    expect(reached).toContain('core/src/search/build.ts');
    expect(reached).not.toContain('core/src/index.ts');
    expect(reached.filter((f) => f.startsWith('core/src/infer/'))).toEqual([]);
  });
});
