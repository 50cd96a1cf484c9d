import { distance } from 'fastest-levenshtein';

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The closest candidate to a mistyped value, or undefined when nothing is close enough. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  const v = squash(value);
  if (!v) return undefined;
  const exact = candidates.find((c) => squash(c) === v);
  if (exact) return exact;
  const prefix = candidates.filter((c) => squash(c).startsWith(v) || v.startsWith(squash(c)));
  if (prefix.length === 1 && Math.min(v.length, squash(prefix[0]!).length) >= 3) return prefix[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    const d = distance(v, squash(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  // Two equally close candidates (SEV9 is as near SEV1 as SEV4) make a guess misleading.
  return best !== undefined &&
    !tie &&
    bestDistance <= Math.max(1, Math.floor(squash(best).length / 3))
    ? best
    : undefined;
}

/** Lists values for a message: "a, b or c". */
export function listWords(values: readonly string[], last = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}`;
}

/** Quotes a value for a message, shortened to one readable line. */
export function quote(value: string, max = 48): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return `'${line.length > max ? `${line.slice(0, max - 1)}…` : line}'`;
}
