/** A 1-based line and column with the 0-based character offset it stands for. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A span of the document, end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** Maps character offsets to lines and columns; works for LF, CRLF and lone CR line endings. */
export class LineIndex {
  private readonly starts: number[];

  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? lineStarts(text, 0, text.length, [0]);
  }

  /**
   * The index of `text`, made from the index of the text before one edit: `text` equals that
   * text with [from, to) replaced by `inserted` characters. Costs the edit's lines, not the text's.
   */
  edited(text: string, from: number, to: number, inserted: number): LineIndex {
    const delta = inserted - (to - from);
    // Lines are re-read from the start of the edit's line (a CRLF pair may have been split or
    // joined there) to the first line that starts after the edit.
    let first = this.position(from).line - 1;
    if (first > 0 && this.starts[first] === from) first--;
    const scanFrom = this.starts[first]!;
    let after = first + 1;
    while (after < this.starts.length && this.starts[after]! <= to + 1) after++;
    // The break before old line `after` lies wholly after the edit, so that line and all after it
    // start `delta` later; scanning up to its start finds it again.
    const scanTo = after < this.starts.length ? this.starts[after]! + delta : text.length;
    const starts = this.starts.slice(0, first + 1);
    lineStarts(text, scanFrom, scanTo, starts);
    for (let k = after + 1; k < this.starts.length; k++) starts.push(this.starts[k]! + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of an offset, clamped to the document. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length + 1;
    let end = Math.min(next, this.text.length);
    while (
      end > this.lineStart(line) &&
      (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')
    )
      end--;
    return end;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line ending the document mostly uses, so inserted text matches it. */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    return crlf >= 0 ? '\r\n' : '\n';
  }
}

/** Appends to `starts` the starts of the lines that begin after a line break in text[from, to). */
function lineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  // Without carriage returns, the native search for line feeds is several times faster.
  const cr = text.indexOf('\r', from);
  if (cr < 0 || cr >= to) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1))
      starts.push(i + 1);
    return starts;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** A text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
