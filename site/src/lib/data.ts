import { getCollection } from 'astro:content';
import { todayIso, type Config } from '@hindsight/core';
import type { SiteEntry } from './library';
import { siteWorkspace } from './workspace';

/** The repository's configuration (hindsight.json with defaults). */
export const config: Config = siteWorkspace().config;

/** The date the site was built; overdue items are as of this day. */
export const builtOn: string = process.env.HINDSIGHT_TODAY ?? todayIso();

/** Every postmortem that built, newest first. */
export async function allEntries(): Promise<SiteEntry[]> {
  const list = await getCollection('postmortems');
  return list.map((e) => e.data as unknown as SiteEntry).sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

/** Files the build skipped because they have errors. */
export async function rejectedFiles(): Promise<{ file: string; messages: string[] }[]> {
  return (await getCollection('rejected')).flatMap((e) => e.data.files);
}

export function categoryLabel(id: string | undefined): string {
  return config.categories.find((c) => c.id === id)?.label ?? id ?? 'Unknown';
}

/** A URL inside the site. */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
