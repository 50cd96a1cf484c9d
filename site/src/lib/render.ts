import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RootContent } from 'mdast';
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
  const hast = pipeline.runSync({ type: 'root', children: nodes }) as HastRoot;
  return toHtml(hast);
}
