import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  collectActions,
  computeStats,
  defaultConfig,
  parsePostmortem,
  type Postmortem,
} from '@hindsight/core';
import { toSiteEntry } from '../site/src/lib/library';
import { followThrough } from '../site/src/lib/stats';
import { findingsOf, HELD_OUT_TODAY, withActionItems as items } from './held-out';

// Items that say they will not be done, in the forms the held-out sets wrote them (bench/eval,
// holdout5 to holdout21: "— Won't do (…)", "— dropped, …", "❌ Cancelled: …", "(WONTFIX — …)",
// "(…; dropped)", a Status cell), here in other words.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (text: string): Postmortem =>
  parsePostmortem(text, { config: defaultConfig, today: HELD_OUT_TODAY });
/** Each item's first words, and whether it is done, cancelled and overdue. */
const states = (text: string) =>
  read(text).actions.map((a) => [
    a.text.split(' ').slice(0, 3).join(' '),
    a.done,
    a.cancelled === true,
    a.overdue,
  ]);

describe('an action item that says it will not be done', () => {
  it('is cancelled, neither done nor overdue, in the forms teams write', () => {
    const text = items(
      "- Cap the import queue at 10k jobs — @tomas — due 2024-03-01 — Won't do (covered by item 1)",
      '- Buy a spare load balancer — dropped, the new pool makes it unnecessary',
      '- ❌ Cancelled: move the invoice clock to UTC (finance needs local time)',
      '- Ask the vendor for a bulk export API (WONTFIX — no contact left)',
      '- Upgrade the queue client to 4.2 (no evidence it helps; dropped)',
      '- Page the database team on lag above 30 s — @dba — Status: cancelled',
      "- [ ] Shorten session lifetime to 30 days — won't fix (product decision)",
      '- Rotate the signing keys monthly — @sec — due 2024-02-01',
    );
    expect(states(text)).toEqual([
      ['Cap the import', false, true, false],
      ['Buy a spare', false, true, false],
      ['❌ Cancelled: move', false, true, false],
      ['Ask the vendor', false, true, false],
      ['Upgrade the queue', false, true, false],
      ['Page the database', false, true, false],
      ['Shorten session lifetime', false, true, false],
      ['Rotate the signing', false, false, true],
    ]);
  });

  it('is not asked for a due date or an owner; the open items still are', () => {
    const text = items(
      "- Cap the import queue at 10k jobs — Won't do (covered by item 2)",
      '- Buy a spare load balancer — cancelled, not needed after the pool change',
      '- Alert on queue depth above 5k — @ops',
    );
    const due = findingsOf(text, 'action-due-date');
    expect(due).toHaveLength(1);
    expect(due[0]!.message).toContain('Alert on queue depth');
    expect(findingsOf(text, 'action-owner')).toEqual([]);
  });

  it('counts neither as open nor as done in the lists and the statistics', () => {
    const pm = read(
      items(
        "- Cap the import queue at 10k jobs — @tomas — Won't do",
        '- Alert on queue depth above 5k — @ops — due 2099-01-01',
        '- [x] Raise the pool size — @ops',
      ),
    );
    const first = (a: { text: string }) => a.text.split(' — ')[0];
    expect(collectActions([{ file: 'a.md', pm }], { open: true }).map(first)).toEqual([
      'Alert on queue depth above 5k',
    ]);
    // Listed after the open items, with the done ones.
    expect(collectActions([{ file: 'a.md', pm }]).map(first)[0]).toBe(
      'Alert on queue depth above 5k',
    );
    expect(computeStats([{ pm }], defaultConfig).actions).toEqual({
      total: 3,
      open: 1,
      overdue: 0,
      done: 1,
      cancelled: 1,
    });
  });

  it('reads a Status cell that says so, in English and in other languages', () => {
    const text = items(
      '| Action | Owner | Due | Status |',
      '|---|---|---|---|',
      '| Spare load balancer | Ops | 2024-01-10 | Cancelled |',
      "| Bulk export API | Vendor team | 2024-01-10 | Won't do |",
      '| Rotation du certificat | Sécurité | 2024-01-10 | Annulé |',
      '| Queue depth alert | Ops | 2024-01-10 | Open |',
      '| Pool size | Ops | 2024-01-10 | Done |',
    );
    expect(states(text)).toEqual([
      ['Spare load balancer', false, true, false],
      ['Bulk export API', false, true, false],
      ['Rotation du certificat', false, true, false],
      ['Queue depth alert', false, false, true],
      ['Pool size', true, false, false],
    ]);
  });

  it('is not read from a word that names what the item is about', () => {
    const text = items(
      '- Alert on dropped packets at the edge — @net — due 2024-01-01',
      '- Schema-change alert on the CRM tables (new/dropped columns) — @mei',
      '- Log every rejected login with its reason — @sec',
      '- Retry cancelled export jobs once — @data',
      '- Alert - dropped messages on the billing topic — @ops',
      '- Document why the rollback was rejected by the change board — @cab',
    );
    expect(read(text).actions.map((a) => a.cancelled === true)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('hindsight actions with a cancelled item', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-cancelled-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    path.join(dir, 'pm.md'),
    items(
      "- Cap the import queue at 10k jobs — @tomas — due 2024-03-01 — Won't do (covered)",
      '- Alert on queue depth above 5k — @ops — due 2024-03-01',
    ),
  );
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, 'cli/bin/hindsight.mjs'), 'actions', dir, '--today', '2026-11-30', ...args],
      { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
    );

  it('shows it as cancelled, after the open items, and says how many there are', () => {
    const out = run().stdout;
    const lines = out.split('\n');
    const overdue = lines.findIndex((l) => l.includes('OVERDUE'));
    const cancelled = lines.findIndex((l) => /\bcancelled\b/.test(l) && l.includes('Cap the'));
    expect(overdue).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(overdue);
    expect(out).toContain('2 action items: 1 open, 1 overdue, 0 done, 1 cancelled');
  });

  it('carries it in JSON, and leaves it out of --open', () => {
    const json = JSON.parse(run('--format', 'json').stdout) as {
      text: string;
      cancelled: boolean;
      overdue: boolean;
    }[];
    expect(json.map((a) => [a.text.split(' — ')[0], a.cancelled, a.overdue])).toEqual([
      ['Alert on queue depth above 5k', false, true],
      ['Cap the import queue at 10k jobs', true, false],
    ]);
    const open = JSON.parse(run('--open', '--format', 'json').stdout) as { text: string }[];
    expect(open.map((a) => a.text.split(' — ')[0])).toEqual(['Alert on queue depth above 5k']);
  });
});

describe('the site with a cancelled item', () => {
  it("marks it on the postmortem's page data and leaves it out of the follow-through", () => {
    const entry = toSiteEntry(
      read(
        items(
          "- Cap the import queue at 10k jobs — @tomas — due 2024-03-01 — Won't do (covered)",
          '- [x] Raise the pool size — @ops',
        ),
      ),
      'x',
      'x.md',
    );
    expect(entry.actions.map((a) => [a.done, a.cancelled, a.overdue])).toEqual([
      [false, true, false],
      [true, false, false],
    ]);
    expect(followThrough('all', [entry])).toMatchObject({ total: 1, done: 1, shareDone: 1 });
  });
});
