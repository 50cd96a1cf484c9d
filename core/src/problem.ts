/**
 * The positioned problems of the core, one name per idea:
 * - `Notice`: why a text was not read, or read only in part (an encoding, a refusal to parse, a
 *   block over the parse budget), at a 1-based line and column: known before the text is indexed.
 * - `Problem`: what a reader or a rule found, by offsets into the text, with a fix when one exists.
 * - `Finding` (lint.ts): a Problem that lint has named with its rule and severity, with a range.
 */

/** A replacement of the text between two offsets. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix a writer can apply with one action. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** What a reader or a rule finds, with offsets into the postmortem's text. */
export interface Problem {
  message: string;
  start: number;
  end: number;
  fix?: Fix;
}

/** Why a text was not read, or read only in part, with a 1-based position. */
export interface Notice {
  message: string;
  line: number;
  column: number;
}
