import { allEntries, href } from '../lib/data';

/**
 * Every postmortem's metadata, metrics, action items, timeline entries and lint findings, for other
 * tools. `incomplete` marks a postmortem published with lint errors.
 */
export async function GET() {
  const entries = await allEntries();
  const body = entries.map((e) => ({
    slug: e.slug,
    url: href(`/postmortems/${e.slug}/`),
    file: e.file,
    title: e.title,
    date: e.date,
    ...e.meta,
    incomplete: e.incomplete,
    ...(e.updated ? { updated: e.updated } : {}),
    metrics: e.metrics,
    actions: e.actions,
    timeline: e.timeline.map((t) => ({
      time: t.label,
      at: t.at ?? null,
      text: t.text,
      line: t.line,
    })),
    findings: e.findings,
  }));
  // Compact: at 5,000 postmortems the indented text was half again as large, for tools that parse it.
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json' },
  });
}
