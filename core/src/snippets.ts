import { DEFAULT_CATEGORIES, DEFAULT_SEVERITIES, STATUSES } from './taxonomy';
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

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
const NOW = '${CURRENT_HOUR}:${CURRENT_MINUTE}';
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
  const sections = DEFAULT_SECTIONS.filter((s) => s.id !== 'follow-up');
  const full = [
    '---',
    'title: ${1:Short title of the incident}',
    `date: ${TODAY}`,
    `status: ${choice(2, STATUSES)}`,
    `severity: ${choice(3, DEFAULT_SEVERITIES.map((s) => s.id))}`,
    `root_cause: ${choice(4, DEFAULT_CATEGORIES.map((c) => c.id))}`,
    'contributing: []',
    'trigger: "${5}"',
    'services: [${6}]',
    'authors: [${7}]',
    'tags: []',
    `started: ${TODAY}T\${8:00:00}:00Z`,
    'detected:',
    'mitigated:',
    'resolved:',
    'impact: {}',
    '---',
    '',
    '# ${1}',
    '',
    ...sections.flatMap((def, i) => [...sectionWithStop(def, 10 + i), '']),
    '$0',
  ];
  const bySection = (id: string) => DEFAULT_SECTIONS.find((s) => s.id === id)!;
  return {
    'Postmortem template': { prefix: ['postmortem', 'pm-template'], description: 'A complete postmortem: front matter and every section with its prompt.', body: full },
    'Summary section': { prefix: ['pm-summary'], description: 'The Summary section.', body: sectionWithStop(bySection('summary'), 1) },
    'Impact section': { prefix: ['pm-impact'], description: 'The Impact section.', body: sectionWithStop(bySection('impact'), 1) },
    'Timeline section': {
      prefix: ['pm-timeline'],
      description: 'The Timeline section with a first entry at the current time.',
      body: ['## Timeline', '', `- ${NOW} UTC \${1:What happened, who noticed, what was done}`, '$0'],
    },
    'Timeline entry': {
      prefix: ['pm-entry', 'tl'],
      description: 'A timeline entry at the current time (UTC).',
      body: [`- \${1:${NOW}} UTC \${2:What happened}`],
    },
    'Root Cause section': {
      prefix: ['pm-root-cause'],
      description: 'The Root Cause section: trigger, underlying cause, and why safeguards did not stop it.',
      body: ['## Root Cause', '', '${1:The trigger: what set it off.}', '', '${2:The underlying cause: why it could happen.}', '', '${3:Why our safeguards (tests, review, alerts, rollout) did not stop it.}', '$0'],
    },
    'Resolution section': { prefix: ['pm-resolution'], description: 'The Resolution section.', body: sectionWithStop(bySection('resolution'), 1) },
    'Action Items section': {
      prefix: ['pm-actions'],
      description: 'The Action Items section with a first preventive item.',
      body: ['## Action Items', '', `- [ ] \${1:What will be done} @\${2:owner} due:\${3:${TODAY}} #\${4|prevent,detect,mitigate,process|} \${5:TRACKER-1}`, '$0'],
    },
    'Action item': {
      prefix: ['pm-action', 'ai'],
      description: 'An action item with owner, due date, kind and tracker.',
      body: [`- [ ] \${1:What will be done} @\${2:owner} due:\${3:${TODAY}} #\${4|prevent,detect,mitigate,process|} \${5:TRACKER-1}`],
    },
    'Lessons Learned section': {
      prefix: ['pm-lessons'],
      description: 'Lessons Learned: what went well, what went wrong, where we got lucky.',
      body: ['## Lessons Learned', '', '### What went well', '', '- ${1}', '', '### What went wrong', '', '- ${2}', '', '### Where we got lucky', '', '- ${3}', '$0'],
    },
    'Follow-up checklist': {
      prefix: ['pm-follow-up'],
      description: 'The four checks after mitigation: data, caches, alerting, preventive work.',
      body: escapeSnippet(sectionSkeleton(bySection('follow-up'))).replace(/\n+$/, '').split('\n'),
    },
  };
}
