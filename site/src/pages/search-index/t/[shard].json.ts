import type { APIContext } from 'astro';
import { siteSearchIndex } from '../../../lib/search-engine';

/** One term shard of the search index: the postings of a range of words. */
export async function getStaticPaths() {
  const index = await siteSearchIndex();
  return index.shards.map((_, i) => ({ params: { shard: String(i) } }));
}

export async function GET({ params }: APIContext) {
  const index = await siteSearchIndex();
  return new Response(index.shards[Number(params.shard)] ?? '{}', {
    headers: { 'Content-Type': 'application/json' },
  });
}
