/**
 * Reading a postmortem: text -> model. One meaning, several speeds.
 *
 * - `parseWhole` (read/whole.ts) parses the whole text as Markdown and defines what a text means.
 * - `readByLines` (read/by-lines.ts) reads most postmortems from a line scan, parsing only what it
 *   cannot read by lines, and `IncrementalParser` (read/incremental.ts) re-parses only what an edit
 *   touched. These fast readers may only decline (return undefined / parse the whole text), never
 *   differ: test/readers.test.ts compares every field of the model they build with parseWhole's.
 * - What the text means lives in builders every reader calls: buildSections (read/section-spans.ts)
 *   decides the sections, timelineEntry (timeline.ts) and listAction (actions.ts) build entries and
 *   items, assembleModel (read/model.ts) derives meta, title, placed times, overdue and metrics.
 *   A change of meaning goes into those builders; a change of speed into a reader.
 */
import { stripBom } from './decode';
import { readByLines } from './read/by-lines';
import type { ParseOptions, Postmortem } from './read/model';
import { parseWhole } from './read/whole';
import { LineIndex } from './text';

export type { Metrics, ParseOptions, Postmortem, Section } from './read/model';
export { readByLines, type TimelineReading } from './read/by-lines';
export { IncrementalParser } from './read/incremental';
export { parseWhole } from './read/whole';

/**
 * Parses the text of a postmortem into its model. Never throws on any input text.
 *
 * Most postmortems are read by lines (readByLines): their Markdown tree is parsed only when `tree`
 * or a section's `children` is first read, so linting a library costs little more than its YAML.
 */
export function parsePostmortem(input: string, options: ParseOptions = {}): Postmortem {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  return readByLines(text, lines, options) ?? parseWhole(text, options, lines);
}
