import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { collectFiles, loadWorkspace, type Workspace } from '@hindsight/cli/files';
import { formatFinding, incidentDate, lintBytes, searchDocument, todayIso, type ActionKind, type Finding, type Meta, type Metrics, type Postmortem, type SearchDocument } from '@hindsight/core';
import { slugify } from './derive';
import { renderNodes } from './render';

/** A section of a postmortem page, rendered. */
export interface SiteSection {
  id?: string | undefined;
  heading: string;
  /** `timeline` and `actions` sections are drawn from structured data; `html` holds their other content. */
  kind: 'text' | 'timeline' | 'actions';
  html: string;
}

export interface SiteTimelineEntry {
  /** The time as written, e.g. "14:02 UTC". */
  label: string;
  text: string;
  /** Minutes since the first timed entry. */
  offset?: number | undefined;
  /** YYYY-MM-DD of the entry when it is known. */
  day?: string | undefined;
}

export interface SiteAction {
  title: string;
  owner?: string | undefined;
  due?: string | undefined;
  kind?: ActionKind | undefined;
  tracker?: string | undefined;
  done: boolean;
  overdue: boolean;
  line: number;
}

/** Everything a page needs about one postmortem; plain data, so Astro's store can keep it. */
export interface SiteEntry {
  slug: string;
  /** Repository-relative path of the source file. */
  file: string;
  title: string;
  date: string;
  year: string;
  meta: Meta;
  metrics: Metrics;
  summary: string;
  rootCauseText: string;
  intro: string;
  sections: SiteSection[];
  timeline: SiteTimelineEntry[];
  actions: SiteAction[];
  /** Warnings the linter had (errors keep a file out of the site). */
  warnings: string[];
  /** What search indexes: the core's searchDocument of the postmortem. */
  search?: SearchDocument;
}

export interface Rejected {
  file: string;
  messages: string[];
}

export interface Library {
  workspace: Workspace;
  entries: SiteEntry[];
  rejected: Rejected[];
  today: string;
}

export interface LoadOptions {
  /** Repository root; hindsight.json is read from here unless `workspace` is given. */
  root: string;
  workspace?: Workspace | undefined;
  /** Overrides the postmortems folder of hindsight.json. */
  folder?: string | undefined;
  today?: string | undefined;
}

/**
 * Reads, lints and renders the postmortem library. Files with errors are returned as rejected,
 * with the very lines `hindsight lint` prints for them.
 */
export async function loadLibrary(options: LoadOptions): Promise<Library> {
  const workspace = options.workspace ?? loadWorkspace(options.root);
  if (options.folder) workspace.config = { ...workspace.config, postmortems: path.resolve(options.root, options.folder) };
  const today = options.today ?? todayIso();
  const files = await collectFiles([], workspace, options.root);
  const entries: SiteEntry[] = [];
  const rejected: Rejected[] = [];
  const slugs = new Set<string>();
  for (const file of files) {
    const rel = path.relative(options.root, file).split(path.sep).join('/');
    const result = lintBytes(await readFile(file), { config: workspace.config, today });
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (!result.postmortem || errors.length) {
      rejected.push({ file: rel, messages: errors.map((f) => formatFinding(rel, f)) });
      continue;
    }
    const slug = uniqueSlug(path.relative(path.resolve(options.root, workspace.config.postmortems), file), slugs);
    entries.push({ ...toSiteEntry(result.postmortem, slug, rel, result.findings), search: searchDocument(result.postmortem, slug, workspace.config) });
  }
  entries.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  return { workspace, entries, rejected, today };
}

function uniqueSlug(relative: string, taken: Set<string>): string {
  const base = slugify(relative.replace(/\.(md|markdown)$/i, ''), 'postmortem');
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  taken.add(slug);
  return slug;
}

/** Converts the core's model into page data. */
export function toSiteEntry(pm: Postmortem, slug: string, file: string, findings: Finding[] = []): SiteEntry {
  const date = incidentDate(pm) ?? '';
  const sectionText = (id: string) => {
    const s = pm.sections.find((x) => x.ids.includes(id));
    return s ? s.children.map((n) => toString(n)).join('\n').replace(/\s+/g, ' ').trim() : '';
  };
  const firstSection = pm.sections[0]?.start ?? pm.text.length;
  const intro = pm.tree.children.filter(
    (n) => n.type !== 'yaml' && !(n.type === 'heading' && n.depth === 1) && (n.position?.start.offset ?? 0) < firstSection,
  );
  const sections: SiteSection[] = pm.sections.map((s) => {
    const kind = s.ids.includes('timeline') ? 'timeline' : s.ids.includes('action-items') && s.ids.length === 1 ? 'actions' : 'text';
    const structured = (n: RootContent) => n.type === 'list' || n.type === 'table' || (kind === 'timeline' && n.type === 'heading');
    const children = kind === 'text' ? s.children : s.children.filter((n) => !structured(n));
    return { id: s.ids[0], heading: s.heading, kind, html: renderNodes(children) };
  });
  const firstAt = pm.timeline.find((e) => e.at !== undefined)?.at;
  const timeline = pm.timeline.map((e) => ({
    label: e.time ? pm.text.slice(e.start, e.start + e.time.length).replace(/^[\s*_`[(]+/, '').replace(/[*_`\])]+$/, '').trim() : '',
    text: e.time ? e.text.slice(e.time.length).replace(/^[\s*_`)\]:—–-]+/, '').trim() : e.text,
    offset: e.at !== undefined && firstAt !== undefined ? e.at - firstAt : undefined,
    day: e.at !== undefined && (pm.meta.date || e.time?.date || pm.timelineDays.length) ? new Date(e.at * 60_000).toISOString().slice(0, 10) : undefined,
  }));
  const actions = pm.actions.map((a) => ({
    title: a.title || a.text,
    owner: a.owner,
    due: a.due,
    kind: a.kind,
    tracker: a.tracker,
    done: a.done,
    overdue: a.overdue,
    line: pm.lines.position(a.start).line,
  }));
  return {
    slug,
    file,
    title: pm.title ?? slug,
    date,
    year: date.slice(0, 4),
    meta: pm.meta,
    metrics: pm.metrics,
    summary: sectionText('summary'),
    rootCauseText: sectionText('root-cause'),
    intro: renderNodes(intro),
    sections,
    timeline,
    actions,
    warnings: findings.filter((f) => f.severity !== 'error').map((f) => formatFinding(file, f)),
  };
}

