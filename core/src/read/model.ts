import type { Root, RootContent } from 'mdast';
import { markOverdue, ownersInSentences, placeYearlessDues, type ActionItem } from '../actions';
import type { Config } from '../config';
import { parseDateTime, todayIso } from '../dates';
import { toMeta, type FrontMatterBlock, type Meta } from '../frontmatter';
import type { Notice } from '../problem';
import type { LineIndex } from '../text';
import { placeEntries, type TimelineDay, type TimelineEntry } from '../timeline';

/** A section of a postmortem: a heading Hindsight reads as one (level 2 in most documents). */
export interface Section {
  /** The heading text as written. */
  heading: string;
  /** Canonical section ids this heading stands for (empty for a section Hindsight does not know). */
  ids: string[];
  /** Offsets: heading start, heading end, section end (the next heading of the section's level or above, or the end). */
  start: number;
  headingEnd: number;
  end: number;
  /** The Markdown nodes under the heading (parsed when first read, for a postmortem read by lines). */
  children: RootContent[];
  /** Whether it holds more than sub-headings and template prompts (HTML comments). */
  hasContent: boolean;
}

/** Incident metrics from the front-matter times, in minutes. */
export interface Metrics {
  timeToDetect?: number;
  timeToMitigate?: number;
  duration?: number;
}

/** The typed model of one postmortem. */
export interface Postmortem {
  text: string;
  lines: LineIndex;
  /** The Markdown tree (parsed when first read, for a postmortem read by lines). */
  tree: Root;
  frontMatter?: FrontMatterBlock;
  meta: Meta;
  /** The front-matter title, else the first level-1 heading. */
  title?: string;
  sections: Section[];
  timeline: TimelineEntry[];
  /** Day headings inside the Timeline section. */
  timelineDays: TimelineDay[];
  actions: ActionItem[];
  metrics: Metrics;
  /** Set when the text was not parsed as Markdown (too large, nested too deep, or the parser failed). */
  refusal?: Notice;
}

export interface ParseOptions {
  config?: Config;
  /** YYYY-MM-DD against which action items are overdue; defaults to today in UTC. */
  today?: string;
}

/** What a reader found, before the meaning every reader shares is added (assembleModel). */
export interface ReadParts {
  text: string;
  lines: LineIndex;
  /** The tree, or a function that parses it when first asked for. */
  tree: Root | (() => Root);
  frontMatter?: FrontMatterBlock;
  /** The first level-1 heading's text. */
  h1?: string;
  sections: Section[];
  timeline: { entries: TimelineEntry[]; days: TimelineDay[] };
  actions: ActionItem[];
  refusal?: Notice;
}

/**
 * The model from what a reader found: the one place the front matter becomes `meta`, the title is
 * chosen, timeline entries are placed on a clock, items are marked overdue and metrics computed.
 * Every reader ends here, so they cannot disagree on any of it.
 */
export function assembleModel(parts: ReadParts, options: ParseOptions): Postmortem {
  const { text, lines, frontMatter, sections, actions, refusal } = parts;
  const meta = toMeta(frontMatter?.data);
  const title = meta.title?.trim() || parts.h1;
  const { entries, days } = parts.timeline;
  // A date written with a time ("2023-04-02 10:00:00 +0000", other tools' style) still dates the timeline.
  const writtenDate =
    typeof frontMatter?.data?.date === 'string'
      ? /^\d{4}-\d{2}-\d{2}/.exec(frontMatter.data.date)?.[0]
      : undefined;
  const incidentDate = meta.date ?? meta.started?.slice(0, 10) ?? writtenDate;
  placeEntries(entries, incidentDate, days);
  placeYearlessDues(actions, incidentDate);
  ownersInSentences(actions);
  markOverdue(actions, options.today ?? todayIso());
  const model = {
    text,
    lines,
    frontMatter,
    meta,
    title,
    sections,
    timeline: entries,
    timelineDays: days,
    actions,
    metrics: computeMetrics(meta),
    refusal,
  };
  const tree = parts.tree;
  if (typeof tree !== 'function') return { ...model, tree };
  return new LazyTreeModel(model, tree);
}

/**
 * A model whose tree is parsed when first read. The getter is the class's, one function for every
 * model: a getter written in each model's object literal (a closure over the parse, and so over
 * the text) kept every model a lint run made reachable until the next full collection, so the young
 * generation promoted them all and grew to 134 MB over 10,000 files (bench/README.md).
 */
class LazyTreeModel implements Postmortem {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatterBlock;
  meta: Meta;
  title?: string;
  sections: Section[];
  timeline: TimelineEntry[];
  timelineDays: TimelineDay[];
  actions: ActionItem[];
  metrics: Metrics;
  refusal?: Notice;
  #parse: (() => Root) | undefined;
  #tree: Root | undefined;
  constructor(model: Omit<Postmortem, 'tree'>, parse: () => Root) {
    this.text = model.text;
    this.lines = model.lines;
    this.frontMatter = model.frontMatter;
    this.meta = model.meta;
    this.title = model.title;
    this.sections = model.sections;
    this.timeline = model.timeline;
    this.timelineDays = model.timelineDays;
    this.actions = model.actions;
    this.metrics = model.metrics;
    this.refusal = model.refusal;
    this.#parse = parse;
  }
  get tree(): Root {
    if (this.#tree === undefined) {
      this.#tree = this.#parse!();
      this.#parse = undefined;
    }
    return this.#tree;
  }
}

function computeMetrics(meta: Meta): Metrics {
  const started = meta.started ? parseDateTime(meta.started) : undefined;
  const at = (v: string | undefined) => (v ? parseDateTime(v) : undefined);
  const minutes = (t: number | undefined) =>
    started !== undefined && t !== undefined && t >= started ? (t - started) / 60_000 : undefined;
  return {
    timeToDetect: minutes(at(meta.detected)),
    timeToMitigate: minutes(at(meta.mitigated)),
    duration: minutes(at(meta.resolved)),
  };
}
