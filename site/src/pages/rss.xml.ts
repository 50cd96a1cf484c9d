import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allEntries, categoryLabel, config } from '../lib/data';

export async function GET(context: APIContext) {
  const entries = await allEntries();
  return rss({
    title: `${config.site.title}: postmortems`,
    description: 'New incident postmortems.',
    site: context.site ?? config.site.url,
    items: entries.slice(0, 50).map((e) => ({
      title: e.title,
      link: `/postmortems/${e.slug}/`,
      pubDate: new Date(`${e.date}T00:00:00Z`),
      description: e.summary,
      categories: [categoryLabel(e.meta.root_cause), ...(e.meta.severity ? [e.meta.severity] : [])],
    })),
  });
}
