import type { Rule } from './types';

export const fileReadable: Rule = {
  id: 'file-readable',
  description: 'The file is UTF-8 Markdown that can be parsed: other encodings are read with a warning; binary files, files over 5 MB and lists or quotes nested over 100 levels deep are not parsed.',
  severity: 'warning',
  check({ pm, decodeNote }) {
    return [decodeNote, pm.refusal].filter((n) => n !== undefined).map((note) => {
      const start = pm.lines.lineStart(note.line) + note.column - 1;
      return { message: note.message, start, end: Math.min(start + 1, pm.text.length) };
    });
  },
};
