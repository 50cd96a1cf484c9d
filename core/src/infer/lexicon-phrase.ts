/** One phrase of the root-cause lexicon: a regular expression source and how strongly it points. */
export interface LexiconPhrase {
  re: string;
  weight: number;
  cs?: boolean;
  /** The phrase names running out of a resource (OOM-killed, CPU at 100%), which a defect can cause as well as load. */
  symptom?: boolean;
  /** The phrase names a defect that makes a resource run out (a leak, an infinite loop, catastrophic backtracking). */
  exhausts?: boolean;
}
