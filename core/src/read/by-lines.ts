import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defaultConfig, type Config } from '../config';
import { readFrontMatter } from '../frontmatter';
import { budgetInline, checkParsable } from '../guard';
import type { LineIndex } from '../text';
import { readActionLines, readActionNodes } from './action-section';
import { isPlainInline, scanBlocks, type ScannedHeading } from './line-scan';
import { assembleModel, type ParseOptions, type Postmortem, type Section } from './model';
import { buildSections, type SectionSpan } from './section-spans';
import { hasLabelLine, hasTimedItemLine } from './labels';
import { hasBoldStatusLines, hasStatusTimeHeadings, isStatusHeading } from './status-posts';
import { joinTimelines, readTimelineLines, readTimelineNodes } from './timeline-section';
import { parseTree, shiftPositions } from './tree';
import { sectionsOfTree } from './whole';

/** Whether readByLines reads the Timeline section (the action-item outline does not need it). */
export type TimelineReading = 'read' | 'skip';

/**
 * The model read from a line scan (scanBlocks) instead of the Markdown tree: headings, sections and
 * front matter by lines, Timeline and Action Items by lines when they are simple lists and by
 * parsing that section alone otherwise; the tree is parsed when first asked for. Undefined when a
 * line scan cannot be sure of the structure: it may only decline, never differ from parseWhole.
 */
export function readByLines(
  text: string,
  lines: LineIndex,
  options: ParseOptions,
  timeline: TimelineReading = 'read',
): Postmortem | undefined {
  // A link reference definition anywhere changes how text everywhere reads; so does a refusal.
  // So does a block over the parse budget, which the whole parse shows as written.
  if (text.includes(']:') || checkParsable(text) || budgetInline(text).refused.length > 0)
    return undefined;
  // Wiki headings and pipe rows without a delimiter row are read from the tree (see readWikiBlocks).
  if (/^(?:h[1-6]\.[ \t]|\|\|)/m.test(text)) return undefined;
  const scan = scanBlocks(text, lines);
  if (!scan) return undefined;
  const config = options.config ?? defaultConfig;
  const fm = scan.frontMatter;

  let tree: Root | undefined;
  const fullTree = () => (tree ??= parseTree(text).tree);
  const headings = scan.headings.map((h) => ({
    depth: h.depth,
    text: headingText(text, h),
    start: h.start,
    end: h.end,
  }));
  const { spans, h1 } = buildSections(headings, text.length, config);
  const treeOf: TreeSections = { text, config, tree: fullTree };
  const sections = spans.map((span, index): Section => {
    // The heading's own content, or a sub-heading's: a template's empty section holds only prompts.
    let hasContent = false;
    for (let i = span.at; i < span.until && !hasContent; i++)
      hasContent = scan.headings[i]!.contentAfter;
    return new LineSection(span, hasContent, treeOf, index);
  });

  const timelineSections =
    timeline === 'read' ? sections.filter((s) => s.ids.includes('timeline')) : [];
  const actionSections = sections.filter((s) => s.ids.includes('action-items'));
  // Label lines standing in for a missing heading are read from the whole tree only.
  if (
    timeline === 'read' &&
    !timelineSections.length &&
    (hasLabelLine(text, 'timeline', config) ||
      hasTimedItemLine(text) ||
      sections.filter((s) => isStatusHeading(s.heading)).length >= 2 ||
      hasBoldStatusLines(text) ||
      hasStatusTimeHeadings(text))
  )
    return undefined;
  if (
    !actionSections.length &&
    (hasLabelLine(text, 'action-items', config) || hasLabelLine(text, 'follow-up', config))
  )
    return undefined;
  const readActions = (s: Section) =>
    readActionLines(text, s.start, s.end) ?? readActionNodes(parseSection(text, lines, s), text);
  return assembleModel(
    {
      text,
      lines,
      tree: fullTree,
      frontMatter:
        fm &&
        readFrontMatter(text.slice(fm.contentStart, fm.contentEnd), 0, fm.end, fm.contentStart),
      h1: h1?.text,
      sections,
      timeline: joinTimelines(
        timelineSections.map(
          (s) =>
            readTimelineLines(text, s.start, s.end) ??
            readTimelineNodes(parseSection(text, lines, s), text),
        ),
      ),
      actions:
        actionSections.length === 1
          ? readActions(actionSections[0]!)
          : actionSections.flatMap(readActions),
    },
    options,
  );
}

/** What a section read by lines needs to find its nodes in the whole tree, once asked for. */
interface TreeSections {
  text: string;
  config: Config;
  tree: () => Root;
  sections?: Section[];
}

/**
 * A section found by the line scan. Its nodes come from the whole tree, parsed when a reader first
 * asks for them (most lint runs never do); a class keeps the many sections of a library cheap to make.
 */
class LineSection implements Section {
  readonly heading: string;
  ids: string[];
  readonly start: number;
  readonly headingEnd: number;
  readonly end: number;
  readonly hasContent: boolean;
  readonly #whole: TreeSections;
  readonly #index: number;
  constructor(span: SectionSpan, hasContent: boolean, whole: TreeSections, index: number) {
    this.heading = span.heading;
    this.ids = span.ids;
    this.start = span.start;
    this.headingEnd = span.headingEnd;
    this.end = span.end;
    this.hasContent = hasContent;
    this.#whole = whole;
    this.#index = index;
  }
  get children(): RootContent[] {
    const w = this.#whole;
    w.sections ??= sectionsOfTree(w.tree(), w.text, w.config).sections;
    return w.sections[this.#index]?.children ?? [];
  }
}

/** A heading's text as the parser reads it: as written when plain, else from parsing its line alone. */
function headingText(text: string, h: ScannedHeading): string {
  if (isPlainInline(h.raw)) return h.raw;
  const node = parseTree(text.slice(h.start, h.end)).tree.children[0];
  return node ? toString(node).trim() : h.raw;
}

/** The nodes under a section's heading, from parsing the section's text alone, at their places in the document. */
function parseSection(text: string, lines: LineIndex, section: Section): RootContent[] {
  const nodes = parseTree(text.slice(section.start, section.end)).tree.children.slice(1);
  shiftPositions(nodes, section.start, lines.position(section.start).line - 1);
  return nodes;
}
