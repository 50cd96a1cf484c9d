/** A canonical section of a postmortem. */
export interface SectionDef {
  id: string;
  title: string;
  /** Headings that name this section in real postmortems. */
  aliases: string[];
  /** What belongs in it: the template's prompt and the skeleton a quick fix inserts. */
  prompt: string;
}

/** The canonical sections in their expected order. */
export const DEFAULT_SECTIONS: readonly SectionDef[] = [
  {
    id: 'summary',
    title: 'Summary',
    aliases: ['Issue Summary', 'Incident Summary', 'Executive Summary', 'Overview', 'TL;DR'],
    prompt:
      'What happened, for how long, who was affected and how it ended, in three to five sentences.',
  },
  {
    id: 'impact',
    title: 'Impact',
    aliases: ['User Impact', 'Customer Impact', 'Business Impact', 'Scope and Impact'],
    prompt: 'Who and what was affected: users, requests, revenue, data. Numbers beat adjectives.',
  },
  {
    id: 'timeline',
    title: 'Timeline',
    aliases: ['Incident Timeline', 'Timeline of Events', 'Chronology', 'Sequence of Events'],
    prompt:
      'One entry per event, each starting with a time (04:00, 4:00 AM or 2024-01-31 04:00 UTC).',
  },
  {
    id: 'root-cause',
    title: 'Root Cause',
    aliases: ['Root Causes', 'Cause', 'Causes', 'Root Cause Analysis'],
    prompt:
      'Why it happened: the trigger, the underlying cause, and why safeguards did not stop it.',
  },
  {
    id: 'resolution',
    title: 'Resolution',
    aliases: ['Mitigation', 'Recovery', 'Resolution and Recovery', 'Mitigation and Resolution'],
    prompt: 'How service was restored, and what was done to repair data and caches afterwards.',
  },
  {
    id: 'action-items',
    title: 'Action Items',
    aliases: [
      'Corrective and Preventative Measures',
      'Corrective and Preventive Measures',
      'Corrective Actions',
      'Preventive Measures',
      'Follow-up Actions',
      'Remediation Items',
      'Next Steps',
      'Action Plan',
      'Remediation',
      'Remediations',
      'Planned Actions',
      'Future Improvements',
      'Preventive Actions',
    ],
    prompt:
      'Task-list items, each with an owner (@name), a due date (due:YYYY-MM-DD) and a kind (#prevent, #detect, #mitigate, #process).',
  },
  {
    id: 'lessons-learned',
    title: 'Lessons Learned',
    aliases: ['Lessons', 'Learnings', 'Key Learnings', 'Takeaways', 'Retrospective'],
    prompt: 'What went well, what went wrong, and where we got lucky.',
  },
  {
    id: 'follow-up',
    title: 'Follow-up',
    aliases: [
      'Follow-up Checklist',
      'Followup',
      'Follow up',
      'After Mitigation',
      'Post-incident Checklist',
    ],
    prompt: 'The four steps after mitigation: data consistency, caches, alerting, preventive work.',
  },
];

/** Headings that cover several canonical sections at once. */
export const DEFAULT_COMBINED: Readonly<Record<string, readonly string[]>> = {
  'root cause and resolution': ['root-cause', 'resolution'],
  'root cause and mitigation': ['root-cause', 'resolution'],
  'cause and resolution': ['root-cause', 'resolution'],
  'root cause and remediation': ['root-cause', 'resolution'],
};

export const DEFAULT_REQUIRED_SECTIONS = [
  'summary',
  'impact',
  'timeline',
  'root-cause',
  'resolution',
  'action-items',
  'lessons-learned',
];

/** Normalises a heading for alias lookup: case, punctuation at the end, spacing, '&'. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s:.\-–—]+$/u, '')
    .replace(/^[\s\d.)]+(?=[a-z])/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
