import { defaultConfig, type Config } from './config';
import { FIELDS, type FieldDef, type FieldName } from './fields';
import type { SectionDef } from './sections';

/** What a new postmortem starts from. */
export interface TemplateOptions {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  severity?: string;
  rootCause?: string;
  authors?: string[];
  config?: Config;
  eol?: string;
  /** The front-matter fields, one line each in this order (default FIELDS). */
  fields?: readonly FieldDef[];
}

/** Skeletons under each section heading: a prompt as an HTML comment and, where useful, a shape. */
const BODIES: Record<string, string[]> = {
  summary: [],
  impact: [],
  timeline: [
    '<!-- Example: - 04:12 UTC Replica lag alert fires; @maria acknowledges. Add "### YYYY-MM-DD" headings when the incident spans days. -->',
  ],
  'root-cause': [],
  resolution: [],
  'action-items': [
    '<!-- Example: - [ ] Alert on replica lag above 30 s @maria due:2025-03-31 #detect OPS-142 -->',
  ],
  'lessons-learned': [
    '### What went well',
    '',
    '### What went wrong',
    '',
    '### Where we got lucky',
  ],
  'follow-up': [
    '- [ ] Data consistency checked and inconsistent records repaired',
    '- [ ] Caches holding stale data invalidated',
    '- [ ] Alerting and monitoring audited: would we be paged sooner next time?',
    '- [ ] Preventive work filed for every other place with the same root cause',
  ],
};

/** The Markdown of one section with its prompt and skeleton, ending with a blank line. */
export function sectionSkeleton(def: SectionDef, eol = '\n'): string {
  const body = BODIES[def.id] ?? [];
  const lines = [`## ${def.title}`, '', `<!-- ${def.prompt} -->`];
  if (body.length) lines.push('', ...body);
  return lines.join(eol) + eol + eol;
}

/** YAML for a string value: plain when safe, else double-quoted. */
export function yamlString(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.'()/-]*$/u.test(value) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(value) &&
    !/^[\d.:-]+$/.test(value)
    ? value
    : JSON.stringify(value);
}

/** The front matter of a new postmortem, fences included. */
export function frontMatterSkeleton(options: TemplateOptions): string {
  const config = options.config ?? defaultConfig;
  const eol = options.eol ?? '\n';
  const severity = options.severity ?? config.severities[config.severities.length - 1]!.id;
  const given: Partial<Record<FieldName, string>> = {
    title: yamlString(options.title),
    date: options.date,
    severity: yamlString(severity),
    root_cause: yamlString(options.rootCause ?? 'unknown'),
    authors: `[${(options.authors ?? []).map(yamlString).join(', ')}]`,
  };
  const fields: readonly FieldDef[] = options.fields ?? FIELDS;
  const firstTime = fields.find((f) => f.kind === 'datetime');
  const lines = ['---'];
  for (const f of fields) {
    if (f === firstTime)
      lines.push('# ISO date-times; they give time to detect, time to mitigate and duration.');
    const value = given[f.name as FieldName] ?? f.template ?? '';
    lines.push(value === '' ? `${f.name}:` : `${f.name}: ${value}`);
  }
  lines.push('---');
  return lines.join(eol) + eol;
}

/** A complete new postmortem: front matter, title, and every section with its prompt. */
export function renderTemplate(options: TemplateOptions): string {
  const config = options.config ?? defaultConfig;
  const eol = options.eol ?? '\n';
  const sections = config.sections.map((def) => sectionSkeleton(def, eol)).join('');
  return `${frontMatterSkeleton(options)}${eol}# ${options.title}${eol}${eol}${sections}`.replace(
    /(\r?\n)+$/,
    eol,
  );
}

/** A file name for a postmortem: `YYYY-MM-DD-title-words.md`. */
export function slugFileName(date: string, title: string): string {
  const folded = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  // Letters of other scripts (支付, 日本語) have no ASCII slug: a short hash of the title keeps two
  // such titles of one day apart, and stays the same for the same title.
  const unspelled = /[^\p{ASCII}]/u.test(folded.replace(/[^\p{L}\p{N}]/gu, ''));
  if (!unspelled) return `${date}-${slug || 'incident'}.md`;
  return `${date}-${slug || 'incident'}-${titleHash(title.normalize('NFC'))}.md`;
}

/** FNV-1a of the text's UTF-16 code units, as 7 base-36 characters at most. */
function titleHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++)
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}
