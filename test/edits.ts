import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * How many runs a property test makes: `runs` (sized for a busy 2-core CI machine), or
 * HINDSIGHT_PROPERTY_RUNS to run more by hand.
 */
export function propertyRuns(runs: number): number {
  return Number(process.env.HINDSIGHT_PROPERTY_RUNS ?? runs);
}

/** A random edit of a text: `cut` characters removed and `insert` put at `at` (taken modulo the length). */
export interface Edit {
  at: number;
  cut: number;
  insert: string;
}

/** Applies one edit. */
export function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.cut);
}

/** Applies edits in turn. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce(applyEdit, text);
}

/** The Markdown files of folders under test/ (paths relative to it), read as latin1 so every byte survives. */
export function readMarkdown(
  dirs: readonly string[],
  skip: (name: string) => boolean = () => false,
): string[] {
  return dirs.flatMap((d) => {
    const dir = fileURLToPath(new URL(d, import.meta.url));
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md') && !skip(f))
      .map((f) => readFileSync(dir + f, 'latin1'));
  });
}
