import type { Config } from '../config';
import type { Postmortem } from '../parse';
import type { LabelledLine } from './labels';

/** A front-matter value inferred from a document, with where it came from and how sure it is. */
export interface InferredField<T = string | string[]> {
  value: T;
  /** Where: "front matter line 3", "file name", "line 12", "default". */
  from: string;
  /** 0 to 1: 1 is read as written, below 0.8 a person should check it. */
  confidence: number;
  /** 1-based line it came from, when it came from the document. */
  line?: number;
}

/** The Hindsight fields inferred for a document. */
export interface InferredFields {
  title?: InferredField<string>;
  date?: InferredField<string>;
  started?: InferredField<string>;
  status?: InferredField<string>;
  severity?: InferredField<string>;
  services?: InferredField<string[]>;
  authors?: InferredField<string[]>;
  tags?: InferredField<string[]>;
}

/** Something a person must still check, found while inferring. */
export interface InferenceNote {
  field?: string;
  message: string;
  line?: number;
}

export interface FieldInferenceOptions {
  config: Config;
  /** The file's name (without folders), a source of title and date. */
  fileName?: string;
}

/** What each field reader is given: the document, its labelled lines and first H1, the notes to add to. */
export interface FieldContext {
  pm: Postmortem;
  config: Config;
  fileName: string;
  /** The first labelled line whose (lower-case) label matches (and that `keep` accepts). */
  label: (re: RegExp, keep?: (line: LabelledLine) => boolean) => LabelledLine | undefined;
  h1: { text: string; line: number } | undefined;
  notes: InferenceNote[];
}
