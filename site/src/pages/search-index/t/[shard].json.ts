import type { APIContext } from 'astro';
import { searchIndexPart, siteSearchIndex } from '../../../lib/search-engine';

/** One term shard of the search index: the postings of a range of words. */
export async function getStaticPaths() {
  const index = await siteSearchIndex();
  return Array.from({ length: index.shards }, (_, i) => ({ params: { shard: String(i) } }));
}

export async function GET({ params }: APIContext) {
  return new Response(await searchIndexPart(`t/${Number(params.shard)}`), {
    headers: { 'Content-Type': 'application/json' },
  });
}
