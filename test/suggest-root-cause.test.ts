import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_HIGH,
  defaultConfig,
  parseConfig,
  parsePostmortem,
  rootCauseHint,
  suggestRootCause,
  type Config,
} from '../core/src/index';

const DEV = fileURLToPath(new URL('./fixtures/real-world/', import.meta.url));

const suggestFor = (text: string, config: Config = defaultConfig) =>
  suggestRootCause(parsePostmortem(text, { config }), config);

describe('the root-cause suggester on the development set (test/fixtures/real-world)', () => {
  const expected: Record<string, { rootCause: string; acceptableRootCauses: string[] }> =
    JSON.parse(readFileSync(`${DEV}expected.json`, 'utf8'));
  const results = Object.entries(expected).map(([file, want]) => ({
    file,
    want,
    got: suggestFor(readFileSync(`${DEV}${file}`, 'utf8')),
  }));

  it('names the labelled category first for at least 75% of the postmortems', () => {
    const right = results.filter((r) => r.got.id === r.want.rootCause).length;
    expect(results.length).toBeGreaterThanOrEqual(30);
    expect(right / results.length).toBeGreaterThanOrEqual(0.75);
  });

  it('answers unknown for at most 15% of the postmortems whose cause is known', () => {
    const unknown = results.filter(
      (r) => r.got.id === 'unknown' && r.want.rootCause !== 'unknown',
    ).length;
    expect(unknown / results.length).toBeLessThanOrEqual(0.15);
  });

  it('is never confidently wrong', () => {
    const confidentWrong = results
      .filter((r) => r.got.level === 'high' && !r.want.acceptableRootCauses.includes(r.got.id))
      .map((r) => `${r.file}: ${r.got.id}`);
    expect(confidentWrong).toEqual([]);
  });
});

describe('the root-cause suggester on the library (postmortems/, labels from front matter)', () => {
  const LIBRARY = fileURLToPath(new URL('../postmortems/', import.meta.url));
  it('is never confidently wrong: a high-confidence answer is the root cause or a contributing one', () => {
    const wrong = readdirSync(LIBRARY)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => ({ f, pm: parsePostmortem(readFileSync(`${LIBRARY}${f}`, 'utf8')) }))
      .filter(({ pm }) => pm.meta.root_cause)
      .map(({ f, pm }) => ({ f, pm, got: suggestRootCause(pm, defaultConfig) }))
      .filter(
        ({ pm, got }) =>
          got.level === 'high' &&
          got.id !== pm.meta.root_cause &&
          !pm.meta.contributing.includes(got.id),
      )
      .map(({ f, got }) => `${f}: ${got.id}`);
    expect(wrong).toEqual([]);
  });
});

describe('the root-cause suggester', () => {
  it('names the category with the phrases and lines that support it', () => {
    const s = suggestFor(
      '# Search outage\n\n## Summary\n\nSearch failed for an hour.\n\n## Root Cause\n\nThe data nodes ran out of disk after the log volume filled up.\nPods were OOMKilled as the heap grew.\n',
    );
    expect(s.id).toBe('capacity');
    expect(s.explanation).toMatch(/^capacity: '.+' line \d+/);
    const lines = s.ranking[0]!.evidence.map((e) => `${e.phrase}@${e.line}`);
    expect(lines).toContain('ran out of disk@9');
    expect(lines).toContain('OOMKilled@10');
  });

  it('counts what the root-cause section says above what the timeline mentions', () => {
    const text = [
      '# Checkout errors',
      '## Timeline',
      '- 10:00 DNS looked slow; network team paged',
      '- 10:05 DNS resolvers checked',
      '## Root Cause',
      'A configuration change lowered the connection limit; the setting was changed by a config push.',
    ].join('\n');
    expect(suggestFor(text).id).toBe('config-change');
  });

  it('does not count a cause the text rules out or denies', () => {
    const text = [
      '# Login failures',
      '## Root Cause',
      'This was not a DNS problem, and the network was ruled out early.',
      'A race condition in the session code let two requests refresh the same token; the bug was latent for months.',
    ].join('\n');
    const s = suggestFor(text);
    expect(s.id).toBe('code-defect');
    expect(s.ranking.find((r) => r.id === 'network')).toBeUndefined();
  });

  it('does not call resource exhaustion capacity with confidence when a defect caused it', () => {
    const leak = suggestFor(
      [
        '# Image workers restarting',
        '## What happened',
        'The new resize step freed only the first frame of each animated image, so every such upload leaked native memory.',
        'Workers hit their memory limit, were OOM-killed, restarted and filled up again; CPU at 100% on half the pods.',
      ].join('\n'),
    );
    expect(leak.ranking[0]!.id).toBe('code-defect');
    expect(leak.id === 'capacity' && leak.level === 'high').toBe(false);
    const regex = suggestFor(
      [
        '# Validation pods pinned',
        '## Why',
        'A pattern added to the validator backtracks exponentially on long inputs that almost match.',
        'A few dozen such requests exhausted every worker thread and kept the CPU at 100%.',
      ].join('\n'),
    );
    expect(regex.ranking[0]!.id).toBe('code-defect');
    expect(regex.id === 'capacity' && regex.level === 'high').toBe(false);
    const cache = suggestFor(
      [
        '# Indexer restarts',
        '## Five whys',
        '1. Why did the indexer restart? It ran out of memory.',
        '2. Why? A per-tenant cache was never evicted and grew without bound.',
      ].join('\n'),
    );
    expect(cache.ranking[0]!.id).toBe('code-defect');
    expect(cache.id === 'capacity' && cache.level === 'high').toBe(false);
    // Without a defect to explain it, running out is still capacity.
    const load = suggestFor(
      [
        '# Workers restarting',
        '## What happened',
        'The launch-day traffic spike was three times the usual load; workers were OOM-killed and the CPU sat at 100%.',
      ].join('\n'),
    );
    expect(load.id).toBe('capacity');
  });

  it('answers unknown when the root-cause section opens with "Unknown."', () => {
    const s = suggestFor(
      [
        '# Periodic latency spikes (cause not found)',
        '## Root cause',
        'Unknown. The spikes stopped after a deploy whose diff held only a logging library bump.',
      ].join('\n'),
    );
    expect(s.id).toBe('unknown');
    expect(s.explanation).toMatch(/not known yet/);
  });

  it('does not take what a title says suffered for the cause ("X throttled by Y")', () => {
    const s = suggestFor(
      [
        '# Partner API throttled by a mistyped rate limit',
        '## Overview',
        "A change to the gateway's rate-limit configuration set the limit to 12 per second.",
      ].join('\n'),
    );
    expect(s.ranking[0]!.id).toBe('config-change');
    expect(s.id === 'dependency').toBe(false);
  });

  it('answers unknown when the evidence is weak', () => {
    const s = suggestFor('# Slow pages\n\n## Summary\n\nPages were slow for a while on Tuesday.\n');
    expect(s.id).toBe('unknown');
    expect(s.level).toBe('low');
  });

  it('answers unknown when the document says the cause is not known yet, with a best guess', () => {
    const s = suggestFor(
      '# Login issues\n\n## Root cause\n\nWe have not yet determined the root cause. Our identity provider reported no problem on their side.\n',
    );
    expect(s.id).toBe('unknown');
    expect(s.explanation).toMatch(/not known yet \(line 5\); best guess dependency/);
  });

  it('matches a configured category without lexicon entries on its label and description', () => {
    const result = parseConfig(
      JSON.stringify({
        categories: [
          {
            id: 'quota',
            label: 'Cloud quota',
            description: 'A cloud account quota or service limit was reached.',
          },
          { id: 'other', label: 'Other' },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const s = suggestFor(
      '# Builds stuck\n\n## Root cause\n\nThe cloud quota for build machines was reached; the account quota had not been raised for the new team.\n',
      result.config,
    );
    expect(s.id).toBe('quota');
    expect(s.ranking[0]!.evidence[0]!.phrase.toLowerCase()).toContain('quota');
  });

  it('gives a confidence between 0 and 1, high only with clear evidence', () => {
    const clear = suggestFor(
      '# Cert\n\n## Root Cause\n\nThe TLS certificate expired; its renewal job had failed silently, so the certificate expiry went unnoticed.\n',
    );
    expect(clear.id).toBe('time');
    expect(clear.confidence).toBeGreaterThanOrEqual(CONFIDENCE_HIGH);
    expect(clear.confidence).toBeLessThanOrEqual(1);
  });
});

describe('the root-cause hint for the editor', () => {
  const doc = (rootCause: string) =>
    `---\ntitle: Disk full\ndate: 2024-01-02\nroot_cause: ${rootCause}\n---\n\n# Disk full\n\n## Root Cause\n\nThe log volume ran out of disk space and filled up; the volume had no headroom.\n`;

  it('shows the suggestion with its evidence and offers to set it', () => {
    const text = doc('unknown');
    const hint = rootCauseHint(parsePostmortem(text), defaultConfig)!;
    expect(hint.message).toMatch(/^Suggested: capacity — 'ran out of disk' line 11/);
    expect(text.slice(hint.start, hint.end)).toBe('unknown');
    const edit = hint.fix!.edits[0]!;
    expect(text.slice(0, edit.start) + edit.text + text.slice(edit.end)).toContain(
      'root_cause: capacity\n',
    );
  });

  it('offers no fix when root_cause already names the suggestion', () => {
    const hint = rootCauseHint(parsePostmortem(doc('capacity')), defaultConfig)!;
    expect(hint.message).toMatch(/^Suggested: capacity/);
    expect(hint.fix).toBeUndefined();
  });

  it('fills an empty root_cause after its colon', () => {
    const text = doc('');
    const hint = rootCauseHint(parsePostmortem(text), defaultConfig)!;
    const edit = hint.fix!.edits[0]!;
    expect(text.slice(0, edit.start) + edit.text + text.slice(edit.end)).toContain(
      'root_cause: capacity\n',
    );
  });
});
