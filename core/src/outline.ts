import { parseWhole, readByLines, type ParseOptions } from './parse';
import type { ActionItem } from './actions';
import type { Meta } from './frontmatter';
import { stripBom } from './decode';
import { LineIndex } from './text';

/** What the action-item view and related-postmortem lookups need of a file: front matter, title, action items. */
export interface ActionOutline {
  meta: Meta;
  title?: string;
  actions: ActionItem[];
  lines: LineIndex;
}

/**
 * Reads front matter, title and action items without parsing the whole document: the model read
 * by lines (readByLines) without its timeline, so only an Action Items section that is not a
 * simple list goes through the Markdown parser; the full parse when a line scan cannot be sure.
 * Ten times faster than a full parse on a typical postmortem; the equivalence tests hold it to the
 * same action items.
 */
export function parseActionOutline(input: string, options: ParseOptions = {}): ActionOutline {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  const pm = readByLines(text, lines, options, 'skip') ?? parseWhole(text, options, lines);
  return { meta: pm.meta, title: pm.title, actions: pm.actions, lines };
}
