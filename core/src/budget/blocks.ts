// The block structure the budget's pass follows: lines, front matter, fences, HTML blocks, list
// items and headings, and what a hidden line keeps of it.

export const FRONT_MATTER_FENCE = /^---[ \t]*$/;
export const FENCE = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
export const ATX = /^#{1,6}(?:[ \t]|$)/;
export const BULLET = /^[-*+][ \t]+\S/;
export const ORDERED = /^(\d{1,9})([.)])[ \t]+\S/;
/** HTML blocks that run past blank lines, to their end marker (CommonMark kinds 1 to 5). */
export const HTML_UNTIL: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/** What a hidden line keeps: indentation, quote and list markers and a heading's #s, so its block structure stays. */
export const KEPT_PREFIX =
  /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*(?:#{1,6}(?=[ \t]|$))?[ \t]*/;
export function lineEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
  return i;
}

export function nextLine(s: string, start: number): number {
  const e = lineEnd(s, start);
  if (e >= s.length) return s.length;
  return s.charCodeAt(e) === 13 && s.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
}

export function lineAt(s: string, start: number): string {
  return s.slice(start, lineEnd(s, start));
}

/**
 * Indentation and block-quote markers of a line (a `>` indented by up to three columns always
 * opens or continues a quote; none when `noContainers`). A tab counts as one column (`least`) or
 * four (`indent`): each check takes the reading that can only make it count more, never split or
 * skip what the parser joins. `rest` is the line after them.
 */
export function linePrefix(
  text: string,
  noContainers: boolean,
): { quotes: number; indent: number; least: number; rest: string } {
  let i = 0;
  let quotes = 0;
  let indent = 0;
  let least = 0;
  for (;;) {
    let lead = 0;
    let columns = 0;
    for (;;) {
      const c = text.charCodeAt(i + lead);
      if (c === 32) columns++;
      else if (c === 9) columns += 4;
      else break;
      lead++;
    }
    if (text.charCodeAt(i + lead) === 62 && columns <= 3 && !noContainers) {
      quotes++;
      i += lead + 1;
    } else {
      indent = columns;
      least = lead;
      i += lead;
      break;
    }
  }
  const rest = text.slice(i);
  return { quotes, indent, least, rest };
}

/** The text with the given lines hidden: their characters replaced by `x`, KEPT_PREFIX kept. */
export function hideLines(
  input: string,
  hidden: readonly { start: number; end: number }[],
): string {
  const parts: string[] = [];
  let at = 0;
  for (const h of hidden) {
    const keep = KEPT_PREFIX.exec(input.slice(h.start, h.end))![0].length;
    parts.push(input.slice(at, h.start + keep), 'x'.repeat(h.end - h.start - keep));
    at = h.end;
  }
  parts.push(input.slice(at));
  return parts.join('');
}
