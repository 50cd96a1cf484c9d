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
  /** The fix to apply without asking when several are offered: it replaces a guess with what the writer almost certainly meant. */
  preferred?: boolean;
  /** Where the cursor goes after the fix, as offsets into the fixed text (a placeholder to overwrite). */
  select?: { start: number; end: number };
}

/** What a reader or a rule finds, with offsets into the postmortem's text. */
export interface Problem {
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /**
   * Fixes to choose from when no single value is a close match (one per allowed value). An editor
   * offers them as a list; `hindsight fix` and fix-all apply none of them.
   */
  choices?: Fix[];
  /**
   * An edit that inserts what the writer must still complete (an empty list to fill in), with
   * `select` where the cursor goes. It does not resolve the finding by itself, so fix-all and
   * `hindsight fix` do not apply it.
   */
  skeleton?: Fix;
  /** A reminder rather than a defect (a fresh template's prompt): reported as info where the rule's level is warning. */
  quiet?: boolean;
}

/** Why a text was not read, or read only in part, with a 1-based position. */
export interface Notice {
  message: string;
  line: number;
  column: number;
}
