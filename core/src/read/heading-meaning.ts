import type { Config } from '../config';
import { normalizeHeading } from '../sections';

/**
 * What real postmortems call each section, by meaning rather than exact text: words that name the
 * section wherever they stand in a heading. Tried after the exact aliases and the configured
 * patterns, on the heading with its qualifiers removed. Order matters: the first match wins.
 */
const MEANINGS: readonly { id: string; pattern: RegExp }[] = [
  // What was done during the incident, before any word that names later work ("Remediation steps taken").
  {
    id: 'resolution',
    pattern:
      /\b(actions|steps|measures) taken\b|^immediate (actions|response|steps|mitigation|containment)\b|^containment\b/,
  },
  {
    id: 'timeline',
    pattern:
      /\b(timeline|chronology|sequence of events|order of events|(course|chain|run) of events|event log|incident log|activity log|response log|milestones|how it unfolded|time ?line|hour by hour|minute by minute|day by day)\b|^status (page )?updates\b|^when did (things|it|this|that|what) happen|^(sequence|log|what happened when|events|key events)$/,
  },
  // What was changed: the action items of a document that lists no others (see buildSections), a
  // record of changes beside them in one that does ("What we changed, and what we think helped").
  { id: 'follow-up', pattern: /^what we('ve| have)? changed\b/ },
  // What will be done, said plainly: "What we do now", "What we're doing about it".
  {
    id: 'action-items',
    pattern:
      /^what we do now$|^what we(['’]re| are) doing (now|about it|next)\b|^what we will do( now| next)?$/,
  },
  {
    id: 'action-items',
    pattern:
      /\b(action items?|actions? taken to prevent|corrective|preventi?ve|preventative|remediation|follow[- ]?ups?( actions| items| tasks)?|next steps|planned (actions|work|changes)|future (improvements|work)|improvements|action plan|todos?|to-dos?|work items|sub-?tasks|countermeasures?|recommendations?|prevention|remedial|(open|agreed|outstanding|next|post-incident|recommended|improvement|remaining|proposed|management) actions|actions agreed|^actions (from|arising from|out of) (this|the|that)\b|action tracker|commitments|capa|repair items|(new|more|additional|extra) safeguards|safeguards (added|to add|we('re| are)? adding)|hardening|mitigation plan|(long|short|medium)[- ]term (fixes|work|changes))\b|^(to do|measures|decisions?)$|\b(stuff|things|work|items|what's left|left) to do$|^how (we('ll| will)|to) prevent\b|^(steps|changes) we('re| are) (taking|making)\b|^what we('ve| have)? done and (will|are going to) do\b|^(actions|tasks|fixes|changes|tickets)$|^how (are|will|do) we (prevent|stop|avoid)|^how (are|will) we (make|making)\b.*\bless (likely|impactful|frequent|severe)\b|\bpreventing (it|this|recurrence)|^what (are|will) we (going to )?(doing|do|change|changing|fixing|improving)\b|^what we('ll| will) (do|change)|^what we('re| are) (doing|changing|fixing|improving)|^what('s| is) next|^(going )?forward\b/,
  },
  {
    id: 'lessons-learned',
    pattern:
      /^why (it|this|we) (was ?n'?t|was not|were ?n'?t|were not|did ?n'?t|did not) (caught|catch|noticed?|detected?|spot(ted)?)\b|\b(lessons?|learnings?|learned|takeaways|insights|reflections|retrospective|went (not so )?(well|good|right|poorly|badly)|how'?d we do|why it took|why (it took )?(two|three|four|several|\d+) (hours|days)|how did we do|got lucky|observations|took longer than|could have gone better|went poorly|what didn'?t go( so)? well)\b|^what else did we (notice|learn|see)|^what (did|have) we learn(ed|t)?\b|^what saved us\b|^what (we|i) took away\b|^what (we|i)(?:['’]?d| would) do differently\b|^what (we|i) (would|will) change\b|^what we did (well|badly|poorly|right|wrong)\b|^what was (good|bad|not (so )?good)\b|^what (helped|hurt|worked|did ?n'?t (help|work)|did not (help|work))( (us|most|the most|the least))?$|^notes from the (review|retro|retrospective|debrief|postmortem|post-mortem)$/,
  },
  {
    id: 'impact',
    pattern:
      /^what (\w+ ){0,3}(saw|experienced|noticed|may have seen)\b|^what (users|customers|clients|players|patients|members|partners|people|visitors|merchants|subscribers|residents) (hit|got|felt|faced|ran into)\b|^what happened (to|for) (our )?(users|customers|clients|players|patients|members|partners|people|visitors|merchants|subscribers|residents|you)\b|^(am i|are you|are we|is my [a-z]+|was i|were you) (affected|impacted)\b|^what did (we|you|users|customers|players|patients) (see|experience|notice)\b|^what (would|could) have happened\b|^effects?( (on|for|to) [a-z ]+)?$/,
  },
  {
    id: 'root-cause',
    pattern:
      /\b(might|may|must) have (happened|caused)\b|\b(probable|likely|suspected) causes?\b|^(investigation|diagnosis|triggers?|triggering event)$|\bwhat we suspect\b|^what caused\b|^how (the|our|we) ([\w-]+ ){0,2}got (it|this|that) wrong\b|^what we (think|believe)( (happened|caused it|went wrong))?\b|^what (broke|failed)\b|^what was wrong\b|^how (the|our|a|an) ([\w-]+ ){0,2}(leaked|broke|failed|got (in|out)|was (exposed|lost|deleted|corrupted|leaked|stolen|compromised|taken))\b|^how (the|this|it|that) (failure|outage|problem|incident|issue|fault|error)s? (spread|cascaded|propagated|escalated|grew)\b|^how (this|it) (happened|could happen)\b|^how (did|could) (this|it|that) (happen|occur)\b|^what changed in( v?\d| the (release|deploy|deployment|build|update|upgrade|version|rollout)\b|$)|\bexplanation\b|\bwhys\b|^what (actually|really) happened\b|^where (we|it|things) (planned|went|got it) wrong\b|\b(root[- ]?causes?|causes?|contributing factors|five whys|5 whys|why did (it|this) (happen|break|fail)|fault|technical (details|analysis)|what went wrong|analysis)\b|^why\b/,
  },
  {
    id: 'resolution',
    pattern:
      /\b(resolution|resolved|mitigations?|mitigated|recovery|recovered|restor(e|ing|ation|ed)|fix(es|ed)?|how (did )?we fix(ed)?( it)?|workaround)\b|^what we did\b|^repairs?$|^how (was|did) (it|this|we) (get )?(fixed|resolved|mitigated|recover)|^how (did )?we (get|got) (out of it|back)\b|^what (finally )?(fixed it|worked in the end)\b|^what finally (worked|helped)\b/,
  },
  {
    id: 'impact',
    pattern:
      /\b(impact|impacted|who was affected|what was affected|blast radius|customer effect|user effect|symptoms)\b|\b(?!(services?|systems?|components?|applications?|apps?|platforms?|regions?|zones?|hosts?|servers?|nodes?|clusters?|shards?|pools?|databases?|products?|features?|sites?|tables?)\b)([a-z]+s|people|staff|personnel) (affected|impacted)$|^(by |in )?(the )?numbers$|^(consequences|scope|damages?)$|^how much (did|was) (it|this|that) (cost|lose)|^what did (it|this|that) cost\b|^affected (customers|users|clients|people|players|patients|residents|merchants|tenants|members|accounts|staff)\b/,
  },
  {
    id: 'summary',
    pattern:
      /\b(summary|overview|tl;?dr|synopsis|abstract|description|what happened|incident report|background|problem statement|introduction)\b|^(the )?problem$|^context$|\b(short|quick|brief) version\b|^(resume|résumé|resumo|resumen)$|^(the )?situation$|^(in short|in brief|at a glance)$|^describe (the|this|what) (incident|outage|problem|issue|event|happened)\b/,
  },
];

/** A heading without what qualifies it: "(all times UTC)", a trailing date range, emoji, numbering, a question mark. */
export function headingCore(text: string): string {
  return normalizeHeading(
    text
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
      .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, ' ')
      .replace(/^\s*(section\s+)?(\d+(\.\d+)*|[ivx]+|[a-z])[.):]\s+/i, '')
      // Numbering set off by a dash: "6 — Changes".
      .replace(/^\s*\d+(\.\d+)*\s+[-–—]\s+/u, '')
      .replace(/\s[-–—:|,]\s.*$/u, '')
      .replace(/\s+\d{1,4}([/.-]\d{1,4}){1,2}(\s*[-–—]\s*\d{1,4}([/.-]\d{1,4}){0,2})?\s*$/u, '')
      .replace(/[?!]+/g, ' '),
  );
}

/**
 * The canonical section ids a heading stands for: exact aliases first (hindsight.json's included),
 * then configured patterns, then the heading without its qualifiers, then each part of a combined
 * heading ("Lessons Learned and Future Improvements"), then the words that name a section.
 */
export function headingIds(text: string, config: Config): string[] {
  let cache = known.get(config);
  if (!cache) known.set(config, (cache = new Map()));
  let ids = cache.get(text);
  if (!ids) {
    ids = resolveHeading(text, config);
    // Headings repeat across a library; a bounded cache keeps linting 10,000 files from re-reading
    // them. Once full it takes no more: the headings met first (the common ones, which every
    // document repeats) stay, where clearing it would drop them for each document's own title.
    // A copy as the key: a heading sliced from its document would keep the whole document alive
    // (V8 slices share their parent's characters), 40 MB over 10,000 postmortems with their own titles.
    if (cache.size < 10_000) cache.set(JSON.parse(JSON.stringify(text)) as string, ids);
  }
  return ids;
}

const known = new WeakMap<Config, Map<string, string[]>>();

function resolveHeading(text: string, config: Config): string[] {
  const exact = config.headingIndex.get(normalizeHeading(text));
  if (exact) return exact;
  for (const { pattern, ids } of config.headingPatterns) if (pattern.test(text)) return ids;
  const core = headingCore(text);
  if (!core) return [];
  const known = config.headingIndex.get(core);
  if (known) return known;
  const parts = core.split(/\s+(?:and|&|\/|\+)\s+|\s*[/&+,]\s*/).filter(Boolean);
  if (parts.length > 1) {
    const ids = parts.flatMap((p) => config.headingIndex.get(p) ?? meaningOf(p));
    if (ids.length) return [...new Set(ids)];
  }
  return meaningOf(core);
}

function meaningOf(core: string): string[] {
  // "Why the safeguards didn't help" asks about the cause; it lists no actions.
  const why = core.startsWith('why ');
  const hit = MEANINGS.find((m) => !(why && m.id === 'action-items') && m.pattern.test(core));
  return hit ? [hit.id] : [];
}
