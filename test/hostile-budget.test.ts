import { readFileSync } from 'node:fs';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { IncrementalParser, lintBytes, lintPostmortem, lintText } from '@hindsight/core';
import { hostileCases, lineShapeCases } from './hostile-cases';

const TODAY = '2026-11-24';
const BASE = readFileSync(
  new URL('../postmortems/2025-02-03-expired-tls-certificate-on-api.md', import.meta.url),
  'utf8',
);
const CASES = hostileCases(BASE);

function texts(tree: Nodes): string[] {
  const out: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'html') out.push(node.value);
    if ('children' in node) stack.push(...([...node.children].reverse() as Nodes[]));
  }
  return out;
}

describe('hostile inline Markdown and tables (issue 13)', () => {
  it('starts from a postmortem that lints clean', () => {
    expect(lintText(BASE, { today: TODAY }).findings).toEqual([]);
  });

  // Each of these took 2 to 170 s and up to 3 GB before the parse budget (bench/RESULTS.md);
  // the generous timeout only turns a hang into a failure.
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: one positioned file-readable warning, and the rest of the file is still checked',
    (_, c) => {
      const { findings, postmortem } = lintBytes(new TextEncoder().encode(c.text), {
        today: TODAY,
      });
      expect(findings.map((f) => `${f.range.start.line} ${f.severity} ${f.rule}`)).toEqual([
        `${c.line} warning file-readable`,
      ]);
      expect(findings[0]!.message).toMatch(c.message);
      expect(findings[0]!.message).toMatch(
        new RegExp(`at line ${c.line} .*not parsed as Markdown\\.$`),
      );
      // Front matter, sections, timeline and actions are read as without the hostile block.
      const pm = postmortem!;
      expect(pm.refusal).toBeUndefined();
      expect(pm.meta.title).toBe(
        'API unreachable for 47 minutes after its TLS certificate expired',
      );
      expect(pm.sections.map((s) => s.heading)).toEqual([
        'Summary',
        'Impact',
        'Timeline',
        'Root Cause',
        'Resolution',
        'Action Items',
        'Lessons Learned',
      ]);
      expect(pm.timeline).toHaveLength(7);
      expect(pm.actions.length).toBeGreaterThan(0);
      // The block is kept as written, as text (the site shows it, escaped).
      const summary = pm.sections[0]!.children;
      const block = summary.find((n) => n.position?.start.line === c.line)!;
      expect(texts(block).join('')).toContain(c.text.split('\n')[c.line - 1]!.slice(0, 1000));
      expect(summary.some((n) => texts(n).join('') === '<b>x</b>')).toBe(true);
    },
    120_000,
  );

  it('still reports the other problems of a file with a refused block', () => {
    const c = CASES[0]!;
    const broken = c.text
      .replace('## Impact', '## Appendix')
      .replace('severity: SEV2', 'severity: SEV9');
    const rules = lintText(broken, { today: TODAY }).findings.map((f) => f.rule);
    expect(rules).toContain('file-readable');
    expect(rules).toContain('required-section');
    expect(rules).toContain('severity-level');
  }, 120_000);

  it('keeps the editor on budget while typing inside and around a refused block', () => {
    const c = CASES[0]!;
    const parser = new IncrementalParser({ today: TODAY });
    let text = c.text;
    const first = lintPostmortem(parser.parse(text), { today: TODAY }).findings;
    expect(first.map((f) => f.rule)).toEqual(['file-readable']);
    // Typing in the soup, then after it, then a blank line that ends the block early.
    const at = text.indexOf('_a*') + 300;
    for (const [offset, insert] of [
      [at, 'x'],
      [at + 1, '*'],
      [text.indexOf('<b>x</b>'), 'More words. '],
      [at + 2, '\n\n'],
    ] as const) {
      text = text.slice(0, offset) + insert + text.slice(offset);
      const findings = lintPostmortem(parser.parse(text), { today: TODAY }).findings;
      expect(findings.filter((f) => f.rule === 'file-readable').length).toBeGreaterThanOrEqual(1);
      expect(findings.every((f) => f.rule === 'file-readable')).toBe(true);
    }
  }, 120_000);

  it('parses the block after a refused one as Markdown', () => {
    const pm = lintText(CASES[0]!.text, { today: TODAY }).postmortem!;
    const after = pm.sections[0]!.children[1]!;
    expect(after.type === 'paragraph' && after.children.map((n) => n.type)).toEqual([
      'html',
      'text',
      'html',
    ]);
  });

  it('parses long lists and tables with markup in every entry, without blank lines, as Markdown', () => {
    const timeline = Array.from(
      { length: 1_000 },
      (_, i) =>
        `- ${String(i % 24).padStart(2, '0')}:00 UTC **Step** ${i} with \`code\` and [a link](https://example.com/${i})`,
    ).join('\n');
    const table = [
      '| Action | Owner |',
      '| --- | --- |',
      ...Array.from({ length: 600 }, (_, i) => `| *Fix* thing ${i} | @o${i} |`),
    ].join('\n');
    const text = BASE.replace('## Timeline\n\n', `## Timeline\n\n${timeline}\n`).replace(
      '## Lessons Learned\n\n',
      `## Lessons Learned\n${table}\n\n`,
    );
    const { findings, postmortem } = lintText(text, { today: TODAY });
    expect(findings.filter((f) => f.rule === 'file-readable')).toEqual([]);
    expect(
      postmortem!.tree.children.some((n) => n.type === 'table' && n.children.length === 601),
    ).toBe(true);
  }, 120_000);

  it('parses a long paragraph within the budget as Markdown', () => {
    const emphasis = '*word* '.repeat(240);
    const text = BASE.replace('## Summary\n\n', `## Summary\n\n${emphasis}\n\n`);
    const { findings, postmortem } = lintText(text, { today: TODAY });
    expect(findings).toEqual([]);
    const paragraph = postmortem!.sections[0]!.children[0]!;
    expect(
      paragraph.type === 'paragraph' && paragraph.children.filter((n) => n.type === 'emphasis'),
    ).toHaveLength(240);
  });
});

describe('hostile line shapes (issue 13): millions of tiny blocks, quadratic block shapes', () => {
  // Before the line-shape budget, 200 KB of these took 1-10 s of CPU and up to 1 GB, and 5 MB of
  // `# a` lines ran out of memory at 4 GB (bench/RESULTS.md); now the one pass over the lines
  // refuses them before the Markdown parser starts. The timeout only turns a hang into a failure.
  it.each(lineShapeCases(BASE).map((c) => [c.name, c] as const))(
    '%s: one file-readable finding at a line of the hostile block, nothing parsed',
    (_, c) => {
      const { findings, postmortem } = lintBytes(new TextEncoder().encode(c.text), {
        today: TODAY,
      });
      expect(findings.map((f) => f.rule)).toEqual(['file-readable']);
      expect(findings[0]!.message).toMatch(c.message);
      expect(findings[0]!.message).toMatch(/so it was not parsed/);
      expect(findings[0]!.range.start.line).toBeGreaterThanOrEqual(c.line);
      expect(postmortem!.refusal?.message).toBe(findings[0]!.message);
    },
    120_000,
  );
});
