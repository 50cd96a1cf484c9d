import type { Element, ElementContent, Root as HastRoot } from 'hast';
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

const pipeline = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .freeze();
/** The same without rehype-raw, for nodes that hold no HTML: re-parsing a tree with no raw HTML in it changes nothing. */
const plainPipeline = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize, schema)
  .freeze();

/** What every GFM autolink literal holds: `www.`, `http://`, `https://`, or an e-mail address (`a@b.c`). */
const LINKABLE = /www\.|https?:\/\/|[\w+.-]@[\w-]+\.[\w-]/i;

/** Whether any text under the nodes holds HTML, or could hold an autolink literal. */
function scan(nodes: readonly RootContent[], found: { html: boolean; linkable: boolean }): void {
  for (const n of nodes) {
    if (n.type === 'html') found.html = true;
    else if (n.type === 'text' && !found.linkable && LINKABLE.test(n.value)) found.linkable = true;
    if ('children' in n) scan(n.children as RootContent[], found);
    if (found.html && found.linkable) return;
  }
}

/**
 * Renders Markdown nodes from the core's parse (never the raw text again) to sanitized HTML.
 */
export function renderNodes(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  const found = { html: false, linkable: false };
  scan(nodes, found);
  let root: Root = { type: 'root', children: nodes };
  // The core's tree does not tokenize bare URLs (it does not need them); link them here, on a copy.
  if (found.linkable) {
    root = structuredClone(root);
    for (const transform of gfmAutolinkLiteralFromMarkdown().transforms ?? []) transform(root);
  }
  const hast = (found.html ? pipeline : plainPipeline).runSync(root) as HastRoot;
  labelCheckboxes(hast);
  markUnlabelledImages(hast);
  return toHtml(hast);
}

/**
 * A task-list checkbox is named by its item's text ("Caches invalidated"), so a screen reader says
 * what is checked, not just "checkbox, checked".
 */
function labelCheckboxes(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'li') {
      const box = findCheckbox(child);
      if (box && box.properties.ariaLabel === undefined) {
        const name = textOf(child).replace(/\s+/g, ' ').trim().slice(0, 200);
        if (name) box.properties.ariaLabel = name;
      }
    }
    labelCheckboxes(child);
  }
}

function findCheckbox(li: Element): Element | undefined {
  for (const c of li.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'input' && c.properties.type === 'checkbox') return c;
    // A loose task list wraps the checkbox in the item's first paragraph.
    if (c.tagName === 'p')
      return c.children.find(
        (x): x is Element =>
          x.type === 'element' && x.tagName === 'input' && x.properties.type === 'checkbox',
      );
  }
  return undefined;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || node.tagName === 'ul' || node.tagName === 'ol') return '';
  return node.children.map(textOf).join('');
}

/**
 * An <img> written without alt text gets an empty one, so a screen reader skips it rather than
 * reading its address; what the image shows is only the author's to say.
 */
function markUnlabelledImages(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img' && child.properties.alt === undefined) child.properties.alt = '';
    markUnlabelledImages(child);
  }
}
