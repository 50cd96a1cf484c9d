import type { Config } from '../config';
import { locateField } from '../frontmatter';
import type { Postmortem } from '../parse';
import type { Fix, TextEdit } from '../rules/types';
import { suggestRootCause, type RootCauseSuggestion } from './suggest-root-cause';

/** What the editor shows on a postmortem's `root_cause`: a hover text and, when useful, a quick fix. */
export interface RootCauseHint {
  /** Offsets of what the hover covers: the `root_cause` value, or its key when it has none. */
  start: number;
  end: number;
  /** "Suggested: capacity — 'ran out of disk' line 40, 'OOMKilled' line 52 (confidence 0.82)". */
  message: string;
  suggestion: RootCauseSuggestion;
  /** Sets `root_cause` to the suggestion; absent when it already says so or the evidence is weak. */
  fix?: Fix;
}

/**
 * The root-cause hint for the editor: the suggester's answer for the document with its evidence,
 * placed on the `root_cause` field of the front matter. Undefined when the document has no
 * `root_cause` field (the required-field rule offers to add one). Pure; the extension converts
 * the offsets and the edit to its own types.
 */
export function rootCauseHint(pm: Postmortem, config: Config): RootCauseHint | undefined {
  const block = pm.frontMatter;
  if (!block?.data) return undefined;
  const loc = locateField(block, 'root_cause');
  if (!loc) return undefined;
  const suggestion = suggestRootCause(pm, config);
  const best = suggestion.ranking[0];
  const current = pm.meta.root_cause?.trim();
  let message: string;
  if (suggestion.id === 'unknown') {
    message = best
      ? `No confident suggestion: ${suggestion.explanation}.`
      : 'No suggestion: no phrase of any category was found in the text.';
  } else {
    const evidence = best!.evidence
      .slice(0, 3)
      .map((e) => `'${e.phrase.replace(/\s+/g, ' ')}' line ${e.line}`)
      .join(', ');
    message = `Suggested: ${suggestion.id} — ${evidence} (confidence ${suggestion.confidence.toFixed(2)}).`;
    const runnerUp = suggestion.ranking[1];
    if (runnerUp) message += ` Next: ${runnerUp.id}.`;
  }
  const hasValue = loc.valueStart !== loc.keyStart;
  const fix =
    suggestion.id !== 'unknown' && suggestion.id !== current
      ? {
          title: `Set root_cause to '${suggestion.id}' (suggested from the text)`,
          edits: [
            hasValue
              ? { start: loc.valueStart, end: loc.valueEnd, text: suggestion.id }
              : afterColon(pm.text, loc.keyEnd, suggestion.id),
          ],
        }
      : undefined;
  return {
    start: hasValue ? loc.valueStart : loc.keyStart,
    end: hasValue ? loc.valueEnd : loc.keyEnd,
    message,
    suggestion,
    fix,
  };
}

/** `root_cause:` with no value: the id goes after the colon. */
function afterColon(text: string, keyEnd: number, id: string): TextEdit {
  const colon = text.indexOf(':', keyEnd);
  const at = colon < 0 ? keyEnd : colon + 1;
  return { start: at, end: at, text: colon < 0 ? `: ${id}` : ` ${id}` };
}
