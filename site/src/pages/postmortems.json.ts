import { allEntries } from '../lib/data';

/** Every postmortem's metadata, metrics and action items, for other tools. */
export async function GET() {
  const entries = await allEntries();
  const body = entries.map((e) => ({
    slug: e.slug,
    url: `/postmortems/${e.slug}/`,
    file: e.file,
    title: e.title,
    date: e.date,
    ...e.meta,
    metrics: e.metrics,
    actions: e.actions,
  }));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
}
