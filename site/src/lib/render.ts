import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// GitHub's sanitization schema: safe HTML in a postmortem survives, scripts, event handlers,
// iframes, and javascript:/data: URLs do not.
const schema = { ...defaultSchema, clobberPrefix: 'pm-' };

const pipeline = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize, schema).freeze();

/**
 * Renders Markdown nodes from the core's parse (never the raw text again) to sanitized HTML.
 */
export function renderNodes(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  // The core's tree does not tokenize bare URLs (it does not need them); link them here, on a copy.
  const root: Root = structuredClone({ type: 'root', children: nodes });
  for (const transform of gfmAutolinkLiteralFromMarkdown().transforms ?? []) transform(root);
  const hast = pipeline.runSync(root) as HastRoot;
  return toHtml(hast);
}
