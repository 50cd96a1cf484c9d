import type { Config } from '../config';
import type { Postmortem } from '../parse';
import type { Category } from '../taxonomy';
import { escapeRegExp } from '../text';
import { matchers } from './category-matchers';
import { documentOutline, weightAt, type OutlineSpan } from './outline';
import { CAUSE_UNKNOWN, Sentences, sentenceFactor } from './sentence-roles';

export { categoryPhrases } from './category-matchers';

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

/** Each further occurrence of the same phrase counts this much of the one before. */
const REPEAT = 0.5;
/** What is left of a phrase that names what suffered in a title (before "by", "after", "due to"). */
const TITLE_EFFECT = 0.3;
/** The words of a title that turn from what happened to its cause. */
const TITLE_CAUSE_TURN = /\s(?:by|after|due to|because of|caused by|following|from)\s/i;
/** A defect that makes a resource run out (a leak, catastrophic backtracking) counts from this weight on. */
const EXPLAINS_MIN = 2.5;
/** What is left of a phrase naming the running out of a resource when a defect explains it. */
const EXPLAINED_SYMPTOM = 0.25;
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
  const all = matchers(config.categories);
  let exhaustionExplained = false;
  for (const m of all) {
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
      let weight = m.phrases[phraseIndex]!.weight * where.weight * factor;
      // "Partner API throttled by a mistyped rate limit": in a title, what comes before "by",
      // "after" or "due to" is what suffered, not the cause.
      if (where.kind === 'title' && effectInTitle(text, pm.lines, start)) weight *= TITLE_EFFECT;
      if (m.phrases[phraseIndex]!.exhausts && weight >= EXPLAINS_MIN) exhaustionExplained = true;
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
  // "Every upload leaked native memory … pods were OOM-killed": the running out is what the defect did.
  if (exhaustionExplained)
    for (const m of all)
      for (const [index, list] of perCategory.get(m.category.id)!.hits)
        if (m.phrases[index]!.symptom) for (const hit of list) hit.weight *= EXPLAINED_SYMPTOM;
  addNamedCategories(text, outline, config, perCategory, pm.lines);
  addStatedCategories(text, outline, config, perCategory, pm.lines);
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

/** A paragraph that opens by saying the cause is not known: "Unknown. The spikes stopped after …". */
const OPENS_UNKNOWN =
  /^[ \t]*[*_]*(?:unknown|undetermined|not (?:yet )?(?:known|determined|found)|still unknown)[*_]*[ \t]*(?:[.:;—–-]|$)/gimu;

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
  // A root-cause section that opens with "Unknown." or "Undetermined".
  OPENS_UNKNOWN.lastIndex = 0;
  for (let m = OPENS_UNKNOWN.exec(text); m; m = OPENS_UNKNOWN.exec(text))
    if (weightAt(outline, m.index).kind === 'cause') return lines.position(m.index).line;
  return undefined;
}

/** Whether the title line holding `start` turns to a cause after it ("X throttled by Y"). */
function effectInTitle(
  text: string,
  lines: Pick<Postmortem['lines'], 'position' | 'lineEnd'>,
  start: number,
): boolean {
  const line = lines.position(start).line;
  const after = text.slice(start, lines.lineEnd(line));
  return TITLE_CAUSE_TURN.test(after);
}

/**
 * The words teams use for a category in a label rather than its id or label: "human error",
 * "Cause: configuration", "RootCause::software-bug". Matched as the start of a label's value.
 */
const LABEL_ALIASES: Record<string, readonly string[]> = {
  'manual-operation': ['human error', 'human-error', 'operator error', 'manual', 'process error'],
  'config-change': ['configuration', 'config', 'misconfiguration', 'change management'],
  'code-defect': ['software defect', 'software bug', 'software', 'bug', 'code', 'defect'],
  deploy: ['deployment', 'release', 'rollout', 'change deployment'],
  dependency: ['third party', 'third-party', 'vendor', 'supplier', 'external', 'provider'],
  capacity: ['resource exhaustion', 'load', 'scaling'],
  hardware: ['hardware failure', 'infrastructure hardware'],
  network: ['networking', 'connectivity'],
  data: ['data quality', 'data integrity'],
  security: ['security incident', 'attack'],
  time: ['clock', 'certificate expiry', 'expiry'],
  'cascading-failure': ['cascade', 'cascading'],
};

/** A label, key or scoped label that states the cause category, and where its value starts. */
const CAUSE_LABELS: RegExp[] = [
  // "Root cause category: capacity", "**Cause:** configuration", "Tags: dns, network".
  /^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?(root[ -]?cause(?: category| type| classification| class)?|cause(?: category| type| class(?:ification)?)?|category|categories|incident type|failure type|tags|keywords)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(.+)$/gimu,
  // A scoped label: ~"RootCause::human-error", root-cause/deploy, category::network.
  /(?<![\p{L}\p{N}])(root[-_ ]?cause|cause|category)(?:::|\/)[ \t]*([\p{L}][\p{L}\p{N}_-]*)/giu,
  // A heading that only classifies, with the category first in the next paragraph.
  /^#{1,6}[ \t]+(root[ -]?cause (?:classification|category|type)|cause (?:classification|category))[ \t]*#*[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(?:[-*][ \t]+)?(.+)$/gimu,
];

/** "capacity" or "Capacity" written as the value of a cause label, or listed in front-matter categories. */
function addNamedCategories(
  text: string,
  outline: OutlineSpan[],
  config: Config,
  perCategory: Map<string, { category: Category; hits: Map<number, RootCauseEvidence[]> }>,
  lines: Pick<Postmortem['lines'], 'position'>,
): void {
  for (const named of CAUSE_LABELS) {
    named.lastIndex = 0;
    for (let m = named.exec(text); m; m = named.exec(text)) {
      const value = m[2]!.toLowerCase().replace(/[_]/g, ' ');
      const weight = /^(?:tags|keywords)$/i.test(m[1]!) ? TAGGED_WEIGHT : NAMED_WEIGHT;
      const items = value.split(/[,;[\]"'`*()]+/).map((v) => v.trim());
      const found = new Set<string>();
      for (const c of config.categories) {
        if (c.id === 'unknown') continue;
        // A list item equal to the id, label or an alias, or a value that starts with one ("Capacity: disk full").
        const names = [
          c.id,
          c.id.replace(/-/g, ' '),
          c.label.toLowerCase(),
          ...(LABEL_ALIASES[c.id] ?? []),
        ];
        const item =
          items.find((v) => names.includes(v)) ??
          names.find(
            (n) => items[0]?.startsWith(n) && !/[\p{L}\p{N}]/u.test(items[0]!.charAt(n.length)),
          );
        if (item === undefined || found.has(c.id)) continue;
        found.add(c.id);
        const at = Math.max(0, value.indexOf(item));
        const start = m.index + m[0].length - m[2]!.length + at;
        const entry = perCategory.get(c.id);
        if (!entry) continue;
        const hit: RootCauseEvidence = {
          phrase: text.slice(start, start + item.length),
          line: lines.position(start).line,
          start,
          end: start + item.length,
          weight,
          section: weightAt(outline, start).heading,
        };
        entry.hits.set(-1, [...(entry.hits.get(-1) ?? []), hit]);
      }
    }
  }
}

/**
 * A category stated in a sentence of its own: "This is a code defect (...)", "It was a
 * configuration change issue". Only after "this/it/the cause is/was a", and only when the label
 * ends the clause or is followed by a word for a fault, so "it was a data center" is not Data.
 */
function addStatedCategories(
  text: string,
  outline: OutlineSpan[],
  config: Config,
  perCategory: Map<string, { category: Category; hits: Map<number, RootCauseEvidence[]> }>,
  lines: Pick<Postmortem['lines'], 'position'>,
): void {
  for (const c of config.categories) {
    const entry = perCategory.get(c.id);
    if (c.id === 'unknown' || !entry) continue;
    const names = [c.label, c.id.replace(/-/g, ' ')].map((n) =>
      escapeRegExp(n).replace(/ /g, '\\s+'),
    );
    const re = new RegExp(
      `(?<![\\p{L}])(?:(?:this|it|the (?:root )?cause)\\s+(?:is|was)|(?:filed|classified|logged|recorded|counted)\\s+(?:it|this)\\s+as)\\s+(?:(?:a|an)\\s+)?(?:(?:clear|plain|simple|classic)\\s+)?(${names.join('|')})(?=\\s*[.,;:(]|\\s+(?:issue|problem|failure|fault|defect|error|bug|incident|mistake)\\b)`,
      'giu',
    );
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].length - m[1]!.length;
      if (weightAt(outline, start).weight <= 0) continue;
      const hit: RootCauseEvidence = {
        phrase: m[1]!,
        line: lines.position(start).line,
        start,
        end: start + m[1]!.length,
        weight: NAMED_WEIGHT,
        section: weightAt(outline, start).heading,
      };
      entry.hits.set(-2, [...(entry.hits.get(-2) ?? []), hit]);
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
