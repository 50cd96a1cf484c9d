import { labelLineIds } from '../read/labels';
import { sectionSkeleton } from '../template';
import { boldLabelSections, opensWithProse } from './helpers';
import type { Problem, Rule } from './types';

/** A heading over the story of the incident: "What happened", "Course of events", "Incident details". */
const NARRATIVE =
  /^(?:\d+\.?\s+)?(?:what (?:happened|went on)|(?:the )?course of events|(?:the )?incident(?: (?:details|description|narrative|in detail))?|details|(?:the )?story|description of (?:the )?(?:incident|event)|detailed (?:description|account))\b/i;
/** A sentence that names the cause: "The root cause was …", "… was caused by …", "For us the cause is …". */
const CAUSE_STATED =
  /\broot[- ]cause\b|\b(?:was|were|is|are) (?:ultimately |directly )?(?:caused|triggered) by\b|\bthe (?:underlying |actual |real |direct )?cause (?:was|is|of (?:the|this) (?:outage|incident|failure))\b/i;

/**
 * Whether a narrative section ("What happened", "Course of events") states the cause in so many
 * words: a reader finds the root cause there, under a heading that tells the story.
 */
function tellsTheCause(text: string, s: { heading: string; start: number; end: number }): boolean {
  return NARRATIVE.test(s.heading.trim()) && CAUSE_STATED.test(text.slice(s.start, s.end));
}

/** Headings of what is not the analysis: appendices, references, messages to customers, metadata. */
const NOT_ANALYSIS =
  /\b(?:appendix|appendices|glossary|references?|links?|related|thanks|acknowledg\w*|compensation|credits?|what you should do|faq|contacts?|status|severity|metadata|participants|responders|attendees|agenda|updates?|comments?|messaging|communications?)\b/i;
/** A sentence that explains why: "because", "due to", "which led to", "the reason". */
const EXPLAINS =
  /\bbecause\b|\bdue to\b|\b(?:led|leads) to\b|\bthe reason\b|\bresulted in\b|\bwhich meant\b/i;
/** Words a section needs before it reads as an analysis rather than a note. */
const ANALYSIS_WORDS = 20;

/**
 * Whether a section under a heading of the team's own ("What we got wrong", "Details", "How the
 * token leaked") explains why: the analysis a reader looks for under Root Cause. Only a section
 * Hindsight recognises as nothing else, with a paragraph's worth of words.
 */
function explainsWhy(
  text: string,
  s: { heading: string; ids: string[]; headingEnd: number; end: number },
): boolean {
  if (s.ids.length > 0 || NOT_ANALYSIS.test(s.heading)) return false;
  const body = text.slice(s.headingEnd, s.end);
  return EXPLAINS.test(body) && body.split(/\s+/).filter(Boolean).length >= ANALYSIS_WORDS;
}

/** Headings over the story of the response: "Detection and response", "Getting out", "How we found it". */
const RESPONSE_HEADING =
  /\b(?:respon(?:se|ded|ding)|recover(?:y|ed|ing)|getting out|clean-?up|how we (?:fixed|got out|found)|mitigat\w*|fallback)\b/i;
/** A sentence that states the fix: "rolled back", "a hotfix", "switched back", "once power was restored". */
const FIX_STATED =
  /\b(?:rolled back|roll(?:ing)? back|reverted|restored|replaced|hot-?fix|fixed|recovered|disabled|switched (?:back|over)|failed over|came back|back to normal)\b/i;

/**
 * Whether a section that tells the response under a heading of the team's own states the fix: a
 * reader finds the resolution there. Not a section read as the timeline (a fix among timed entries
 * is the chronology, not a resolution).
 */
function tellsTheFix(
  pm: { text: string; timeline: readonly { start: number }[] },
  s: { heading: string; ids: string[]; headingEnd: number; end: number },
): boolean {
  if (s.ids.length > 0 || !RESPONSE_HEADING.test(s.heading)) return false;
  if (pm.timeline.some((e) => e.start >= s.headingEnd && e.start < s.end)) return false;
  return FIX_STATED.test(pm.text.slice(s.headingEnd, s.end));
}

export const requiredSection: Rule = {
  id: 'required-section',
  description:
    'Every required section is present (Summary, Impact, Timeline, Root Cause, Resolution, Action Items, Lessons Learned by default).',
  severity: 'error',
  check({ pm, config }) {
    const order = config.sections.map((s) => s.id);
    const present = new Set<string>();
    for (const s of pm.sections) for (const id of s.ids) present.add(id);
    // Found without a heading of their own: a prose opening, a labelled timeline, labelled action items.
    if (pm.timeline.length > 0) present.add('timeline');
    if (pm.actions.length > 0) present.add('action-items');
    // The rest can only add to what is present: looked for only while a required section is missing.
    const missing = () => config.requiredSections.some((id) => !present.has(id));
    if (missing() && opensWithProse(pm)) present.add('summary');
    if (missing()) {
      for (const id of boldLabelSections(pm, config)) present.add(id);
      for (const id of labelLineIds(pm.text, config)) present.add(id);
    }
    if (
      !present.has('root-cause') &&
      pm.sections.some((s) => tellsTheCause(pm.text, s) || explainsWhy(pm.text, s))
    )
      present.add('root-cause');
    if (!present.has('resolution') && pm.sections.some((s) => tellsTheFix(pm, s)))
      present.add('resolution');
    const problems: Problem[] = [];
    const eol = pm.lines.eol;
    for (const id of config.requiredSections) {
      if (present.has(id)) continue;
      const def = config.sections.find((s) => s.id === id)!;
      const rank = order.indexOf(id);
      // Insert before the first present section that comes later in the canonical order.
      const next = pm.sections.find(
        (s) => s.ids.length > 0 && Math.min(...s.ids.map((i) => order.indexOf(i))) > rank,
      );
      const before = [...pm.sections]
        .reverse()
        .find((s) => s.ids.length > 0 && Math.min(...s.ids.map((i) => order.indexOf(i))) < rank);
      const where = before
        ? `after '${before.heading}'`
        : next
          ? `before '${next.heading}'`
          : 'as a level-2 heading';
      const message = `Section '${def.title}' is missing; expected it ${where}.`;
      const skeleton = sectionSkeleton(def, eol);
      if (next) {
        problems.push({
          message,
          start: next.start,
          end: next.headingEnd,
          fix: {
            title: `Add section '${def.title}'`,
            edits: [{ start: next.start, end: next.start, text: skeleton }],
          },
        });
      } else {
        const end = pm.text.length;
        // Point at the last line with text: that is where the section would follow.
        let lastLine = pm.lines.position(end).line;
        while (lastLine > 1 && pm.lines.lineText(lastLine).trim() === '') lastLine--;
        const lead =
          end === 0
            ? ''
            : /(\r?\n){2}$/.test(pm.text)
              ? ''
              : /\r?\n$/.test(pm.text)
                ? eol
                : eol + eol;
        problems.push({
          message,
          start: pm.lines.lineStart(lastLine),
          end: pm.lines.lineEnd(lastLine),
          fix: {
            title: `Add section '${def.title}'`,
            edits: [{ start: end, end, text: lead + skeleton.replace(/(\r?\n)+$/, eol) }],
          },
        });
      }
    }
    return problems;
  },
};
