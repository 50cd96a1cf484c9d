import type { Nodes } from 'mdast';
import type { Problem, Rule } from './types';

const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|\?\?\?/g;
/** Without word boundaries: any text PLACEHOLDER can match in a node holds one of these. */
const ANYWHERE = /TODO|TBD|FIXME|XXX|\?\?\?/;

export const placeholderText: Rule = {
  id: 'placeholder-text',
  description: 'A published postmortem holds no TODO, TBD, FIXME, XXX or ??? placeholders.',
  severity: 'error',
  check({ pm }) {
    // One pass over the text settles the usual case, no placeholder at all, without visiting the tree.
    if (pm.meta.status !== 'published' || !ANYWHERE.test(pm.text)) return [];
    const problems: Problem[] = [];
    const scan = (value: string, offset: number) => {
      for (const m of value.matchAll(PLACEHOLDER)) {
        problems.push({
          message: `Published postmortem still holds the placeholder '${m[0]}'; expected it filled in, or status draft.`,
          start: offset + m.index,
          end: offset + m.index + m[0].length,
        });
      }
    };
    if (pm.frontMatter)
      scan(
        pm.text.slice(pm.frontMatter.contentStart, pm.frontMatter.contentEnd),
        pm.frontMatter.contentStart,
      );
    // Scan the source of text-bearing nodes so offsets stay exact; code is left alone.
    const visit = (node: Nodes) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml') return;
      if ((node.type === 'text' || node.type === 'html') && node.position) {
        const start = node.position.start.offset ?? 0;
        scan(pm.text.slice(start, node.position.end.offset ?? start), start);
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(pm.tree);
    return problems;
  },
};
