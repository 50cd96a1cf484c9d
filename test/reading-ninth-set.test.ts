import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, readTokens } from '@hindsight/core';
import { inferFields } from '../core/src/infer/fields';
import { headingIds } from '../core/src/read/heading-meaning';
import { findingsOf } from './held-out';

// Forms found on the ninth held-out set (now development data), written here in other words.

describe('a timeline that runs through the night', () => {
  const doc = (lines: string[]) =>
    `---\ntitle: T\ndate: 2024-09-26\n---\n\n# T\n\n## Timeline\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;

  it('reads clock times hours earlier, going on forward, as the next day', () => {
    const text = doc([
      '08:10 upgrade starts',
      '11:20 upgrade marked done',
      '00:00 new indices',
      '02:30 lag alert',
      '09:05 setting reset',
    ]);
    expect(findingsOf(text, 'timeline-order')).toEqual([]);
    const at = parsePostmortem(text).timeline.map((e) => e.at!);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('still reports one entry placed among later ones', () => {
    const text = doc(['10:00 paged', '10:30 rollback', '09:15 first alert', '10:45 recovered']);
    expect(findingsOf(text, 'timeline-order')).toHaveLength(1);
  });
});

describe('owners and due dates', () => {
  it.each([
    ['Alert when a clock drifts (M. Ito)', 'M. Ito', undefined],
    [
      'Probe the GPU in the health check (Anouk) — within two sprints',
      'Anouk',
      'within two sprints',
    ],
    ['Add DST cases to the slot tests — Kevin, before March 9, 2025', 'Kevin', 'March 9, 2025'],
    ['Cap SDK retries. Updated SDKs will ship in February.', undefined, 'February'],
    ['Review timeouts with each partner. *Planned for December.*', undefined, 'December'],
  ])('%j', (text, owner, due) => {
    const t = readTokens(text);
    expect(t.owner).toBe(owner);
    expect(t.dueRaw).toBe(due);
  });

  it('reads the name among notes in brackets before a done mark', () => {
    expect(readTokens('Pre-approve burst capacity (Anouk, with finance) — done').owner).toBe(
      'Anouk',
    );
  });

  it('does not take a name-like word in brackets inside the sentence for an owner', () => {
    expect(
      readTokens('Rename pools with dates (general-2023q4) instead of numbers').owner,
    ).toBeUndefined();
  });
});

describe('sections and labels', () => {
  it('reads a write-up whose sections are level 4 under a level-3 line', () => {
    const text = `# Issue 12\n\n### Incident summary: runners stuck\n\n#### Summary\n\nRunners stuck.\n\n#### Impact\n\nCI idle.\n\n#### Root cause\n\nA key was deleted.\n\n#### Corrective actions\n\n- [ ] Guard key deletion @ana due:2025-03-01\n`;
    expect(parsePostmortem(text).sections.map((s) => s.ids[0])).toEqual([
      'summary',
      'impact',
      'root-cause',
      'action-items',
    ]);
  });

  it('reads the cloud question heading about making incidents less likely as the action items', () => {
    expect(
      headingIds(
        'How are we making incidents like this less likely or less impactful?',
        defaultConfig,
      ),
    ).toEqual(['action-items']);
  });

  it('maps a labelled line inside a numbered list', () => {
    const pm = parsePostmortem(
      '# Registry outage\n\n## Summary\n\n1. Service(s) affected: Container Registry, pull-through mirrors\n2. Duration: 40 minutes\n',
    );
    expect(inferFields(pm, { config: defaultConfig }).fields.services?.value).toEqual([
      'Container Registry',
      'pull-through mirrors',
    ]);
  });
});
