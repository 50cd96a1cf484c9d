import type { APIContext } from 'astro';
import { siteSearchIndex } from '../../../lib/search-engine';

/** One chunk of search documents: what results show (title, facts, snippets). */
export async function getStaticPaths() {
  const index = await siteSearchIndex();
  return index.chunks.map((_, i) => ({ params: { chunk: String(i) } }));
}

export async function GET({ params }: APIContext) {
  const index = await siteSearchIndex();
  return new Response(index.chunks[Number(params.chunk)] ?? '[]', {
    headers: { 'Content-Type': 'application/json' },
  });
}
