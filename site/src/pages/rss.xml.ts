import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allEntries, categoryLabel, config, href } from '../lib/data';
import { xmlSafe } from '../lib/derive';

/**
 * The newest postmortems as RSS. Links are absolute, under the public address and base path; every
 * text is stripped of characters XML forbids, whatever lint let through.
 */
export async function GET(context: APIContext) {
  const entries = await allEntries();
  const site = context.site ?? new URL(config.site.url);
  return rss({
    title: xmlSafe(`${config.site.title}: postmortems`),
    description: 'New incident postmortems.',
    site: new URL(href('/'), site).href,
    items: entries.slice(0, 50).map((e) => ({
      title: xmlSafe(e.title),
      link: new URL(href(`/postmortems/${e.slug}/`), site).href,
      ...(e.date ? { pubDate: new Date(`${e.date}T00:00:00Z`) } : {}),
      description: xmlSafe(e.summary),
      categories: [
        categoryLabel(e.meta.root_cause),
        ...(e.meta.severity ? [e.meta.severity] : []),
      ].map(xmlSafe),
    })),
  });
}
