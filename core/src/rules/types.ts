import type { Config, FindingSeverity } from '../config';
import type { Notice, Problem } from '../problem';
import type { Postmortem } from '../parse';

export type { Fix, Problem, TextEdit } from '../problem';

export interface RuleContext {
  pm: Postmortem;
  config: Config;
  /** YYYY-MM-DD. */
  today: string;
  /** How the file's bytes were read, when that is worth a word. */
  decodeNote?: Notice;
}

/** A rule: one check of a postmortem. */
export interface Rule {
  id: string;
  description: string;
  severity: FindingSeverity;
  check(ctx: RuleContext): Problem[];
}
