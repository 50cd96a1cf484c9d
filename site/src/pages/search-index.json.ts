import { searchIndexPart } from '../lib/search-engine';

/** The search manifest: facets, vocabulary and where the index parts are; fetched on the first search. */
export async function GET() {
  return new Response(await searchIndexPart('manifest'), {
    headers: { 'Content-Type': 'application/json' },
  });
}
