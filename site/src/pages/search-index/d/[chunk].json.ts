import type { APIContext } from 'astro';
import { searchIndexPart, siteSearchIndex } from '../../../lib/search-engine';

/** One chunk of search documents: what results show (title, facts, snippets). */
export async function getStaticPaths() {
  const index = await siteSearchIndex();
  return Array.from({ length: index.chunks }, (_, i) => ({ params: { chunk: String(i) } }));
}

export async function GET({ params }: APIContext) {
  return new Response(await searchIndexPart(`d/${Number(params.chunk)}`), {
    headers: { 'Content-Type': 'application/json' },
  });
}
