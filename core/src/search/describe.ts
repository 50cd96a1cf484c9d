import { categoryKey, severityKey } from './keys';
import type { SearchDocument } from './document';
import type { MatchDescription } from './types';
import { stem, tokenize } from './tokens';

/** Characters of context a snippet shows around its matched words. */
const SNIPPET = 180;

/**
 * Where a document matched the keys of a search (SearchResults.terms) and a snippet of the best
 * matching text with the matched words as ranges. Labels come once each, in document order; the
 * snippet prefers prose to the title, which a result shows anyway.
 */
export function describeMatch(doc: SearchDocument, terms: readonly string[]): MatchDescription {
  const keys = new Set(terms);
  const matchedIn: string[] = [];
  let best: { label: string; text: string; marks: [number, number][]; value: number } | undefined;
  for (const part of doc.parts) {
    const marks: [number, number][] = [];
    const distinct = new Set<string>();
    for (const t of tokenize(part.text)) {
      const key = stem(t.word);
      if (keys.has(key)) {
        marks.push([t.start, t.end]);
        distinct.add(key);
      }
    }
    const byCategory =
      (part.label === 'Root-cause category' && keys.has(categoryKey(doc.category))) ||
      (part.label === 'Severity' && keys.has(severityKey(doc.severity)));
    if (!marks.length && !byCategory) continue;
    if (!matchedIn.includes(part.label)) matchedIn.push(part.label);
    if (!marks.length) continue;
    const value =
      distinct.size * 10 + Math.min(marks.length, 5) - (part.label === 'Title' ? 100 : 0);
    if (!best || value > best.value) best = { label: part.label, text: part.text, marks, value };
  }
  if (
    !matchedIn.includes('Contributing causes') &&
    doc.contributing.some((c) => keys.has(categoryKey(c)))
  ) {
    if (doc.parts.some((p) => p.label === 'Contributing causes'))
      matchedIn.push('Contributing causes');
  }
  if (!best) return { matchedIn };
  return { matchedIn, snippet: { label: best.label, ...window(best.text, best.marks) } };
}

/** The window of a text holding the most marks, cut at word boundaries, with "…" where cut. */
function window(
  text: string,
  marks: [number, number][],
): { text: string; marks: [number, number][] } {
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < marks.length; i++) {
    j = Math.max(j, i);
    while (j + 1 < marks.length && marks[j + 1]![1] - marks[i]![0] <= SNIPPET) j++;
    if (j - i + 1 > bestCount) {
      bestCount = j - i + 1;
      bestStart = marks[i]![0];
    }
  }
  let start = Math.max(0, bestStart - 40);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && bestStart - space < 80 ? space + 1 : start;
    const line = text.lastIndexOf('\n', bestStart);
    if (line >= start) start = line + 1;
  }
  let end = Math.min(text.length, start + SNIPPET + 40);
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    if (space >= 0 && space - end < 30) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\n/g, ' ');
  const shifted = marks
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [a - start + prefix.length, b - start + prefix.length]);
  return { text: prefix + body + suffix, marks: shifted };
}
