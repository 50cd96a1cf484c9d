import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFix, lintBytes, lintText, RULES } from '@hindsight/core';

const FIXTURES = fileURLToPath(new URL('./fixtures/rules/', import.meta.url));
const TODAY = '2026-11-24';
const positions = (file: string, rule: string) =>
  lintBytes(readFileSync(file), { today: TODAY })
    .findings.filter((f) => f.rule === rule)
    .map((f) => `${f.range.start.line}:${f.range.start.column}`);

describe('rule registry', () => {
  it('gives every rule a kebab-case id, a one-line description and a severity', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description).toMatch(/^[A-Za-z].*\.$/);
      expect(rule.description).not.toContain('\n');
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('keeps one module per rule, named after its id', () => {
    const dir = fileURLToPath(new URL('../core/src/rules/', import.meta.url));
    for (const rule of RULES)
      expect(existsSync(path.join(dir, `${rule.id}.ts`)), rule.id).toBe(true);
  });

  it('has a fixture folder for every rule and no folder without a rule', () => {
    const folders = readdirSync(FIXTURES).filter((f) => !f.includes('.'));
    expect(folders.sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    const folder = path.join(FIXTURES, rule.id);
    const files = existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith('.md'))
          .sort()
      : [];
    const ok = files.filter((f) => f.startsWith('ok'));
    const bad = files.filter((f) => f.startsWith('bad-'));
    const expected: Record<string, string[]> = existsSync(path.join(folder, 'expected.json'))
      ? JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'))
      : {};

    it('has fixtures that should and should not trigger it', () => {
      expect(ok.length, 'ok-*.md fixtures').toBeGreaterThan(0);
      expect(bad.length, 'bad-*.md fixtures').toBeGreaterThan(0);
      expect(Object.keys(expected).sort()).toEqual(bad);
    });

    for (const file of ok) {
      it(`does not report ${file}`, () => {
        expect(positions(path.join(folder, file), rule.id)).toEqual([]);
      });
    }

    for (const file of bad) {
      it(`reports ${file} at ${(expected[file] ?? []).join(', ')}`, () => {
        expect(expected[file]?.length).toBeGreaterThan(0);
        expect(positions(path.join(folder, file), rule.id)).toEqual(expected[file]);
      });

      it(`offers fixes in ${file} that each remove one finding and break nothing`, () => {
        const text = readFileSync(path.join(folder, file), 'utf8');
        const before = lintText(text, { today: TODAY }).findings;
        for (const finding of before.filter((f) => f.rule === rule.id && f.fix)) {
          const fixed = applyFix(text, finding.fix!);
          const after = lintText(fixed, { today: TODAY }).findings;
          expect(after.filter((f) => f.rule === rule.id).length, finding.fix!.title).toBe(
            before.filter((f) => f.rule === rule.id).length - 1,
          );
          expect(after.filter((f) => f.rule === 'front-matter-yaml').length).toBe(0);
        }
      });
    }
  });
}

describe('action-owner on a whole list', () => {
  const doc = (items: string[]) =>
    `---\ntitle: Feed stalled\ndate: 2025-02-03\nstatus: draft\nseverity: SEV3\nroot_cause: capacity\nservices: [feed]\n---\n\n## Summary\n\nThe feed stalled.\n\n## Follow-up\n\n${items.join('\n')}\n`;
  const owners = (text: string) =>
    lintText(text, { today: TODAY }).findings.filter((f) => f.rule === 'action-owner');

  it('reports one finding on the heading when no item of the list names an owner', () => {
    const text = doc([
      '- [ ] Shard the feed queue',
      '- [ ] Page on queue age',
      '- [x] Drain by hand',
    ]);
    const found = owners(text);
    expect(found.map((f) => [f.range.start.line, f.message])).toEqual([
      [
        14,
        'None of the 3 action items names an owner; expected an @name on each (or an Owner column).',
      ],
    ]);
    const fixed = applyFix(text, found[0]!.fix!);
    expect(fixed).toContain('- [ ] Shard the feed queue @owner\n- [ ] Page on queue age @owner\n');
    expect(owners(fixed)).toEqual([]);
  });

  it('keeps one finding per item when some items name an owner', () => {
    const text = doc([
      '- [ ] Shard the feed queue @ana',
      '- [ ] Page on queue age',
      '- [ ] Add a runbook',
    ]);
    expect(owners(text).map((f) => f.range.start.line)).toEqual([17, 18]);
  });

  it('names the item when a list of one has no owner', () => {
    expect(owners(doc(['- [ ] Shard the feed queue'])).map((f) => f.message)).toEqual([
      "Action item 'Shard the feed queue' has no owner; expected an @name.",
    ]);
  });
});
