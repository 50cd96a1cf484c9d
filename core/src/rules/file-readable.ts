import type { Rule } from './types';

export const fileReadable: Rule = {
  id: 'file-readable',
  description: 'The file is UTF-8 text: other encodings are read with a warning; binary files and files over 5 MB are errors and are not parsed.',
  severity: 'warning',
  check({ pm, decodeNote }) {
    if (!decodeNote) return [];
    const start = pm.lines.lineStart(decodeNote.line) + decodeNote.column - 1;
    return [{ message: decodeNote.message, start, end: Math.min(start + 1, pm.text.length) }];
  },
};
