import type { Config, FindingSeverity } from '../config';
import type { DecodeNote } from '../decode';
import type { Postmortem } from '../parse';

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

/** What a rule finds, with offsets into the postmortem's text. */
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

export interface RuleContext {
  pm: Postmortem;
  config: Config;
  /** YYYY-MM-DD. */
  today: string;
  /** How the file's bytes were read, when that is worth a word. */
  decodeNote?: DecodeNote;
}

/** A rule: one check of a postmortem. */
export interface Rule {
  id: string;
  description: string;
  severity: FindingSeverity;
  check(ctx: RuleContext): Problem[];
}
