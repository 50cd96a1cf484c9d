import { fmt, type BudgetLimits } from './limits';

export const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Cells of a table line: its unescaped pipes, less the ones at its edges, plus one. */
export function countCells(s: string): number {
  const t = s.trim();
  let pipes = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '|') pipes++;
  }
  if (t.startsWith('|')) pipes--;
  if (t.endsWith('|') && !t.endsWith('\\|') && t.length > 1) pipes--;
  return pipes + 1;
}

export function tableMessage(line: number, limits: BudgetLimits): string {
  return `Table at line ${line} takes the document over ${fmt(limits.cells)} table cells; expected at most ${fmt(limits.cells)} in all, so it was not parsed as Markdown.`;
}

/**
 * The columns of a table whose header line is `header` and delimiter row `row` (a line matching
 * DELIMITER_ROW): a header that cannot start another block, with as many cells as the row.
 */
export function tableColumns(header: string, row: string): number | undefined {
  if (!row.includes('-')) return undefined;
  const columns = countCells(row);
  return /^[^ \t>#<`~\-*+=\d]/.test(header) && countCells(header) === columns ? columns : undefined;
}
