import type { Postmortem } from '../parse';
import { suggest } from '../suggest';
import type { FieldContext, InferredField } from './inferred';
import { asList, frontMatterValue, fromFrontMatter, stripInline } from './labels';

/** The severity where one is stated: front matter, a `Severity:` line, "Sev 1" or "P0" in the text. */
export function inferSeverity(ctx: FieldContext): InferredField<string> | undefined {
  const { pm, label, config } = ctx;
  const severities = config.severities.map((s) => s.id);
  const fmSeverity = frontMatterValue(pm, [
    'severity',
    'sev',
    'priority',
    'level',
    'impact_level',
    'incident_level',
  ]);
  const sevLine =
    label(
      /^(?:severity|sev|priority|incident (?:severity|priority|level|classification|rating)|impact level|level|sev level|severity level|(?:operational )?risk rating|gravity|severity \/ gravity|(?:impact|severity|incident) (?:rating|classification|class|grade)|severity classification)$/,
    ) ??
    // A classification states a severity only when it opens with one: "S2 — data loss", not "Internal".
    label(/^(?:classification|incident class|category)$/, (l) => SEVERITY_FIRST.test(l.value));
  // "Severity: none assigned (would have been SEV1)": the document says there is none.
  if (!fmSeverity && sevLine && NO_SEVERITY.test(stripInline(sevLine.value))) {
    ctx.notes.push({
      field: 'severity',
      message: `Line ${sevLine.line} says no severity was assigned ('${stripInline(sevLine.value)}'); none was inferred.`,
      line: sevLine.line,
    });
    return undefined;
  }
  // A document whose priorities start at P0 ("P0 = total outage, P1 = major degradation"): its P1
  // is the second level.
  const fromZero = P_ZERO.test(pm.text)
    ? (v: string) => v.replace(P_LEVEL, (_, p: string, n: string) => `${p}${Number(n) + 1}`)
    : (v: string) => v;
  const fromFm = fmSeverity
    ? mapSeverity(fromZero(String(fmSeverity.value)), severities)
    : undefined;
  const fromLine = sevLine ? peakSeverity(fromZero(sevLine.value), severities) : undefined;
  let severity: InferredField<string> | undefined;
  if (fmSeverity && fromFm)
    severity = {
      value: fromFm,
      from: fromFrontMatter(fmSeverity.line),
      confidence: fromFm === String(fmSeverity.value) ? 1 : 0.9,
      line: fmSeverity.line,
    };
  else if (sevLine && fromLine)
    severity = {
      value: fromLine,
      from: `line ${sevLine.line}`,
      confidence: 0.9,
      line: sevLine.line,
    };
  else {
    const stated =
      impactSeverity(ctx, severities, false) ??
      scopedLabelSeverity(pm, severities) ??
      badgeSeverity(pm, severities) ??
      statedSeverity(pm, severities) ??
      // An impact that is only a level gives way to a severity stated anywhere in the text.
      impactSeverity(ctx, severities, true);
    if (stated) severity = stated;
  }
  if (fmSeverity && !fromFm)
    ctx.notes.push({
      field: 'severity',
      message: `Severity '${String(fmSeverity.value)}' does not map to ${severities.join(', ')}; choose one.`,
      line: fmSeverity.line,
    });
  return severity;
}

/** Words saying a severity changed during the incident: "SEV-3 → SEV-2", "upgraded to SEV1". */
/** A priority level 0 written anywhere: the document's priorities start at P0. */
const P_ZERO = /(?<![\p{L}\d])P0(?![\p{L}\d])/u;
/** A priority level: "P1", "Prio 2", "priority 3". */
const P_LEVEL = /(?<![\p{L}\d])(p|prio\s*|priority\s*)(\d)(?!\d)/giu;
const ESCALATION =
  /→|->|⇒|\b(?:upgraded|raised|escalated|increased|bumped|downgraded|lowered|reduced)\b/iu;
const LEVEL = /(?<![\p{L}\d])(?:sev(?:erity)?[\s-]?\d|s[0-4]|p[0-4])(?![\p{L}\d])/giu;

/**
 * A severity line's level; where the line tells how the severity changed ("SEV-3 at open → SEV-1
 * on 15 June → SEV-2 until close"), the peak, the most severe level the incident reached.
 */
function peakSeverity(value: string, severities: readonly string[]): string | undefined {
  const first = mapSeverity(value, severities);
  if (!ESCALATION.test(value)) return first;
  const levels = [...value.matchAll(LEVEL)]
    .map((m) => mapSeverity(m[0], severities))
    .filter((v): v is string => v !== undefined);
  if (levels.length < 2) return first;
  return levels.reduce((a, b) => (severities.indexOf(b) < severities.indexOf(a) ? b : a));
}

/** The rank of an impact or urgency value: "High" 0, "Medium" 1, "Low" 2, "1 - High" 0. */
function impactRank(value: string): number | undefined {
  const v = stripInline(value)
    .toLowerCase()
    .replace(/^[^\p{L}\d]+/u, '');
  const n = /^(\d)\s*(?:[-–—:]|$)/.exec(v);
  if (n) return Math.max(0, Number(n[1]) - 1);
  if (/^(?:critical|very high|extensive|widespread|high)\b/.test(v)) return 0;
  if (/^(?:medium|moderate|significant)\b/.test(v)) return 1;
  if (/^(?:low|minor|minimal)\b/.test(v)) return 2;
  return undefined;
}

/** A status page's component status as an impact: "🔴 Major outage" is the top of its scale. */
const COMPONENT_STATUS: [RegExp, number][] = [
  [/^\W*major outage\W*$/iu, 0],
  [/^\W*partial outage\W*$/iu, 1],
  [/^\W*degraded performance\W*$/iu, 2],
];

/**
 * The severity an `Impact:` line states: with an `Urgency:` beside it, the ITIL priority matrix
 * (High and High is priority 1, High and Medium 2, Medium and Medium 3, …); alone, an impact
 * that is only a level ("Impact: High"); or a status page's component status ("🔴 Major outage").
 * An impact written as prose states no severity.
 */
function impactSeverity(
  ctx: FieldContext,
  severities: readonly string[],
  alone: boolean,
): InferredField<string> | undefined {
  const impact = ctx.label(/^(?:impact|business impact)$/);
  if (!impact || !severities.length) return undefined;
  const at = (rank: number) => severities[Math.max(0, Math.min(severities.length - 1, rank))]!;
  const result = (value: string) => ({
    value,
    from: `line ${impact.line}`,
    confidence: 0.7,
    line: impact.line,
  });
  // "Impact: High | Urgency: High" on one line, or an `Urgency:` line of its own.
  const [own = '', ...rest] = impact.value.split(/\s+[|·•]\s+/);
  const urgencyPart = rest
    .map((p) => /^urgency\s*[:：]\s*(.*)$/i.exec(p)?.[1])
    .find((p) => p !== undefined);
  const urgency = urgencyPart ?? ctx.label(/^urgency$/)?.value;
  const i = impactRank(own);
  if (i === undefined) {
    for (const [re, rank] of COMPONENT_STATUS) if (re.test(own)) return result(at(rank));
    return undefined;
  }
  const u = urgency === undefined ? undefined : impactRank(urgency);
  if (u !== undefined) return result(at(i + u));
  // An impact alone states a level only when that is all it says ("High", "2 - Medium").
  if (!alone) return undefined;
  if (!/^\W*(?:\d\s*[-–—:]\s*)?[\p{L}]+(?:\s+high)?\W*$/iu.test(stripInline(own))) return undefined;
  const mapped = mapSeverity(own, severities);
  return mapped ? result(mapped) : undefined;
}

/** A level on a badge line ("> 🔴 **S1** · Platform: Android") opening the document. */
const BADGE =
  /^[ \t]*(?:>[ \t]*)?(?:[^\p{L}\d\s*_]+[ \t]*)?(?:\*\*|__)?(S[0-4]|SEV-?[0-4]|P[0-4])(?:\*\*|__)?[ \t]*(?:[·•|—–]|$)/u;
/** A level in brackets closing a title or an opening bold line: "queue stalled (P3)". */
const BRACKETED_LEVEL = /\((S[0-4]|SEV[\s-]?[0-4]|P[0-4])\)[ \t]*(?:\*\*|__)?[ \t]*$/iu;

/** A severity stated by a badge line or in brackets on the title line, in the document's opening lines. */
function badgeSeverity(
  pm: Postmortem,
  severities: readonly string[],
): InferredField<string> | undefined {
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  let seen = 0;
  for (let n = first; n <= pm.lines.lineCount && seen < 8; n++) {
    const line = pm.lines.lineText(n);
    if (!line.trim()) continue;
    seen++;
    const titleLine = /^[ \t]*(?:#{1,6}[ \t]|\*\*|__)/.test(line);
    const m = BADGE.exec(line) ?? (titleLine ? BRACKETED_LEVEL.exec(line) : null);
    const value = m && mapSeverity(m[1]!, severities);
    if (value) return { value, from: `line ${n}`, confidence: 0.75, line: n };
  }
  return undefined;
}

/** A value saying no severity was given: "none", "none assigned", "n/a", "not assigned", "—". */
const NO_SEVERITY =
  /^(?:none|n\/?a|not (?:assigned|set|declared|applicable)|unassigned|no severity|[-—–]+)(?![\p{L}\d])/iu;
/** A value that opens with a severity: "S2 — data loss", "Sev 1", "P2", "2 - High", "Critical". */
const SEVERITY_FIRST =
  /^\W*(?:s|sev(?:erity)?|p|priority|level)[\s:/-]*\d\b|^\W*\d\s*[-–—:]\s*\p{L}|^\W*(?:critical|major|minor|high|medium|moderate|low)\b/iu;
/** A tracker's scoped severity label: GitLab `severity::2`, GitHub `sev/2`, `priority::1`. */
const SCOPED =
  /(?<![\p{L}\d])(sev(?:erity)?|priority|p)(?:::|\/)[\s"']*(\d|critical|high|medium|low|major|minor)(?![\p{L}\d])/iu;

/** A scoped severity label in front-matter `labels` or `tags`, or in the text ("Labels: `sev/2`"). */
function scopedLabelSeverity(
  pm: Postmortem,
  severities: readonly string[],
): InferredField<string> | undefined {
  const fm = frontMatterValue(pm, ['labels', 'tags', 'label']);
  for (const item of fm ? asList(fm.value) : []) {
    const m = SCOPED.exec(item);
    const value = m && mapSeverity(`${/^p/i.test(m[1]!) ? 'p' : 'sev'} ${m[2]}`, severities);
    if (value) return { value, from: fromFrontMatter(fm!.line), confidence: 0.85, line: fm!.line };
  }
  const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
  const m = new RegExp(SCOPED.source, 'giu').exec(body);
  if (!m) return undefined;
  const value = mapSeverity(`${/^p/i.test(m[1]!) ? 'p' : 'sev'} ${m[2]}`, severities);
  if (!value) return undefined;
  const line = pm.lines.position((pm.frontMatter?.end ?? 0) + m.index).line;
  return { value, from: `line ${line}`, confidence: 0.85, line };
}

const WORD_RANKS: [RegExp, number][] = [
  [/^(?:critical|crit|blocker|emergency|highest|catastrophic|urgent)$/, 0],
  [/^(?:major|high|severe|serious)$/, 1],
  [/^(?:minor|medium|moderate|normal|med)$/, 2],
  [/^(?:low|lowest|trivial|cosmetic|info|informational)$/, 3],
];

/**
 * Maps a stated severity ("Sev 1", "SEV-2", "P0", "Priority: P2", "Critical", "high") to a
 * configured level: by name, by number for numbered levels (Sev 0 and Sev 1 both the most
 * severe), P0/P1 the most severe and so on, and words by rank; clamped to the configured range.
 */
export function mapSeverity(raw: string, severities: readonly string[]): string | undefined {
  if (!severities.length) return undefined;
  // Marks around a value are not part of it: `🔴 High`, GitLab's `~"severity::2"`.
  const v = stripInline(raw)
    .toLowerCase()
    .replace(/^[^\p{L}\d]+/u, '')
    .replace(/^(sev(?:erity)?|priority|p)(?:::|\/)["']?(?=\w)/u, '$1 ')
    .replace(/["']+$/u, '')
    .trim();
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const direct = severities.find((s) => squash(s) === squash(v));
  if (direct) return direct;
  const at = (rank: number) => severities[Math.max(0, Math.min(severities.length - 1, rank))];
  const numbered = severities
    .map((s) => /(\d+)/.exec(s)?.[1])
    .map((n) => (n === undefined ? undefined : Number(n)));
  const bySevNumber = (n: number) => {
    if (numbered.every((x) => x !== undefined)) {
      const exact = numbered.indexOf(n);
      if (exact >= 0) return severities[exact];
      const min = Math.min(...(numbered as number[]));
      return n < min ? severities[numbered.indexOf(min)] : severities[severities.length - 1];
    }
    return at(n - 1);
  };
  // "Significant (rating 2 on the 1–4 scale)": a level on a stated scale whose first step is the worst.
  const scale = /\b(\d)\s+(?:on|of|out of|in)\s+(?:the|a)?\s*(\d)\s*(?:[-–—]|to)\s*(\d)\b/.exec(v);
  if (scale && Number(scale[2]) < Number(scale[3])) return at(Number(scale[1]) - Number(scale[2]));
  let m = /^(?:sev(?:erity)?|s|level|stufe)[\s-]*(\d)\b/.exec(v);
  if (m) return bySevNumber(Number(m[1]));
  m = /^(?:p|prio|priority)[\s-]*(\d)\b/.exec(v);
  if (m) return at(Math.max(0, Number(m[1]) - 1));
  m = /^(\d)\b/.exec(v);
  if (m) return bySevNumber(Number(m[1]));
  // "Major Incident, Priority 1": a numbered level anywhere in the value outranks a word.
  m = /\b(?:(sev(?:erity)?)|p|priority)[\s-]*(\d)\b/.exec(v);
  if (m) return m[1] ? bySevNumber(Number(m[2])) : at(Math.max(0, Number(m[2]) - 1));
  const word = v.split(/[\s(,:;-]/)[0] ?? '';
  for (const [re, rank] of WORD_RANKS) if (re.test(word)) return at(rank);
  const near = suggest(v, severities);
  return near;
}

/**
 * "Sev 1", "Severity 1", "Severity level 2", "P0", "Priority 1" or "major incident" written in the title or text. A
 * stated level ("severity: high", "Sev 1", "Priority 1") outranks a word ("major incident" is
 * also said of any declared incident); among equals the first wins.
 */
function statedSeverity(
  pm: Postmortem,
  severities: readonly string[],
): InferredField<string> | undefined {
  const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
  const offset = pm.frontMatter?.end ?? 0;
  const re =
    /(?<![\p{L}\d])(?:(?:severity|sev|priority)(?: level)?\s*(?:[:=]|is|was|(?<=level))\s*\**\s*(sev(?:erity)?[\s-]?\d|s[0-4]|p[0-4]|[0-4](?![\d.,:])|critical|major|minor|high|medium|moderate|low)|(sev(?:erity)?[\s-]?\d|priority[\s:-]*p?[0-4]|p[0-4](?=\s+(?:incident|outage|event|issue|page))|(?:critical|major|minor)(?=\s+(?:incident|outage))))(?![\p{L}\d])/giu;
  let best: { stated: string; index: number; rank: number; labelled: boolean } | undefined;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const stated = m[1] ?? m[2]!;
    // "a priority-1 ticket with the vendor" is the ticket's priority, not the incident's.
    if (
      /^\s+(?:ticket|case|support (?:ticket|case)|request)\b/i.test(
        body.slice(m.index + m[0].length),
      )
    )
      continue;
    const rank = m[1] ? 0 : /^(?:sev|priority)/i.test(stated) ? 1 : /^p/i.test(stated) ? 2 : 3;
    if (!best || rank < best.rank)
      best = { stated, index: m.index, rank, labelled: m[1] !== undefined };
    if (rank === 0) break;
  }
  if (!best) return undefined;
  const value = mapSeverity(best.stated, severities);
  if (!value) return undefined;
  const line = pm.lines.position(offset + best.index).line;
  return {
    value,
    from: `line ${line}`,
    confidence: best.labelled ? 0.85 : /^sev/i.test(best.stated) ? 0.75 : 0.6,
    line,
  };
}
