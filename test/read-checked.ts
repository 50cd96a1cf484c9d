import { expect } from 'vitest';
import { LineIndex, parsePostmortem, parseWhole, readByLines } from '@hindsight/core';
import { modelSnapshot } from './model-snapshot';

/**
 * The model of a text, after checking that the line reader, when it reads the text, agrees with
 * the whole parse (the oracle): the reading tests of other teams' formats hold both paths alike.
 */
export function readChecked(text: string, today: string) {
  const byLines = readByLines(text, new LineIndex(text), { today });
  if (byLines)
    expect(modelSnapshot(byLines, today)).toEqual(
      modelSnapshot(parseWhole(text, { today }), today),
    );
  return parsePostmortem(text, { today });
}
