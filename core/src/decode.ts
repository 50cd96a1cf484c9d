/** The outcome of turning a file's bytes into text. */
export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';
      note?: Notice;
    }
  | { ok: false; note: Notice };

import type { Notice } from './problem';

/** Files above this size are not parsed: they are not postmortems and would stall the editor. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** One decoder for every file: without `stream`, each decode() starts afresh. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file's bytes: strips a UTF-8 BOM, honours UTF-16 BOMs, rejects binary and oversized
 * files, and reads invalid UTF-8 as Latin-1 with a note saying where the first bad byte is.
 */
export function decode(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): Decoded {
  if (bytes.length > maxBytes) return { ok: false, note: tooLargeNote(bytes.length, maxBytes) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      ok: true,
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      ok: true,
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
    };

  const head = bytes.subarray(0, 8192);
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const { line, column } = bytePosition(bytes, nul);
    return {
      ok: false,
      note: {
        message: `File looks binary (a NUL byte at line ${line}); expected a Markdown text file.`,
        line,
        column,
      },
    };
  }
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string | undefined;
  try {
    text = UTF8.decode(body);
  } catch {
    text = undefined;
  }
  // The control characters are counted byte by byte only when the text may hold one: a control
  // byte is the same character in UTF-8, and a regular expression finds one much faster.
  if (text === undefined || CONTROL.test(text)) {
    const binary = controlNote(head);
    if (binary) return { ok: false, note: binary };
  }
  if (text !== undefined) return { ok: true, text, encoding: 'utf-8' };
  const bad = firstInvalidUtf8(body);
  const { line, column } = bytePosition(body, bad);
  return {
    ok: true,
    text: new TextDecoder('latin1').decode(body),
    encoding: 'latin1',
    note: {
      message: `File is not valid UTF-8 (byte 0x${body[bad]!.toString(16).padStart(2, '0')} at line ${line}); it was read as Latin-1, expected UTF-8.`,
      line,
      column,
    },
  };
}

/** Control characters other than tab, line breaks, form feed and escape. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/** Why the first bytes of a file look binary: text has almost no control characters besides tab, line breaks, form feed and escape. */
function controlNote(head: Uint8Array): Notice | undefined {
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  if (head.length > 0 && control / head.length > 0.05) {
    return {
      message: `File looks binary (${Math.round((control / head.length) * 100)}% control characters); expected a Markdown text file.`,
      line: 1,
      column: 1,
    };
  }
  return undefined;
}

/** The note for a file of `size` bytes, over the limit: said before reading it when its size is known. */
export function tooLargeNote(size: number, maxBytes = MAX_FILE_BYTES): Notice {
  return {
    message: `File is ${formatSize(size)}; expected a postmortem under ${formatSize(maxBytes)}, so it was not read.`,
    line: 1,
    column: 1,
  };
}

/** Removes a leading BOM that an editor or another tool left in a string. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function bytePosition(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return Math.min(i, bytes.length - 1);
}
