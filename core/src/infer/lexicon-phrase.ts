/** One phrase of the root-cause lexicon: a regular expression source and how strongly it points. */
export interface LexiconPhrase {
  re: string;
  weight: number;
  cs?: boolean;
}
