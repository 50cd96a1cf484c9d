import type { Root, RootContent } from 'mdast';
import { markdownToMdast } from 'satteri';
import type { Postmortem, Section } from '@hindsight/core';

/**
 * What the native parser may read in place of the core's: text where it builds nodes that render
 * and index as the core's micromark tree does (test/site-fast-tree.test.ts holds the two to the
 * same page data and search documents over the fixtures, the repository's postmortems and a
 * generated library). It declines raw HTML and autolinks (`<`: the page stays on the path that
 * was tested with rehype-raw and the sanitizer), link reference definitions and footnotes (`]:`,
 * `[^`: they tie distant text together, and the core reads no footnotes), control characters,
 * U+FFFD (binary or mis-decoded text), and a first line of `+++` (TOML front matter: satteri takes
 * it as front matter, the core, which reads YAML only, as text).
 */
const declines = (text: string) =>
  text.startsWith('+++') ||
  text.includes('<') ||
  text.includes(']:') ||
  text.includes('[^') ||
  hasControl(text);

/**
 * Control characters (\p{Cc}) other than tab, line feed and carriage return, and U+FFFD: one
 * expression, which V8 runs over the whole text far faster than a loop over its code units.
 */
const CONTROL = /(?![\t\n\r])[\p{Cc}\ufffd]/u;

/** Whether a text holds a control character other than tab, line feed and carriage return, or U+FFFD. */
function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * The postmortem with its Markdown tree and section nodes from satteri (Astro's own Markdown
 * parser, native: about 20 times faster here than micromark, which the core parses with), when its
 * text is one both read alike and the core has not parsed the whole tree already; otherwise the
 * postmortem itself. The core's model (sections, timeline, action items, front matter) is kept;
 * only the nodes that the site renders and indexes come from the faster parse.
 */
export function withFastTree(pm: Postmortem): Postmortem {
  if (pm.refusal || declines(pm.text)) return pm;
  const own = Object.getOwnPropertyDescriptor(pm, 'tree');
  if (own && !own.get) return pm; // the whole parse ran: its tree is there already
  let tree: Root;
  try {
    tree = markdownToMdast(pm.text, {
      features: { gfm: { footnotes: false }, frontmatter: true },
    }) as unknown as Root;
  } catch {
    return pm; // the core's parse, which never throws, reads it instead
  }
  const start = (n: RootContent) => n.position?.start.offset ?? 0;
  // Each section's nodes are the top-level nodes after its heading up to its end, sub-headings
  // included, as the core's sectionsOfTree cuts them.
  const sections = pm.sections.map((s): Section => ({
    heading: s.heading,
    ids: s.ids,
    start: s.start,
    headingEnd: s.headingEnd,
    end: s.end,
    hasContent: s.hasContent,
    children: tree.children.filter((n) => start(n) >= s.headingEnd && start(n) < s.end),
  }));
  return Object.create(pm, {
    tree: { value: tree, enumerable: true },
    sections: { value: sections, enumerable: true },
  }) as Postmortem;
}
