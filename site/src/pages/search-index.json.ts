import { allEntries, config } from '../lib/data';
import { searchIndex } from '../lib/derive';

/** The search index, built once at build time and fetched by the browser only when a search starts. */
export async function GET() {
  return new Response(JSON.stringify(searchIndex(await allEntries(), config)), { headers: { 'Content-Type': 'application/json' } });
}
