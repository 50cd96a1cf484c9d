import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { collectFiles, lintBatch, loadWorkspace, type Workspace } from '@hindsight/node';
import type {
  ActionKind,
  Finding,
  Meta,
  Metrics,
  Postmortem,
  SearchDocument,
} from '@hindsight/core';
// The core's modules, not its index (which also brings the importer's inference): Vite transforms
// every module the content loader reaches.
import { todayIso } from '@hindsight/core/dates';
import { incidentDate } from '@hindsight/core/library';
import { formatFinding } from '@hindsight/core/lint';
import { searchDocument } from '@hindsight/core/search/document';
import { pathSlug } from './derive';
import { withFastTree } from './fast-tree';
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
  /** The parsed time as an ISO date-time in UTC, when the time could be read. */
  at?: string | undefined;
  text: string;
  /** 1-based line of the entry in the source file. */
  line: number;
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
  /** The item says it will not be done ("Won't do", "Cancelled"): not open, never overdue. */
  cancelled: boolean;
  overdue: boolean;
  line: number;
  /** The source line of the item, as written. */
  source: string;
  /** For a done item: the date of the first commit in which it was marked done (from Git). */
  closedOn?: string | undefined;
}

/** A lint finding, as shown on the page of an incomplete postmortem. */
export interface SiteFinding {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
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
  /** Warnings the linter had, as `hindsight lint` prints them. */
  warnings: string[];
  /** True when the linter found errors: the page carries an "incomplete" badge and the findings. */
  incomplete: boolean;
  /** Every finding of the linter on this file. */
  findings: SiteFinding[];
  /** Date of the last commit that changed the file (YYYY-MM-DD), when the folder is in Git. */
  updated?: string | undefined;
  /** Path of the file inside its Git repository (for "Edit this postmortem"); `file` when not in Git. */
  repoPath: string;
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
  /** Whether to read last-updated dates from Git (default true). */
  git?: boolean | undefined;
}

/**
 * Reads, lints and renders the postmortem library. Files with errors are returned as rejected,
 * with the very lines `hindsight lint` prints for them.
 */
export async function loadLibrary(options: LoadOptions): Promise<Library> {
  const workspace = options.workspace ?? loadWorkspace(options.root);
  if (options.folder)
    workspace.config = {
      ...workspace.config,
      postmortems: path.resolve(options.root, options.folder),
    };
  const today = options.today ?? todayIso();
  const files = await collectFiles([], workspace, options.root);
  const folder = path.resolve(options.root, workspace.config.postmortems);
  const history: GitHistory =
    options.git === false ? { updated: new Map(), firstSeen: new Map() } : gitHistory(folder);
  const entries: SiteEntry[] = [];
  const rejected: Rejected[] = [];
  const slugs = new Set<string>();
  for (const file of files) {
    const rel = path.relative(options.root, file).split(path.sep).join('/');
    // The CLI's reader: regular files only, within the size limit, read at once (a file it refuses
    // is rejected with the finding `hindsight lint` prints).
    const result = (await lintBatch([file], { config: workspace.config, today }, true))[0]!;
    const errors = result.findings.filter((f) => f.severity === 'error');
    // A file that could not be read as text has nothing to publish; one with errors is published
    // with a badge unless the configuration says to skip it or to fail the build.
    if (!result.postmortem || (errors.length && workspace.config.site.onInvalid !== 'badge')) {
      rejected.push({ file: rel, messages: errors.map((f) => formatFinding(rel, f)) });
      continue;
    }
    const slug = uniqueSlug(path.relative(folder, file), slugs);
    // The nodes to render and index from the native parser where it reads the text as the core would.
    const pm = withFastTree(result.postmortem);
    const entry = {
      ...toSiteEntry(pm, slug, rel, result.findings),
      search: searchDocument(pm, slug, workspace.config),
    };
    const inFolder = path.relative(folder, file).split(path.sep).join('/');
    entry.updated = history.updated.get(inFolder);
    if (history.prefix !== undefined) entry.repoPath = `${history.prefix}${inFolder}`;
    for (const a of entry.actions) {
      if (a.done) a.closedOn = history.firstSeen.get(`${inFolder}\0${lineKey(a.source)}`);
    }
    entries.push(entry);
  }
  entries.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  return { workspace, entries, rejected, today };
}

/** What the Git history of the postmortems folder tells: when each file and each line last changed. */
export interface GitHistory {
  /** Folder-relative path -> date of the last commit changing the file (YYYY-MM-DD). */
  updated: Map<string, string>;
  /** `path\0normalized line` -> date of the first commit in which the line appeared. */
  firstSeen: Map<string, string>;
  /** Path of the folder inside its Git repository ("postmortems/"), when it is in one. */
  prefix?: string | undefined;
}

/** A Markdown line as compared across commits: list markers and spacing do not count. */
export function lineKey(line: string): string {
  return line
    .replace(/^[\s>]*(?:[-*+]|\d+[.)])?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads the history of a folder with one `git log` (one per file would cost a process per page):
 * the last-updated date of each file, and when each line first appeared (an action item's "done"
 * line appears when it was ticked). Empty when the folder is not in Git.
 */
export function gitHistory(folder: string): GitHistory {
  const history: GitHistory = { updated: new Map(), firstSeen: new Map() };
  const log = spawnSync(
    'git',
    [
      '-C',
      folder,
      'log',
      '--reverse',
      '--no-renames',
      '--relative',
      '-p',
      '-U0',
      '--no-color',
      '--format=%x01%cs',
      '--',
      '.',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  if (log.status !== 0 || !log.stdout) return history;
  const prefix = spawnSync('git', ['-C', folder, 'rev-parse', '--show-prefix'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (prefix.status === 0) history.prefix = prefix.stdout.trim();
  let date = '';
  let file: string | undefined;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('\u0001')) {
      date = line.slice(1).trim();
      file = undefined;
    } else if (line.startsWith('+++ ')) {
      file = line === '+++ /dev/null' ? undefined : line.slice(4).replace(/^b\//, '');
      if (file) history.updated.set(file, date);
    } else if (line.startsWith('diff --git ')) {
      file = undefined;
    } else if (file && line.startsWith('+')) {
      const key = `${file}\0${lineKey(line.slice(1))}`;
      if (!history.firstSeen.has(key)) history.firstSeen.set(key, date);
    }
  }
  return history;
}

function uniqueSlug(relative: string, taken: Set<string>): string {
  const base = pathSlug(relative.replace(/\.(md|markdown)$/i, ''), 'postmortem');
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  taken.add(slug);
  return slug;
}

/** Converts the core's model into page data. */
export function toSiteEntry(
  pm: Postmortem,
  slug: string,
  file: string,
  findings: Finding[] = [],
): SiteEntry {
  const date = incidentDate(pm) ?? '';
  const sectionText = (id: string) => {
    const s = pm.sections.find((x) => x.ids.includes(id));
    return s
      ? s.children
          .map((n) => toString(n))
          .join('\n')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  };
  const firstSection = pm.sections[0]?.start ?? pm.text.length;
  const intro = pm.tree.children.filter(
    (n) =>
      n.type !== 'yaml' &&
      !(n.type === 'heading' && n.depth === 1) &&
      (n.position?.start.offset ?? 0) < firstSection,
  );
  const sections: SiteSection[] = pm.sections.map((s) => {
    const kind = s.ids.includes('timeline')
      ? 'timeline'
      : s.ids.includes('action-items') && s.ids.length === 1
        ? 'actions'
        : 'text';
    const structured = (n: RootContent) =>
      n.type === 'list' || n.type === 'table' || (kind === 'timeline' && n.type === 'heading');
    const children = kind === 'text' ? s.children : s.children.filter((n) => !structured(n));
    return { id: s.ids[0], heading: s.heading, kind, html: renderNodes(children) };
  });
  const firstAt = pm.timeline.find((e) => e.at !== undefined)?.at;
  const timeline = pm.timeline.map((e) => ({
    // The time as the entry wrote it (its length is measured on the entry's text, not on the Markdown source).
    label: e.time?.text ?? '',
    at: e.at !== undefined ? new Date(e.at * 60_000).toISOString() : undefined,
    text: e.time
      ? e.text
          .slice(e.time.length)
          .replace(/^[\s*_`)\]:—–-]+/, '')
          .trim()
      : e.text,
    line: pm.lines.position(e.start).line,
    offset: e.at !== undefined && firstAt !== undefined ? e.at - firstAt : undefined,
    day:
      e.at !== undefined && (pm.meta.date || e.time?.date || pm.timelineDays.length)
        ? new Date(e.at * 60_000).toISOString().slice(0, 10)
        : undefined,
  }));
  const actions = pm.actions.map((a) => ({
    title: a.title || a.text,
    owner: a.owner,
    due: a.due,
    kind: a.kind,
    tracker: a.tracker,
    done: a.done,
    cancelled: a.cancelled === true,
    overdue: a.overdue,
    line: pm.lines.position(a.start).line,
    source: pm.text.slice(
      pm.lines.lineStart(pm.lines.position(a.start).line),
      pm.lines.lineEnd(pm.lines.position(a.start).line),
    ),
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
    incomplete: findings.some((f) => f.severity === 'error'),
    repoPath: file,
    findings: findings.map((f) => ({
      line: f.range.start.line,
      column: f.range.start.column,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  };
}
