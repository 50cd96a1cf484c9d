import type { Nodes, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Problem, Rule } from './types';

const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|\?\?\?/g;
/** Without word boundaries: any text PLACEHOLDER can match in a node holds one of these. */
const ANYWHERE = /TODO|TBD|FIXME|XXX|\?\?\?/;

/** Words a status cell holds beside TODO: with them in the same table, a TODO that stands alone is a state. */
const STATES =
  /^(?:to ?do|done|doing|in progress|wip|open|closed|complete|completed|blocked|started|not started)$/i;

/** A cell holding a ticket key and TODO: "PAY-1183 TODO", "[OPS-7] todo". */
const KEYED_TODO = /^\[?[A-Z][A-Z0-9]{1,9}-\d+\]?\s*[:–—-]?\s*to ?do$/iu;

/**
 * The text nodes of a table that say an item's state with TODO rather than leave a blank: a TODO
 * that is the whole of a cell or of an emphasis in it, in a table whose Status column it sits in,
 * or whose column says another state the same way in other rows ("**DONE**").
 */
function statusTodos(table: Table): Set<Nodes> {
  const alone: { node: Nodes; column: number }[] = [];
  const stateColumns = new Set<number>();
  const statusColumn = (table.children[0]?.children ?? []).findIndex((c) =>
    /^(?:status|state|progress)$/i.test(toString(c).trim()),
  );
  for (const row of table.children.slice(1)) {
    row.children.forEach((cell, column) => {
      // "PAY-1183 TODO": the state after the item's ticket, as "PAY-1181 **DONE**" in other rows.
      if (KEYED_TODO.test(toString(cell).trim())) {
        const text = cell.children.find((c) => c.type === 'text' && /TODO/i.test(c.value));
        if (text) alone.push({ node: text, column });
      }
      const wholes: Nodes[] = [
        cell,
        ...cell.children.filter((c) => c.type === 'strong' || c.type === 'emphasis'),
      ];
      for (const whole of wholes) {
        const value = toString(whole).trim();
        if (!STATES.test(value)) continue;
        if (/^to ?do$/i.test(value)) {
          const text =
            'children' in whole ? whole.children.find((c) => c.type === 'text') : undefined;
          if (text) alone.push({ node: text, column });
        } else stateColumns.add(column);
      }
    });
  }
  return new Set(
    alone.filter((a) => stateColumns.has(a.column) || a.column === statusColumn).map((a) => a.node),
  );
}

export const placeholderText: Rule = {
  id: 'placeholder-text',
  description: 'A published postmortem holds no TODO, TBD, FIXME, XXX or ??? placeholders.',
  severity: 'error',
  check({ pm }) {
    // One pass over the text settles the usual case, no placeholder at all, without visiting the tree.
    if (pm.meta.status !== 'published' || !ANYWHERE.test(pm.text)) return [];
    const problems: Problem[] = [];
    // "— Fraud team — TODO" ending an action item: its state, as "— DONE" is on the items beside it.
    const itemState = (at: number, length: number) =>
      pm.actions.some((a) => at >= a.start && at < a.end) &&
      /[–—-]\s*[*_]*$/u.test(pm.text.slice(Math.max(0, at - 6), at)) &&
      /^[*_]*\s*\.?\s*(?:\r?\n|$)/.test(pm.text.slice(at + length, at + length + 6));
    // "[TODO] Add a lint for plusYears(1)" opening an action item: its state tag, as "[DONE]" on others.
    const itemTag = (at: number) =>
      pm.actions.some(
        (a) =>
          at >= a.start &&
          at < a.end &&
          /^[ \t]*(?:[-*+]|\d{1,9}[.)])?[ \t]*\[\s*$/.test(pm.text.slice(a.start, at)),
      ) && /^\s*\]/.test(pm.text.slice(at + 4, at + 8));
    const scan = (value: string, offset: number) => {
      for (const m of value.matchAll(PLACEHOLDER)) {
        if (m[0] === 'TODO' && (itemState(offset + m.index, 4) || itemTag(offset + m.index)))
          continue;
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
    let states = new Set<Nodes>();
    const visit = (node: Nodes) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml') return;
      if (node.type === 'table' && ANYWHERE.test(toString(node))) states = statusTodos(node);
      if (states.has(node)) return;
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
