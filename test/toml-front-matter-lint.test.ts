import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFix, lintText } from '@hindsight/core';

const TODAY = '2026-11-24';
const file = new URL('./fixtures/rules/front-matter-missing/bad-toml.md', import.meta.url);

describe('a Hugo postmortem with TOML front matter, linted before import', () => {
  const text = readFileSync(file, 'utf8');
  const finding = lintText(text, { today: TODAY }).findings.find(
    (f) => f.rule === 'front-matter-missing',
  )!;

  it('says the front matter is TOML, not that it is missing', () => {
    expect(finding.message).toMatch(/^Front matter is TOML \(between '\+\+\+' lines\)/);
    expect(finding.range.start.line).toBe(1);
  });

  it('fixes it into YAML with the same keys and values, the body unchanged', () => {
    const fixed = applyFix(text, finding.fix!);
    const body = text.slice(text.indexOf('+++', 3) + 4);
    expect(fixed.endsWith(body)).toBe(true);
    expect(fixed.slice(0, fixed.length - body.length)).toBe(
      [
        '---',
        'title: Checkout errors after the cache resize',
        'date: 2025-06-03',
        'draft: false',
        'tags:',
        '  - cache',
        '  - checkout',
        '---',
        '',
      ].join('\n'),
    );
    const after = lintText(fixed, { today: TODAY }).findings;
    expect(after.some((f) => f.rule === 'front-matter-missing')).toBe(false);
    // The title is now read from the front matter, and the missing fields are named one by one.
    expect(after.filter((f) => f.rule === 'required-field').map((f) => f.message)).toContain(
      "Field 'severity' is missing from the front matter; expected it with a severity level.",
    );
  });

  it('reports an unclosed TOML block with its position instead', () => {
    const broken = '+++\ntitle = "x"\n\n# x\n';
    const f = lintText(broken, { today: TODAY }).findings.find(
      (x) => x.rule === 'front-matter-missing',
    )!;
    expect(f.message).toMatch(/never closed/);
    expect(f.range.start.line).toBe(1);
  });
});
