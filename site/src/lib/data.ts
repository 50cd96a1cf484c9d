import { getCollection, getEntry } from 'astro:content';
import type { Config } from '@hindsight/core';
import { todayIso } from '@hindsight/core/dates';
import { librarySlugs, nameKey } from './derive';
import type { SiteEntry } from './library';
import { readPageData } from './page-files';
import { relatedLibrary, type RelatedLink } from './related';
import { siteWorkspace } from './workspace';

/** The repository's configuration (hindsight.json with defaults). */
export const config: Config = siteWorkspace().config;

/** The date the site was built; overdue items are as of this day. */
export const builtOn: string = process.env.HINDSIGHT_TODAY ?? todayIso();

let cached: Promise<SiteEntry[]> | undefined;
/**
 * Every postmortem that built, newest first. One array for the whole build, so what is derived
 * from the library (related postmortems, slugs) is computed once, not once per page; `astro dev`
 * reads the collection afresh, since postmortems change while it runs.
 */
export function allEntries(): Promise<SiteEntry[]> {
  const load = async () => {
    // The page data the content loader validated and wrote (page-files.ts), read once.
    const where = await getEntry('pages', 'library');
    if (!where) throw new Error('The page data was not written: the content loader did not run.');
    return readPageData(where.data).sort(
      (a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title),
    );
  };
  if (import.meta.env.DEV) return load();
  return (cached ??= load());
}

/** Files the build could not publish, with the linter's messages. */
export async function rejectedFiles(): Promise<{ file: string; messages: string[] }[]> {
  return (await getCollection('rejected')).flatMap((e) => e.data.files);
}

export function categoryLabel(id: string | undefined): string {
  return config.categories.find((c) => c.id === id)?.label ?? id ?? 'Unknown';
}

/** The page of a root-cause category, or undefined when the id is not in the taxonomy (an incomplete postmortem's). */
export function categoryHref(id: string | undefined): string | undefined {
  return id && config.categories.some((c) => c.id === id) ? href(`/categories/${id}/`) : undefined;
}

/** A URL inside the site, under the configured base path. */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}

/** The page of a service or a tag of the library. */
export function nameHref(entries: SiteEntry[], kind: 'services' | 'tags', name: string): string {
  return href(`/${kind}/${librarySlugs(entries)[kind].get(nameKey(name))}/`);
}

const relatedCache = new WeakMap<
  SiteEntry[],
  { links: Map<string, RelatedLink[]>; bySlug: Map<string, SiteEntry> }
>();
/** Related postmortems of one entry, from the library-wide computation (done once per build). */
export function relatedOf(
  entries: SiteEntry[],
  slug: string,
): { entry: SiteEntry; reasons: string[] }[] {
  let related = relatedCache.get(entries);
  if (!related)
    relatedCache.set(
      entries,
      (related = {
        links: relatedLibrary(entries, config),
        bySlug: new Map(entries.map((e) => [e.slug, e])),
      }),
    );
  const { links, bySlug } = related;
  return (links.get(slug) ?? []).map((r) => ({ entry: bySlug.get(r.slug)!, reasons: r.reasons }));
}

/** A count with thousands separators: 1,900,000. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Link to edit a postmortem in its repository, when `site.repository` is set. */
export function editHref(file: string): string | undefined {
  const repo = config.site.repository?.replace(/\/+$/, '');
  if (!repo) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  // GitLab puts its routes after "/-/"; GitHub, Gitea and Forgejo use /edit/<branch>/<path>.
  return /gitlab/i.test(new URL(repo).hostname)
    ? `${repo}/-/edit/${config.site.branch}/${path}`
    : `${repo}/edit/${config.site.branch}/${path}`;
}
