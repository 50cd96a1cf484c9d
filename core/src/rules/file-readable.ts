import { budgetInline } from '../guard';
import type { Rule } from './types';

export const fileReadable: Rule = {
  id: 'file-readable',
  description:
    'The file is UTF-8 Markdown that can be parsed: other encodings are read with a warning; binary files, files over 5 MB and lists or quotes nested over 100 levels deep are not parsed; a paragraph with over 500 inline markers, or tables beyond 10,000 cells, are shown as written and the rest is checked.',
  severity: 'warning',
  check({ pm, decodeNote }) {
    // Blocks over the parse budget: the same linear pass the parser ran (remembered for the last text).
    const blocks = pm.refusal ? [] : budgetInline(pm.text).refused;
    return [decodeNote, pm.refusal, ...blocks]
      .filter((n) => n !== undefined)
      .map((note) => {
        const start = pm.lines.lineStart(note.line) + note.column - 1;
        return { message: note.message, start, end: Math.min(start + 1, pm.text.length) };
      });
  },
};
