import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defaultConfig, type Config } from '../config';
import { readFrontMatter, type FrontMatterBlock } from '../frontmatter';
import type { Notice } from '../problem';
import { LineIndex } from '../text';
import { isComment } from './line-scan';
import { assembleModel, type ParseOptions, type Postmortem, type Section } from './model';
import { readActionNodes } from './action-section';
import { buildSections, type HeadingRef } from './section-spans';
import { labelledNodes } from './labels';
import { statusHeadingPosts, statusPostParagraphs, statusPostTimeline } from './status-posts';
import { joinTimelines, readTimelineNodes, type TimelineItemCache } from './timeline-section';
import { parseTree } from './tree';

/** The model from parsing the whole text (without a BOM) as Markdown first: the reference every other reader is held to. */
export function parseWhole(
  text: string,
  options: ParseOptions = {},
  lines = new LineIndex(text),
): Postmortem {
  const { tree, refusal } = parseTree(text);
  return modelFromTree(text, tree, refusal, options, lines);
}

/** A heading over reference material: "Appendix: rebuild runs", "Annex B". */
const APPENDIX = /\bappendi(?:x|ces)\b|\bannex\b/i;

/** The model of a text from its whole Markdown tree (fresh, or kept up to date by the incremental parser). */
export function modelFromTree(
  text: string,
  tree: Root,
  refusal: Notice | undefined,
  options: ParseOptions,
  lines: LineIndex,
  timelineItems?: TimelineItemCache,
): Postmortem {
  const config = options.config ?? defaultConfig;
  const { sections, h1 } = sectionsOfTree(tree, text, config);
  const timelineSections = sections.filter((s) => s.ids.includes('timeline'));
  const actionSections = sections.filter((s) => s.ids.includes('action-items'));
  // A document without the section's heading may still introduce it with a label line.
  const timelineNodes = timelineSections.length
    ? undefined
    : labelledNodes(
        tree.children,
        'timeline',
        config,
        sections.filter((s) => APPENDIX.test(s.heading)),
      );
  // Without an Action Items section or label, a "**Follow-up**" label's list is the action items,
  // as a Follow-up section is (see buildSections).
  const actionNodes = actionSections.length ? undefined : labelledOrFollowUp(tree.children, config);
  // Without either, a status page's update posts ("## Resolved" ... "Posted Nov 4, 2025 - 17:24 UTC"),
  // as sections or as paragraphs opened by the status in bold.
  const posts =
    timelineNodes && timelineNodes.length === 0
      ? (statusPostTimeline(sections) ??
        statusPostParagraphs(tree.children) ??
        statusHeadingPosts(tree.children))
      : undefined;
  return assembleModel(
    {
      text,
      lines,
      tree,
      frontMatter: frontMatterOfTree(tree, text, lines),
      h1,
      sections,
      timeline: posts
        ? posts
        : timelineNodes
          ? readTimelineNodes(timelineNodes, text)
          : joinTimelines(
              timelineSections.map((s) => readTimelineNodes(s.children, text, timelineItems)),
            ),
      actions: actionNodes
        ? readActionNodes(actionNodes, text)
        : actionSections.flatMap((s) => readActionNodes(s.children, text)),
      refusal,
    },
    options,
  );
}

/** The front matter of a tree whose first node is YAML at the very start. */
function frontMatterOfTree(
  tree: Root,
  text: string,
  lines: LineIndex,
): FrontMatterBlock | undefined {
  const first = tree.children[0];
  if (first?.type !== 'yaml' || first.position?.start.offset !== 0) return undefined;
  const end = first.position.end.offset ?? 0;
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  const contentStart = open ? open[0].length : 3;
  const closeLine = lines.position(end).line;
  const contentEnd = Math.max(contentStart, lines.lineStart(closeLine));
  return readFrontMatter(text.slice(contentStart, contentEnd), 0, end, contentStart);
}

/** The sections of a tree (see buildSections) with their nodes, and the first level-1 heading's text. */
export function sectionsOfTree(
  tree: Root,
  text: string,
  config: Config,
): { sections: Section[]; h1?: string } {
  const headings: HeadingRef[] = [];
  const nodeIndex: number[] = [];
  tree.children.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const start = node.position?.start.offset ?? 0;
    headings.push({
      depth: node.depth,
      text: toString(node).trim(),
      start,
      end: node.position?.end.offset ?? start,
    });
    nodeIndex.push(i);
  });
  const { spans, h1 } = buildSections(headings, text.length, config);
  const sections = spans.map(({ at, until, ...span }): Section => {
    const children = tree.children.slice(
      nodeIndex[at]! + 1,
      until < nodeIndex.length ? nodeIndex[until] : tree.children.length,
    );
    const hasContent = children.some(
      (n) => n.type !== 'heading' && !(n.type === 'html' && isComment(n.value)),
    );
    return { ...span, children, hasContent };
  });
  return { sections, h1: h1?.text };
}

/** The nodes an Action Items label heads, else those a Follow-up label heads. */
function labelledOrFollowUp(nodes: Root['children'], config: Config): Root['children'] {
  const labelled = labelledNodes(nodes, 'action-items', config);
  return labelled.length ? labelled : labelledNodes(nodes, 'follow-up', config);
}
