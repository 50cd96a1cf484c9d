import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Config } from '../config';
import { incidentDate } from '../library';
import type { Postmortem } from '../parse';

/** A searchable piece of a postmortem: a front-matter field, the prose before the first heading, or a section. */
export interface SearchPart {
  /** What a reader calls it: "Title", "Services", or the section heading as written. */
  label: string;
  /** How much a match here counts, relative to a section's 1. */
  weight: number;
  text: string;
}

/** What search needs of a postmortem: plain data, the same for the site, the CLI and the editor. */
export interface SearchDocument {
  /** The site's slug or the editor's path: whatever the caller identifies the postmortem by. */
  id: string;
  title: string;
  /** YYYY-MM-DD, or '' when unknown. */
  date: string;
  severity: string;
  /** The root-cause category id ('' when unset). */
  category: string;
  contributing: string[];
  services: string[];
  parts: SearchPart[];
}

/** Field weights: a word in the title says more about the outage than one in a timeline entry. */
export const PART_WEIGHTS = {
  title: 4,
  category: 2.5,
  services: 2.5,
  trigger: 2,
  severity: 1.5,
  tags: 1.5,
  contributing: 1.2,
  impact: 1,
  authors: 0.5,
  intro: 1.2,
  summary: 1.5,
  rootCause: 1.5,
  section: 1,
  timeline: 0.8,
} as const;

const BLOCKS = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'blockquote']);

/** The text of Markdown nodes, one line per block, so list items and table cells do not run together. */
export function blockText(nodes: readonly Nodes[]): string {
  const lines: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'yaml' || n.type === 'html') return;
    if (n.type === 'tableCell') return void lines.push(toString(n));
    if (BLOCKS.has(n.type) && 'children' in n) for (const c of n.children) walk(c as Nodes);
    else lines.push(toString(n));
  };
  for (const n of nodes) walk(n);
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The label of a category id in the configured taxonomy. */
function labelOf(config: Config, id: string): string {
  return config.categories.find((c) => c.id === id)?.label ?? id;
}

/**
 * The searchable document of a parsed postmortem: title, front-matter values (category labels,
 * severity, services, tags, trigger, impact, authors), the prose before the first heading and every
 * section, timeline and action items included.
 */
export function searchDocument(pm: Postmortem, id: string, config: Config): SearchDocument {
  const m = pm.meta;
  const parts: SearchPart[] = [];
  const add = (label: string, weight: number, text: string | undefined) => {
    if (text?.trim()) parts.push({ label, weight, text: text.trim() });
  };
  const title = pm.title ?? id;
  add('Title', PART_WEIGHTS.title, title);
  if (m.root_cause)
    add('Root-cause category', PART_WEIGHTS.category, labelOf(config, m.root_cause));
  add(
    'Contributing causes',
    PART_WEIGHTS.contributing,
    m.contributing.map((c) => labelOf(config, c)).join(', '),
  );
  add('Trigger', PART_WEIGHTS.trigger, m.trigger);
  add('Services', PART_WEIGHTS.services, m.services.join(', '));
  add('Severity', PART_WEIGHTS.severity, m.severity);
  add('Tags', PART_WEIGHTS.tags, m.tags.join(', '));
  if (m.impact) {
    const values = Object.entries(m.impact).map(
      ([k, v]) =>
        `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
    );
    add('Impact', PART_WEIGHTS.impact, values.join('\n'));
  }
  add('Authors', PART_WEIGHTS.authors, m.authors.join(', '));
  const firstSection = pm.sections[0]?.start ?? pm.text.length;
  const intro = pm.tree.children.filter(
    (n) =>
      n.type !== 'yaml' &&
      !(n.type === 'heading' && n.depth === 1) &&
      (n.position?.start.offset ?? 0) < firstSection,
  );
  add('Introduction', PART_WEIGHTS.intro, blockText(intro));
  for (const s of pm.sections) {
    const weight = s.ids.includes('summary')
      ? PART_WEIGHTS.summary
      : s.ids.includes('root-cause')
        ? PART_WEIGHTS.rootCause
        : s.ids.includes('timeline')
          ? PART_WEIGHTS.timeline
          : PART_WEIGHTS.section;
    add(s.heading.trim() || 'Section', weight, blockText(s.children));
  }
  return {
    id,
    title,
    date: incidentDate(pm) ?? '',
    severity: m.severity ?? '',
    category: m.root_cause ?? '',
    contributing: [...m.contributing],
    services: [...m.services],
    parts,
  };
}
