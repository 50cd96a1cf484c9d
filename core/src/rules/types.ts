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
}

/** What a rule finds, with offsets into the postmortem's text. */
export interface Problem {
  message: string;
  start: number;
  end: number;
  fix?: Fix;
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
