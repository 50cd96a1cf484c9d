import { columnRole } from '../actions';
import type { ActionItem } from '../actions';
import type { Postmortem } from '../parse';
import { quote } from '../suggest';
import { firstLineOf, headingSpan } from './helpers';
import type { Fix, Rule } from './types';

const PLACEHOLDER = '@owner';

export const actionOwner: Rule = {
  id: 'action-owner',
  description:
    'Every action item names an owner (@name, or an Owner column); a list where none does is one finding.',
  severity: 'warning',
  check({ pm }) {
    // A cancelled item is nobody's to do.
    const items = pm.actions.filter((a) => !a.cancelled);
    const unowned = items.filter((a) => !a.owner);
    // A list where no item has an owner is one finding, not one per item: the team does not name owners there.
    const section = pm.sections.find((s) => s.ids.includes('action-items'));
    if (unowned.length > 1 && unowned.length === items.length && section) {
      const fixes = unowned.map((a) => ownerFix(pm, a));
      const first = fixes[0];
      const fix: Fix | undefined =
        first && fixes.every((f) => f !== undefined)
          ? {
              title: 'Add an owner placeholder (@owner) to each action item',
              edits: fixes.flatMap((f) => f!.edits),
              ...(first.select && { select: first.select }),
            }
          : undefined;
      return [
        {
          message: `None of the ${unowned.length} action items names an owner; expected an @name on each (or an Owner column).`,
          ...headingSpan(section),
          ...(fix && { fix }),
        },
      ];
    }
    return unowned.map((a) => {
      const fix = ownerFix(pm, a);
      return {
        message: `Action item ${quote(a.title || a.text, 40)} has no owner; expected an @name.`,
        ...firstLineOf(pm, a.start, a.end),
        ...(fix && { fix }),
      };
    });
  },
};

/**
 * Inserts an `@owner` placeholder, selected for the writer to overwrite: at the end of a list
 * item's first line, or into the empty Owner cell of a table row.
 */
function ownerFix(pm: Postmortem, a: ActionItem): Fix | undefined {
  const lines = pm.lines;
  const lineNo = lines.position(a.start).line;
  const lineStart = lines.lineStart(lineNo);
  const line = pm.text.slice(lineStart, lines.lineEnd(lineNo));
  let at: number | undefined;
  let text: string;
  if (a.source !== 'table') {
    at = lineStart + line.trimEnd().length;
    text = ` ${PLACEHOLDER}`;
  } else {
    // The header is the first row of the table above this one.
    let header = lineNo;
    while (
      header > 1 &&
      pm.text
        .slice(lines.lineStart(header - 1), lines.lineEnd(header - 1))
        .trimStart()
        .startsWith('|')
    )
      header--;
    const cells = (l: number) => splitRow(lines.lineText(l));
    const column = cells(header).findIndex((c) => columnRole(c.text.trim()) === 'owner');
    const cell = cells(lineNo)[column];
    if (column < 0 || !cell || cell.text.trim()) return undefined;
    at = lineStart + cell.start;
    const edit = { start: at, end: at + cell.text.length, text: ` ${PLACEHOLDER} ` };
    return {
      title: 'Add an owner placeholder (@owner)',
      edits: [edit],
      select: { start: at + 2, end: at + 1 + PLACEHOLDER.length },
    };
  }
  const offset = text.indexOf('@') + 1;
  return {
    title: 'Add an owner placeholder (@owner)',
    edits: [{ start: at, end: at, text }],
    select: { start: at + offset, end: at + offset + PLACEHOLDER.length - 1 },
  };
}

/** The cells of a table row, with their offsets in the line (between the pipes). */
function splitRow(line: string): { start: number; text: string }[] {
  const cells: { start: number; text: string }[] = [];
  let start = line.indexOf('|') + 1;
  for (let i = start; i <= line.length; i++) {
    if (i === line.length || (line[i] === '|' && line[i - 1] !== '\\')) {
      if (i === line.length && !line.slice(start).trim()) break;
      cells.push({ start, text: line.slice(start, i) });
      start = i + 1;
    }
  }
  return cells;
}
