import { DEFAULT_CATEGORIES, DEFAULT_SEVERITIES, STATUSES } from './taxonomy';
import { FIELDS, type FieldDef } from './fields';
import { DEFAULT_SECTIONS, type SectionDef } from './sections';
import { sectionSkeleton } from './template';

/** A VS Code snippet. */
export interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

/** Escapes literal text for a snippet body. */
export function escapeSnippet(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/\}/g, '\\}');
}

/** When a snippet is inserted: the instant, how to write it, and how far ahead a new item is due. */
export interface SnippetTime {
  now: Date;
  /** `utc` (the default) writes UTC; `local` writes the local time labelled with its offset. */
  zone?: 'utc' | 'local';
  /** Minutes east of UTC of the local zone (for `local`): `-new Date().getTimezoneOffset()`. */
  offsetMinutes?: number;
  /** Days from today to an action item's default due date (default 14). */
  dueDays?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The parts of a snippet that depend on the time of insertion, in the chosen zone. */
export function snippetClock(time: SnippetTime): {
  today: string;
  clock: string;
  label: string;
  dateTime: string;
  due: string;
} {
  const local = time.zone === 'local';
  const offset = local ? (time.offsetMinutes ?? 0) : 0;
  const shifted = new Date(time.now.getTime() + offset * 60_000);
  const today = shifted.toISOString().slice(0, 10);
  const clock = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const label = local ? zone : 'UTC';
  const dateTime = `${today}T${clock}:00${local ? zone : 'Z'}`;
  const due = new Date(Date.parse(`${today}T00:00:00Z`) + (time.dueDays ?? 14) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { today, clock, label, dateTime, due };
}
const choice = (n: number, values: readonly string[]) => `\${${n}|${values.join(',')}|}`;

/** A section with its prompt as the placeholder of tab stop `n`. */
function sectionWithStop(def: SectionDef, n: number): string[] {
  const lines = escapeSnippet(sectionSkeleton(def)).replace(/\n+$/, '').split('\n');
  const prompt = lines.findIndex((l) => l.startsWith('<!--'));
  lines.splice(prompt + 1, 0, '', `\${${n}}`);
  return lines;
}

/**
 * The Markdown snippets of the extension, built from the same template as `hindsight new`, with
 * tab stops and choice lists for the default severities, categories and action kinds.
 */
export function markdownSnippets(): Record<string, Snippet> {
  const bySection = (id: string) => DEFAULT_SECTIONS.find((s) => s.id === id)!;
  return {
    'Summary section': {
      prefix: ['pm-summary'],
      description: 'The Summary section.',
      body: sectionWithStop(bySection('summary'), 1),
    },
    'Impact section': {
      prefix: ['pm-impact'],
      description: 'The Impact section.',
      body: sectionWithStop(bySection('impact'), 1),
    },
    'Root Cause section': {
      prefix: ['pm-root-cause'],
      description:
        'The Root Cause section: trigger, underlying cause, and why safeguards did not stop it.',
      body: [
        '## Root Cause',
        '',
        '${1:The trigger: what set it off.}',
        '',
        '${2:The underlying cause: why it could happen.}',
        '',
        '${3:Why our safeguards (tests, review, alerts, rollout) did not stop it.}',
        '$0',
      ],
    },
    'Resolution section': {
      prefix: ['pm-resolution'],
      description: 'The Resolution section.',
      body: sectionWithStop(bySection('resolution'), 1),
    },
    'Lessons Learned section': {
      prefix: ['pm-lessons'],
      description: 'Lessons Learned: what went well, what went wrong, where we got lucky.',
      body: [
        '## Lessons Learned',
        '',
        '### What went well',
        '',
        '- ${1}',
        '',
        '### What went wrong',
        '',
        '- ${2}',
        '',
        '### Where we got lucky',
        '',
        '- ${3}',
        '$0',
      ],
    },
    'Follow-up checklist': {
      prefix: ['pm-follow-up'],
      description: 'The four checks after mitigation: data, caches, alerting, preventive work.',
      body: escapeSnippet(sectionSkeleton(bySection('follow-up')))
        .replace(/\n+$/, '')
        .split('\n'),
    },
  };
}

/**
 * The front-matter lines of the template snippet, one per row of FIELDS in its order (fences not
 * included), and the number of tab stops they use (tab stop 1 is the title, repeated in the
 * heading). What the writer fills in gets a tab stop, by the field's kind: a text, a choice of the
 * statuses, severities or categories, a list that is required or has no fixed template line, and
 * the first date-time (the time of insertion); the date is today; the rest is the template's line.
 */
export function frontMatterStops(
  fields: readonly FieldDef[],
  today: string,
  dateTime: string,
): { lines: string[]; stops: number } {
  let stops = 0;
  const firstTime = fields.find((f) => f.kind === 'datetime');
  const stop = (inner = '') => `\${${++stops}${inner}}`;
  const lines = fields.map((f) => {
    let value: string;
    if (f.kind === 'text')
      value =
        f.name === 'title'
          ? stop(':Short title of the incident')
          : f.template === '""'
            ? `"${stop()}"`
            : stop();
    else if (f.kind === 'date') value = today;
    else if (f.kind === 'status') value = choice(++stops, STATUSES);
    else if (f.kind === 'severity')
      value = choice(
        ++stops,
        DEFAULT_SEVERITIES.map((s) => s.id),
      );
    else if (f.kind === 'category')
      value = choice(
        ++stops,
        DEFAULT_CATEGORIES.map((c) => c.id),
      );
    else if (f.kind === 'list' && (f.required || f.template === undefined)) value = `[${stop()}]`;
    else if (f === firstTime) value = stop(`:${dateTime}`);
    else value = f.template ?? '';
    return value === '' ? `${f.name}:` : `${f.name}: ${value}`;
  });
  return { lines, stops };
}

/**
 * The snippets that hold the time of insertion (the template's date and start, a timeline entry's
 * clock, an action item's due date). A static snippet file can only write local time, so the
 * extension offers these as completions built at the moment they are inserted.
 */
export function timedSnippets(
  time: SnippetTime,
  fields: readonly FieldDef[] = FIELDS,
): Record<string, Snippet> {
  const { today, clock, label, dateTime, due } = snippetClock(time);
  const sections = DEFAULT_SECTIONS.filter((s) => s.id !== 'follow-up');
  const front = frontMatterStops(fields, today, dateTime);
  const full = [
    '---',
    ...front.lines,
    '---',
    '',
    '# ${1}',
    '',
    ...sections.flatMap((def, i) => [...sectionWithStop(def, front.stops + 1 + i), '']),
    '$0',
  ];
  return {
    'Postmortem template': {
      prefix: ['postmortem', 'pm-template'],
      description: 'A complete postmortem: front matter and every section with its prompt.',
      body: full,
    },
    'Timeline section': {
      prefix: ['pm-timeline'],
      description: `The Timeline section with a first entry at the current time (${label}).`,
      body: [
        '## Timeline',
        '',
        `- ${clock} ${label} \${1:What happened, who noticed, what was done}`,
        '$0',
      ],
    },
    'Timeline entry': {
      prefix: ['pm-entry', 'tl'],
      description: `A timeline entry at the current time (${label}).`,
      body: [`- \${1:${clock}} ${label} \${2:What happened}`],
    },
    'Action Items section': {
      prefix: ['pm-actions'],
      description: 'The Action Items section with a first preventive item.',
      body: [
        '## Action Items',
        '',
        `- [ ] \${1:What will be done} @\${2:owner} due:\${3:${due}} #\${4|prevent,detect,mitigate,process|} \${5:TRACKER-1}`,
        '$0',
      ],
    },
    'Action item': {
      prefix: ['pm-action', 'ai'],
      description: `An action item with owner, due date (in ${time.dueDays ?? 14} days), kind and tracker.`,
      body: [
        `- [ ] \${1:What will be done} @\${2:owner} due:\${3:${due}} #\${4|prevent,detect,mitigate,process|} \${5:TRACKER-1}`,
      ],
    },
  };
}
