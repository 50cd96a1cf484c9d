import { CONFIG_CHANGE, CODE_DEFECT, DEPLOY, MANUAL_OPERATION } from './lexicon-changes';
import { CAPACITY, CASCADING_FAILURE, HARDWARE, NETWORK } from './lexicon-resources';
import { DEPENDENCY, DATA, TIME, SECURITY } from './lexicon-outside';
import type { LexiconPhrase } from './lexicon-phrase';

/**
 * The root-cause lexicon: for each category id of the default taxonomy, the phrases that point to
 * it and how strongly (1 a hint, 3 close to decisive). Data only, kept in three files by
 * group (lexicon-changes, lexicon-resources, lexicon-outside); category-matchers.ts reads it.
 * A category configured in hindsight.json without an entry here is matched on the words of its
 * label and description instead.
 *
 * Each phrase is a regular expression source, matched case-insensitively at word boundaries
 * (`cs: true` matches case-sensitively, for acronyms such as UPS that are ordinary words in lower
 * case). Phrases are written by hand from how postmortems describe causes; the evaluation set in
 * test/fixtures/real-world/ measures them (bench/RESULTS.md).
 */

export type { LexiconPhrase } from './lexicon-phrase';

export const ROOT_CAUSE_LEXICON: Readonly<Record<string, readonly LexiconPhrase[]>> = {
  'config-change': CONFIG_CHANGE,
  'code-defect': CODE_DEFECT,
  deploy: DEPLOY,
  capacity: CAPACITY,
  'cascading-failure': CASCADING_FAILURE,
  dependency: DEPENDENCY,
  hardware: HARDWARE,
  network: NETWORK,
  data: DATA,
  time: TIME,
  security: SECURITY,
  'manual-operation': MANUAL_OPERATION,
};
