import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary, type Library, type SiteEntry } from './lib/library';
import { writePageData, type PageDataFile } from './lib/page-files';
import { entrySchema } from './lib/schema';
import { writeSearchIndex, type SearchIndexFiles } from './lib/search-files';
import { repoRoot as root, siteWorkspace } from './lib/workspace';

const { config } = siteWorkspace();

let library: Promise<Library> | undefined;
/** The library is read once per build and shared by both collections. */
function getLibrary(): Promise<Library> {
  library ??= loadLibrary({
    root,
    workspace: siteWorkspace(),
    folder: process.env.HINDSIGHT_POSTMORTEMS,
    today: process.env.HINDSIGHT_TODAY,
  });
  return library;
}

let searchIndex: Promise<SearchIndexFiles> | undefined;
/**
 * The library's search index, built from the search documents of the library read once (before
 * the postmortems loader lets its entries go) and written to Astro's cache folder.
 */
function getSearchIndex(cacheDir: URL): Promise<SearchIndexFiles> {
  searchIndex ??= getLibrary().then((lib) =>
    writeSearchIndex(
      lib.entries.flatMap((e) => (e.search ? [e.search] : [])),
      lib.workspace.config,
      fileURLToPath(new URL('hindsight-search-index/', cacheDir)),
    ),
  );
  return searchIndex;
}

/** Where the postmortems loader wrote the page data: settled by its first sync. */
let pageDataWritten!: (where: PageDataFile) => void;
let pageDataFailed!: (error: unknown) => void;
const pageData = new Promise<PageDataFile>((resolve, reject) => {
  pageDataWritten = resolve;
  pageDataFailed = reject;
});
pageData.catch(() => {}); // the postmortems loader reports the error itself

/** Loads postmortems through the core, so the site, the CLI and the editor never disagree. */
function postmortemLoader(): Loader {
  return {
    name: 'hindsight-postmortems',
    async load({ store, logger, parseData, watcher, config: astro }) {
      const sync = async () => {
        const lib = await getLibrary();
        await getSearchIndex(astro.cacheDir);
        for (const r of lib.rejected) for (const m of r.messages) logger.error(m);
        if (lib.rejected.length) {
          const files = lib.rejected.map((r) => r.file).join(', ');
          if (lib.workspace.config.site.onInvalid === 'fail') {
            throw new Error(
              `${lib.rejected.length} postmortem(s) have errors: ${files}. Fix them (see above) or set "site": {"onInvalid": "badge"} in hindsight.json to publish them marked incomplete.`,
            );
          }
          logger.warn(
            `Skipped ${lib.rejected.length} postmortem(s) that could not be published: ${files}`,
          );
        }
        const incomplete = lib.entries.filter((e) => e.incomplete);
        for (const e of incomplete)
          for (const f of e.findings)
            if (f.severity === 'error')
              logger.warn(`${e.file}:${f.line}:${f.column} error ${f.rule} ${f.message}`);
        if (incomplete.length)
          logger.warn(
            `Published ${incomplete.length} postmortem(s) marked incomplete because of lint errors: ${incomplete.map((e) => e.file).join(', ')}`,
          );
        store.clear();
        const pages: Record<string, unknown>[] = [];
        for (const { search: _search, ...entry } of lib.entries) {
          // The search document is in the search index already (getSearchIndex); the page data,
          // validated by the collection's schema, goes to the page data file (writePageData), and
          // the store keeps each postmortem's address.
          const data = await parseData({
            id: entry.slug,
            data: entry as unknown as Record<string, unknown>,
            filePath: entry.file,
          });
          pages.push(data);
          store.set({ id: entry.slug, data: { slug: entry.slug }, filePath: entry.file });
        }
        pageDataWritten(
          writePageData(
            pages as unknown as SiteEntry[],
            fileURLToPath(new URL('hindsight-pages/', astro.cacheDir)),
          ),
        );
        logger.info(`Loaded ${lib.entries.length} postmortems`);
      };
      await sync().catch((error: unknown) => {
        pageDataFailed(error);
        throw error;
      });
      // A build reads the library once: the store has the entries now, so let them go (what
      // the rejected collection reads stays).
      if (!watcher) library = library?.then((lib) => ({ ...lib, entries: [] }));
      // In `astro dev`, edits to a postmortem rebuild the collection.
      if (watcher) {
        const lib = await getLibrary();
        const folder = resolve(root, lib.workspace.config.postmortems);
        watcher.add(folder);
        watcher.on('all', (_event, changed) => {
          if (!changed.startsWith(folder) || !/\.(md|markdown)$/i.test(changed)) return;
          library = undefined;
          searchIndex = undefined;
          sync().catch((e: Error) => logger.error(e.message));
        });
      }
    },
  };
}

/** Files left out of the site because they have errors, with the linter's messages. */
function rejectedLoader(): Loader {
  return {
    name: 'hindsight-rejected',
    async load({ store }) {
      const lib = await getLibrary();
      store.clear();
      // One entry that always exists, so an empty list is not mistaken for a missing collection.
      store.set({ id: 'all', data: { files: lib.rejected } });
    },
  };
}

/** Where the search index of the library was written, and its parts (one entry, `index`). */
function searchLoader(): Loader {
  return {
    name: 'hindsight-search',
    async load({ store, config: astro }) {
      const files = await getSearchIndex(astro.cacheDir);
      store.clear();
      store.set({ id: 'index', data: { ...files } });
    },
  };
}

/** Where the page data of every postmortem was written (one entry, `library`). */
function pagesLoader(): Loader {
  return {
    name: 'hindsight-pages',
    async load({ store }) {
      const where = await pageData;
      store.clear();
      store.set({ id: 'library', data: { ...where } });
    },
  };
}

const postmortems = defineCollection({
  loader: postmortemLoader(),
  schema: entrySchema(config),
});

const rejected = defineCollection({
  loader: rejectedLoader(),
  schema: z.object({
    files: z.array(z.object({ file: z.string(), messages: z.array(z.string()) })),
  }),
});

const search = defineCollection({
  loader: searchLoader(),
  schema: z.object({ dir: z.string(), shards: z.number(), chunks: z.number() }),
});

const pages = defineCollection({
  loader: pagesLoader(),
  schema: z.object({ file: z.string() }),
});

export const collections = { postmortems, rejected, search, pages };
