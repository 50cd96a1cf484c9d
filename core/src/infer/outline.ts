import type { Postmortem } from '../parse';

/** What a part of a postmortem is about, as far as its cause is concerned. */
export type SectionKind =
  | 'title'
  | 'cause'
  | 'contributing'
  | 'trigger'
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'resolution'
  | 'detection'
  | 'actions'
  | 'lessons'
  | 'lucky'
  | 'wrong'
  | 'front-matter'
  | 'keywords'
  | 'other';

/**
 * How much a phrase counts for the root cause by where it is written: a "Root cause" or "Why did
 * it happen?" section states the cause, the timeline and the action items mostly repeat it or
 * describe fixes ("add disk alerts" is not a disk problem).
 */
export const SECTION_WEIGHT: Record<SectionKind, number> = {
  title: 2,
  cause: 3,
  contributing: 1.5,
  trigger: 1.5,
  summary: 1.5,
  wrong: 1.5,
  impact: 0.4,
  timeline: 0.4,
  resolution: 0.5,
  detection: 0.4,
  actions: 0.3,
  lessons: 0.5,
  lucky: 0.2,
  'front-matter': 0,
  keywords: 1,
  other: 0.8,
};

/** Headings by meaning, first match wins; the words people use in real postmortems. */
const KINDS: [SectionKind, RegExp][] = [
  ['lucky', /\b(?:got lucky|went well|where we were lucky|lucky)\b/i],
  [
    'wrong',
    /\b(?:went wrong|what didn.t go well|what did not go well|could have gone better|what went poorly)\b/i,
  ],
  ['contributing', /\bcontributing\b/i],
  ['trigger', /\btrigger(?:s|ed)?\b/i],
  [
    'cause',
    /\b(?:root[ -]?causes?|causes?|why did (?:it|this)|why it happened|why did .* happen|^why\??$|what caused|5 whys|five whys|analysis|technical details|what went wrong technically|fault)\b/i,
  ],
  [
    'timeline',
    /\b(?:timeline|chronology|sequence of events|time ?line|events|day \d+|log of events)\b/i,
  ],
  [
    'actions',
    /\b(?:action items?|actions|remediation|corrective|preventi\w+|follow[- ]?ups?|next steps|planned|future improvements|improvements|how are we|what are we doing|to do|todo|tasks)\b/i,
  ],
  ['lessons', /\b(?:lessons?|learn\w*|takeaways?|insights|retrospective|reflections)\b/i],
  [
    'resolution',
    /\b(?:resolution|mitigation|recovery|how did we fix|how was it (?:fixed|resolved)|fix(?:es)?|workaround|response)\b/i,
  ],
  [
    'detection',
    /\b(?:detection|detected|how (?:did )?we (?:notice|found out|find out)|alerting|monitoring)\b/i,
  ],
  ['impact', /\b(?:impact|customer effect|who was affected|scope|blast radius)\b/i],
  [
    'summary',
    /\b(?:summary|overview|tl;?dr|what happened|description|background|abstract|incident)\b/i,
  ],
];

/** The kind of a heading's text. */
export function headingKind(heading: string): SectionKind {
  for (const [kind, re] of KINDS) if (re.test(heading)) return kind;
  return 'other';
}

/** From `start` on (to the next span), text counts with `weight`. */
export interface OutlineSpan {
  start: number;
  weight: number;
  kind: SectionKind;
  heading?: string;
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BOLD_LABEL =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)([^*_\n]{2,60}?)[:.]?(?:\*\*|__)[ \t]*:?[ \t]*(.*)$/;
const PLAIN_LABEL = /^[ \t]*([A-Z][A-Za-z ()/'-]{1,40}?):[ \t]+(\S.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits a postmortem into spans weighted by what their heading means: ATX and setext headings,
 * a bold line standing alone ("**Root cause**"), and a labelled line ("**Root cause:** the disk
 * filled") which weighs that line alone. Where a heading says nothing, a level-2 section the
 * model recognised (by its ids) decides, so this reads better as the section readers do.
 */
export function documentOutline(
  pm: Pick<Postmortem, 'text' | 'sections' | 'frontMatter'>,
): OutlineSpan[] {
  const text = pm.text;
  const spans: OutlineSpan[] = [];
  const fmEnd = pm.frontMatter?.end ?? frontMatterEnd(text);
  if (fmEnd > 0) frontMatterSpans(text, fmEnd, spans);
  // Headings open spans; deeper headings that say nothing inherit their parent's kind.
  const stack: { depth: number; kind: SectionKind }[] = [];
  const open = (start: number, depth: number, heading: string) => {
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    let kind = headingKind(heading);
    if (kind === 'other' && depth === 1) kind = 'title';
    if (kind === 'other')
      kind = sectionKindAt(pm, start) ?? stack[stack.length - 1]?.kind ?? 'other';
    stack.push({ depth, kind });
    spans.push({ start, weight: SECTION_WEIGHT[kind], kind, heading });
  };
  let offset = fmEnd;
  let previous: { start: number; text: string } | undefined;
  let fence: string | undefined;
  while (offset < text.length) {
    let next = text.indexOf('\n', offset);
    if (next < 0) next = text.length;
    const line = text.slice(offset, next).replace(/\r$/, '');
    const lineEnd = next + 1;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
    } else if (f) {
      fence = f[1];
    } else {
      const atx = ATX.exec(line);
      if (atx) open(offset, atx[1]!.length, atx[2]!);
      else if (
        SETEXT.test(line) &&
        previous &&
        previous.text.trim() &&
        !/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(previous.text)
      ) {
        open(previous.start, line.includes('=') ? 1 : 2, previous.text.trim());
      } else {
        const label = BOLD_LABEL.exec(line) ?? PLAIN_LABEL.exec(line);
        if (label) {
          const kind = headingKind(label[1]!);
          if (kind !== 'other' && kind !== 'summary') {
            const current = spans[spans.length - 1];
            if (label[2]!.trim()) {
              // The labelled paragraph ("**Why.** The pool ran dry…" and its wrapped lines),
              // then back to the section it is in.
              spans.push({
                start: offset,
                weight: SECTION_WEIGHT[kind],
                kind,
                heading: label[1]!.trim(),
              });
              spans.push({
                ...(current ?? { weight: SECTION_WEIGHT.other, kind: 'other' }),
                start: paragraphEnd(text, lineEnd),
              });
            } else {
              open(offset, 7, label[1]!);
            }
          }
        }
      }
    }
    previous = { start: offset, text: line };
    offset = lineEnd;
  }
  // A setext heading opens at the line above its underline, which may sit before a labelled line's span.
  return spans.sort((a, b) => a.start - b.start);
}

/** Where the paragraph going on at `from` ends: a blank line, a list item, heading, table row or label. */
function paragraphEnd(text: string, from: number): number {
  const re = /\n(?=[ \t]*(?:\r?\n|[-*+][ \t]|\d+[.)][ \t]|#|\||\*\*|__))/g;
  re.lastIndex = Math.max(0, from - 1);
  const m = re.exec(text);
  return m ? m.index + 1 : text.length;
}

/** Front-matter keys that describe the incident: the title, another tool's summary, tags and keywords. */
const FRONT_MATTER_KINDS: Record<string, SectionKind> = {
  title: 'title',
  summary: 'summary',
  description: 'summary',
  excerpt: 'summary',
  tags: 'keywords',
  keywords: 'keywords',
  categories: 'keywords',
};

function frontMatterSpans(text: string, end: number, spans: OutlineSpan[]): void {
  spans.push({ start: 0, weight: SECTION_WEIGHT['front-matter'], kind: 'front-matter' });
  const re = /^([A-Za-z_][\w-]*)[ \t]*:/gm;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const kind = FRONT_MATTER_KINDS[m[1]!.toLowerCase()] ?? 'front-matter';
    if (spans[spans.length - 1]!.kind !== kind)
      spans.push({
        start: m.index,
        weight: SECTION_WEIGHT[kind],
        kind,
        heading: `front matter ${m[1]}`,
      });
  }
  // The closing fence, then the text before the first heading, which usually opens with what happened.
  const close = text.lastIndexOf('---', end);
  if (close > 0) spans.push({ start: close, weight: 0, kind: 'front-matter' });
  spans.push({ start: end, weight: SECTION_WEIGHT.other, kind: 'other' });
}

/** The kind the model gives the level-2 section holding an offset, from the section's ids. */
function sectionKindAt(pm: Pick<Postmortem, 'sections'>, offset: number): SectionKind | undefined {
  const section = pm.sections.find((s) => s.start <= offset && offset < s.end);
  const ids = section?.ids ?? [];
  if (ids.includes('root-cause')) return 'cause';
  if (ids.includes('timeline')) return 'timeline';
  if (ids.includes('action-items')) return 'actions';
  if (ids.includes('lessons-learned')) return 'lessons';
  if (ids.includes('resolution')) return 'resolution';
  if (ids.includes('impact')) return 'impact';
  if (ids.includes('summary')) return 'summary';
  if (ids.includes('follow-up')) return 'actions';
  return undefined;
}

function frontMatterEnd(text: string): number {
  const m = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}

/** The weight and heading of the span holding an offset (spans are in order). */
export function weightAt(
  spans: readonly OutlineSpan[],
  offset: number,
): { weight: number; heading?: string; kind: SectionKind } {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Text before the first heading is usually a summary or the metadata block.
  if (found < 0) return { weight: SECTION_WEIGHT.other, kind: 'other' };
  const span = spans[found]!;
  return { weight: span.weight, heading: span.heading, kind: span.kind };
}
