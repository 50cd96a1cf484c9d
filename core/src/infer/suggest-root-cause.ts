import type { Config } from '../config';
import type { Postmortem } from '../parse';
import type { Category } from '../taxonomy';
import { ROOT_CAUSE_LEXICON, type LexiconPhrase } from './lexicon';
import { documentOutline, weightAt, type OutlineSpan } from './outline';

/** One phrase of the document that points to a category. */
export interface RootCauseEvidence {
  /** The phrase as written. */
  phrase: string;
  /** 1-based line. */
  line: number;
  /** Offsets of the phrase in the postmortem's text. */
  start: number;
  end: number;
  /** What it added to the category's score, after section weighting and doubt. */
  weight: number;
  /** The heading it was found under, if any. */
  section?: string;
}

/** A category of the taxonomy with its score for one document. */
export interface RankedCategory {
  id: string;
  label: string;
  score: number;
  /** The phrases that support it, strongest first, one per distinct phrase. */
  evidence: RootCauseEvidence[];
}

/** How sure the suggester is: `high` may be written for the reader to confirm, `low` is `unknown`. */
export type SuggestionLevel = 'high' | 'medium' | 'low';

/** The suggester's answer for one document. */
export interface RootCauseSuggestion {
  /** The best category, or `unknown` when the evidence is weak or split. */
  id: string;
  /** 0 to 1. */
  confidence: number;
  level: SuggestionLevel;
  /** Every category with some evidence, best first. */
  ranking: RankedCategory[];
  /** "capacity: 'ran out of disk' line 40, 'OOMKilled' line 52", or why it is unknown. */
  explanation: string;
}

/** At or above: a confident answer. Below MEDIUM: `unknown`. Tuned on test/fixtures/real-world/ only. */
export const CONFIDENCE_HIGH = 0.6;
export const CONFIDENCE_MEDIUM = 0.3;

interface Matcher {
  category: Category;
  re: RegExp;
  phrases: LexiconPhrase[];
}

const STOP = new Set(
  'a an and are as at be by for from in into is it of on or that the this to was were with not yet its their other which what when where who why how than then there these those such'.split(
    ' ',
  ),
);

/** The phrases of a configured category: the lexicon's when it has an entry, else its label and description words. */
export function categoryPhrases(category: Category): LexiconPhrase[] {
  const known = ROOT_CAUSE_LEXICON[category.id];
  if (known) return [...known];
  const label = category.label.trim().toLowerCase();
  const labelPhrase: LexiconPhrase[] =
    label.length >= 3 ? [{ re: escape(label), weight: 2.5 }] : [];
  const words = new Set(
    `${category.label} ${category.description} ${category.id.replace(/-/g, ' ')}`
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 && !STOP.has(w)),
  );
  return [...labelPhrase, ...[...words].map((w) => ({ re: `${escape(w)}\\w*`, weight: 1.5 }))];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s_-]+/g, '[\\s_-]+');
}

const matcherCache = new WeakMap<readonly Category[], Matcher[]>();

function matchers(categories: readonly Category[]): Matcher[] {
  let cached = matcherCache.get(categories);
  if (cached) return cached;
  cached = categories
    .filter((c) => c.id !== 'unknown')
    .map((category) => {
      const phrases = categoryPhrases(category);
      // One capture group per phrase. With a case-sensitive phrase (UPS) the others fold case by character classes.
      const anyCs = phrases.some((p) => p.cs);
      const source = phrases.map((p) => `(${anyCs && !p.cs ? foldCase(p.re) : p.re})`).join('|');
      return {
        category,
        phrases,
        re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, anyCs ? 'gu' : 'giu'),
      };
    });
  matcherCache.set(categories, cached);
  return cached;
}

function foldCase(re: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    out += lower !== upper ? (inClass ? lower + upper : `[${lower}${upper}]`) : c;
  }
  return out;
}

/** Words before a phrase that deny it: "no disk issue", "not a DNS problem". */
const NEGATION_BEFORE =
  /(?:^|[^\p{L}])(?:not|no|never|without|nor|neither|isn't|wasn't|weren't|aren't|didn't|rather than|instead of|unrelated to|other than|ruling out|ruled out)(?:\s+(?:a|an|the|any|caused by|due to|related to|from|because of|by|been|involve|involving|an issue with|a problem with))*\s*$/iu;
/** "not enough capacity", "no free disk", "no headroom": a shortage, not a denial. */
const SHORTAGE =
  /(?:not enough|no (?:more|free|spare|remaining|available)|without (?:enough|sufficient))\s*$/iu;
const SHORTAGE_WORD = /^(?:headroom|capacity|space|room|spare|free|quota|limit)/i;
/** A sentence naming what set the incident off, not what caused it. */
const TRIGGER_SENTENCE =
  /\b(?:(?:was|were|is) (?:the|only the|just the|merely the) trigger|triggered by|set off by|the trigger was)\b/iu;
/** A sentence stating the cause. */
const CAUSE_SENTENCE =
  /\b(?:root cause|underlying cause|the cause (?:was|is)|was caused by|were caused by)\b/iu;
/** A sentence that puts what it says on a third party's side ("a configuration change on their side"). */
const THIRD_PARTY_SENTENCE =
  /\b(?:their (?:side|end)|(?:vendor|provider|partner)(?:'s|s')?|third[- ]party|(?:vendor|provider)[- ]side)\b/iu;
/**
 * The document says the cause is not known yet: "We have not yet determined the root cause",
 * "the cause remains undetermined", "root cause still under investigation".
 */
const CAUSE_UNKNOWN =
  /\b(?:(?:not yet|not been|never been|yet to be|still not) (?:been )?(?:determined|identified|established|confirmed|found)|(?:not|n't) (?:yet )?(?:determined|identified|found|established) (?:the|what|why)|cannot tell (?:you )?(?:with (?:any )?confidence )?(?:why|what)|(?:cause|reason) (?:remains|is still|is) (?:undetermined|unknown|unclear|not known)|(?:still )?under investigation|unknown at this time|none of (?:them|these) (?:is|are|has been|have been) (?:proven|confirmed)|hypothes[ie]s (?:are |is )?still open|(?:is|remains) inconclusive|(?:do not|don't) (?:yet )?know (?:why|what caused))/iu;
/** A sentence that rules its phrases out. */
const RULED_OUT =
  /\b(?:ruled out|red herring|not the (?:root )?cause|not related|unrelated|(?:was|were|looked|appeared|remained) (?:healthy|fine|normal|unaffected)|was not involved|were not involved|no evidence|not a factor|did not contribute|played no (?:part|role)|false lead|not caused by|nothing to do with|excluded)\b/iu;
/** A sentence that reports a guess that may have been wrong. */
const DOUBT =
  /\b(?:suspected|suspicion|assumed|hypothes\w+|initially|at first|first thought|thought it was|we believed|looked like|appeared to be|first guess|theory)\b/iu;

const RULED = 1;
const DOUBTED = 2;
const TRIGGER = 4;
const CAUSE = 8;
const THIRD_PARTY = 16;

/**
 * The sentences of a document, split once: at . ! ? before a space, at ;, at a blank line and
 * before a line that starts a list item, heading or table row. What a sentence says about its
 * phrases (ruled out, suspected, the trigger, a third party's) is read once per sentence.
 */
class Sentences {
  private readonly starts: number[] = [0];
  private readonly flags = new Map<number, number>();

  constructor(private readonly text: string) {
    const re = /[.!?](?=\s)|;|\n(?=[ \t]*(?:\r?\n|[-*+][ \t]|\d+[.)][ \t]|#|\|))/g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.starts.push(m.index + m[0].length);
  }

  /** The index of the sentence holding an offset. */
  at(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(index: number): number {
    return this.starts[index]!;
  }

  flagsOf(index: number): number {
    let f = this.flags.get(index);
    if (f === undefined) {
      const sentence = this.text.slice(
        this.starts[index],
        this.starts[index + 1] ?? this.text.length,
      );
      f =
        (RULED_OUT.test(sentence) ? RULED : 0) |
        (DOUBT.test(sentence) ? DOUBTED : 0) |
        (TRIGGER_SENTENCE.test(sentence) ? TRIGGER : 0) |
        (CAUSE_SENTENCE.test(sentence) ? CAUSE : 0) |
        (THIRD_PARTY_SENTENCE.test(sentence) ? THIRD_PARTY : 0);
      this.flags.set(index, f);
    }
    return f;
  }
}

/** How much a match counts after doubt, denial and its sentence's role: 0, a fraction, 1 or a little more. */
function sentenceFactor(
  text: string,
  sentences: Sentences,
  start: number,
  end: number,
  categoryId: string,
): number {
  const index = sentences.at(start);
  const near = text.slice(Math.max(sentences.start(index), start - 40), start);
  if (
    NEGATION_BEFORE.test(near) &&
    !SHORTAGE.test(near) &&
    !SHORTAGE_WORD.test(text.slice(start, end))
  )
    return 0;
  const flags = sentences.flagsOf(index);
  if (flags & RULED) return 0;
  let factor = flags & DOUBTED ? 0.3 : 1;
  if (flags & TRIGGER) factor *= 0.4;
  else if (flags & CAUSE) factor *= 1.3;
  if (categoryId !== 'dependency' && flags & THIRD_PARTY) factor *= 0.5;
  return factor;
}

/** Each further occurrence of the same phrase counts this much of the one before. */
const REPEAT = 0.5;
/** A category named by its id where a writer states the cause ("Category: capacity"). */
const NAMED_WEIGHT = 6;
/** A category id among a document's tags or keywords. */
const TAGGED_WEIGHT = 4;

/**
 * Ranks the taxonomy's categories for a postmortem with the phrases that support each, weighting
 * what is written under a root-cause, trigger or "why" heading above the timeline and the action
 * items, discounting phrases that are denied ("not a DNS issue") or only suspected. Pure; reads
 * the model's text and sections, so it reads better as the section readers do.
 */
export function suggestRootCause(
  pm: Pick<Postmortem, 'text' | 'lines' | 'sections' | 'frontMatter'>,
  config: Config,
): RootCauseSuggestion {
  const text = pm.text;
  const outline = documentOutline(pm);
  const sentences = new Sentences(text);
  const perCategory = new Map<
    string,
    { category: Category; hits: Map<number, RootCauseEvidence[]> }
  >();
  for (const m of matchers(config.categories)) {
    const hits = new Map<number, RootCauseEvidence[]>();
    m.re.lastIndex = 0;
    for (let match = m.re.exec(text); match; match = m.re.exec(text)) {
      let phraseIndex = -1;
      for (let g = 1; g < match.length; g++) {
        if (match[g] !== undefined) {
          phraseIndex = g - 1;
          break;
        }
      }
      if (phraseIndex < 0) continue;
      const start = match.index;
      const end = start + match[0].length;
      const where = weightAt(outline, start);
      if (where.weight <= 0) continue;
      const factor = sentenceFactor(text, sentences, start, end, m.category.id);
      if (factor <= 0) continue;
      const weight = m.phrases[phraseIndex]!.weight * where.weight * factor;
      const list = hits.get(phraseIndex) ?? [];
      list.push({
        phrase: match[0],
        line: pm.lines.position(start).line,
        start,
        end,
        weight,
        section: where.heading,
      });
      hits.set(phraseIndex, list);
    }
    perCategory.set(m.category.id, { category: m.category, hits });
  }
  addNamedCategories(text, outline, config, perCategory, pm.lines);
  const unknownLine = causeStatedUnknown(text, outline, pm.lines);

  const ranking: RankedCategory[] = [];
  for (const { category, hits } of perCategory.values()) {
    let score = 0;
    const evidence: RootCauseEvidence[] = [];
    for (const list of hits.values()) {
      list.sort((a, b) => b.weight - a.weight || a.start - b.start);
      let factor = 1;
      for (const hit of list) {
        score += hit.weight * factor;
        factor *= REPEAT;
      }
      evidence.push(list[0]!);
    }
    if (score <= 0) continue;
    evidence.sort((a, b) => b.weight - a.weight || a.start - b.start);
    ranking.push({ id: category.id, label: category.label, score: round(score), evidence });
  }
  ranking.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return decide(ranking, unknownLine);
}

/** The line where the document says its cause is not known yet (outside the timeline and action items). */
function causeStatedUnknown(
  text: string,
  outline: OutlineSpan[],
  lines: Pick<Postmortem['lines'], 'position'>,
): number | undefined {
  const re = new RegExp(CAUSE_UNKNOWN.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = weightAt(outline, m.index).kind;
    if (kind !== 'timeline' && kind !== 'actions' && kind !== 'front-matter' && kind !== 'lucky')
      return lines.position(m.index).line;
  }
  return undefined;
}

/** "capacity" or "Capacity" written as the value of a cause label, or listed in front-matter categories. */
function addNamedCategories(
  text: string,
  outline: OutlineSpan[],
  config: Config,
  perCategory: Map<string, { category: Category; hits: Map<number, RootCauseEvidence[]> }>,
  lines: Pick<Postmortem['lines'], 'position'>,
): void {
  const named =
    /^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?(root[ -]cause(?: category| type)?|cause category|category|categories|incident type|failure type|tags|keywords)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(.+)$/gimu;
  for (let m = named.exec(text); m; m = named.exec(text)) {
    const value = m[2]!.toLowerCase();
    const weight = /^(?:tags|keywords)$/i.test(m[1]!) ? TAGGED_WEIGHT : NAMED_WEIGHT;
    for (const c of config.categories) {
      if (c.id === 'unknown') continue;
      // A list item equal to the id or label, or a value that starts with it ("Capacity: disk full").
      const names = [c.id, c.label.toLowerCase()];
      const items = value.split(/[,;[\]"'`*]+/).map((v) => v.trim());
      const item =
        items.find((v) => names.includes(v)) ??
        names.find(
          (n) => items[0]?.startsWith(n) && !/[\p{L}\p{N}]/u.test(items[0]!.charAt(n.length)),
        );
      if (item === undefined) continue;
      const at = Math.max(0, value.indexOf(item));
      const start = m.index + m[0].length - m[2]!.length + at;
      const entry = perCategory.get(c.id);
      if (!entry) continue;
      const hit: RootCauseEvidence = {
        phrase: text.slice(start, start + c.id.length),
        line: lines.position(start).line,
        start,
        end: start + c.id.length,
        weight,
        section: weightAt(outline, start).heading,
      };
      entry.hits.set(-1, [...(entry.hits.get(-1) ?? []), hit]);
    }
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Scores below this give `unknown` whatever the margin. */
const MIN_SCORE = 4;
/** How fast confidence grows with the best score. */
const SCALE = 10;

/** What is left of the confidence when the document says the cause is not known. */
const STATED_UNKNOWN = 0.25;

function decide(ranking: RankedCategory[], unknownLine: number | undefined): RootCauseSuggestion {
  const best = ranking[0];
  if (!best)
    return {
      id: 'unknown',
      confidence: 0,
      level: 'low',
      ranking,
      explanation: 'no phrase of any category was found',
    };
  if (unknownLine !== undefined) {
    const confidence = round(
      Math.min(CONFIDENCE_MEDIUM - 0.01, (1 - Math.exp(-best.score / SCALE)) * STATED_UNKNOWN),
    );
    return {
      id: 'unknown',
      confidence,
      level: 'low',
      ranking,
      explanation: `the document says the cause is not known yet (line ${unknownLine}); best guess ${describeCategory(best)}`,
    };
  }
  const second = ranking[1]?.score ?? 0;
  const margin = (best.score - second) / best.score;
  const strength = 1 - Math.exp(-best.score / SCALE);
  const confidence = round(
    best.score < MIN_SCORE
      ? Math.min(strength * margin, CONFIDENCE_MEDIUM - 0.01)
      : strength * Math.min(1, margin * 2),
  );
  const level: SuggestionLevel =
    confidence >= CONFIDENCE_HIGH ? 'high' : confidence >= CONFIDENCE_MEDIUM ? 'medium' : 'low';
  const explanation = describeCategory(best);
  if (level === 'low') {
    const why =
      best.score < MIN_SCORE
        ? 'evidence is weak'
        : `evidence is split between ${best.id} and ${ranking[1]!.id}`;
    return {
      id: 'unknown',
      confidence,
      level,
      ranking,
      explanation: `${why}; best guess ${explanation}`,
    };
  }
  return { id: best.id, confidence, level, ranking, explanation };
}

/** "capacity: 'ran out of disk' line 40, 'OOMKilled' line 52". */
export function describeCategory(c: RankedCategory, max = 3): string {
  return `${c.id}: ${c.evidence
    .slice(0, max)
    .map((e) => `'${e.phrase.replace(/\s+/g, ' ')}' line ${e.line}`)
    .join(', ')}`;
}
