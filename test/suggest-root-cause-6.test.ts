import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, suggestRootCause } from '../core/src/index';

// Invented postmortems in the phrasing other teams use for causes (branch cause6).
const suggest = (text: string) =>
  suggestRootCause(parsePostmortem(text, { config: defaultConfig }), defaultConfig);

describe('explicit cause labels in other tools’ styles', () => {
  it('reads a GitLab scoped label naming human error as a manual operation', () => {
    const s = suggest(
      '# Orders table emptied\n\nLabels: ~incident ~"RootCause::human-error"\n\n## What happened\n\nOrders disappeared for an hour and were restored from a snapshot.\n',
    );
    expect(s.id).toBe('manual-operation');
    expect(s.explanation).toContain("'human-error'");
  });

  it('reads "Cause: configuration" as a configuration change', () => {
    const s = suggest(
      '# Checkout errors\n\n**Cause:** configuration\n\n## Summary\n\nCustomers could not pay for forty minutes.\n',
    );
    expect(s.id).toBe('config-change');
  });

  it('reads a "Root cause classification" heading and the paragraph under it', () => {
    const s = suggest(
      '# Reports late\n\n## Summary\n\nThe nightly reports arrived six hours late after a script was run by hand.\n\n## Root cause classification\n\nThird party: the reporting vendor paused our account.\n',
    );
    expect(s.id).toBe('dependency');
  });
});

describe('cause phrases as other teams narrate them', () => {
  it('counts "the filter update" and "pushed a config" for a configuration change', () => {
    const s = suggest(
      '# Intranet unreachable\n\n## Why it happened\n\nThe filter update pushed a config that blocked the intranet domain for every office.\n',
    );
    expect(s.id).toBe('config-change');
    expect(s.level).not.toBe('low');
  });

  it('counts "ran the script against production" for a manual operation', () => {
    const s = suggest(
      '# Customer notes deleted\n\n## Root cause\n\nAn engineer following a runbook step ran the purge script against production instead of the test copy.\n',
    );
    expect(s.id).toBe('manual-operation');
  });

  it('counts "the vendor\'s API" and "upstream schema change" for a dependency', () => {
    const s = suggest(
      "# Prices missing\n\n## Root cause\n\nAn upstream schema change in the vendor's API renamed the price field without notice.\n",
    );
    expect(s.id).toBe('dependency');
  });

  it('counts "SAN controller" for hardware', () => {
    const s = suggest(
      '# File shares frozen\n\n## Root cause\n\nOne SAN controller failed and the second did not take over its volumes.\n',
    );
    expect(s.id).toBe('hardware');
  });

  it('counts "key was committed" for security', () => {
    const s = suggest(
      '# Leaked signing key\n\n## What went wrong\n\nA private key was committed to a public repository and found by secret scanning an hour later.\n',
    );
    expect(s.id).toBe('security');
  });

  it('counts "quota exceeded" for capacity', () => {
    const s = suggest(
      '# Exports failed\n\n## Why\n\nThe storage quota was exceeded by the new archive job, so every export after noon failed.\n',
    );
    expect(s.id).toBe('capacity');
  });

  it('counts "retries amplified" for a cascading failure', () => {
    const s = suggest(
      '# Search down\n\n## Root cause\n\nA slow shard made clients time out, and their retries amplified the load until the whole cluster was cascading into failure.\n',
    );
    expect(s.id).toBe('cascading-failure');
  });

  it('reads a bold "Why." paragraph as the cause, with its wrapped lines', () => {
    const s = suggest(
      '# Dashboards slow\n\n**What broke.** Dashboards timed out for a day.\n\n**Why.** A new hourly job used most of the shared\nquota and every other workload competed for what was left.\n\n## Actions\n\n- Add a per-team limit\n',
    );
    expect(s.id).toBe('capacity');
  });

  it('reads a category the writers filed the incident under, across a line break', () => {
    const s = suggest(
      '# Empty columns in the warehouse\n\n## Root cause\n\nThe feed we load changed shape overnight. We filed it as a\ndependency problem, not a data one.\n',
    );
    expect(s.id).toBe('dependency');
    expect(s.explanation).toContain("'dependency'");
  });

  it('counts "ran out of room" and a used-up connection limit for capacity', () => {
    const s = suggest(
      '# Sign-in slow\n\n## Why it happened\n\nThe sign-in step ran out of room: its connection limit was used up by the evening rush.\n',
    );
    expect(s.id).toBe('capacity');
  });

  it('does not count what people did to respond as the cause', () => {
    const s = suggest(
      "# Check-in down\n\n## Overview\n\nCheck-in failed for two hours because the provider's API timed out. Staff moved to manual check-in with printed lists, and manually re-keyed the bookings afterwards.\n",
    );
    expect(s.id).toBe('dependency');
  });

  it('counts a playbook started by hand with a mistyped argument as a manual operation', () => {
    const s = suggest(
      '# Cache nodes removed\n\n## What happened\n\nAn engineer started the playbook to retire four cache nodes. The argument was typed with a pattern that matched every node in the pool.\n',
    );
    expect(s.id).toBe('manual-operation');
  });

  it('does not read a software generator as power hardware', () => {
    const s = suggest(
      '# Invoices sent twice\n\n## Background\n\nThe `invoice-generator` job pages through accounts; the generator built each page from an unstable sort.\n',
    );
    expect(s.ranking.find((c) => c.id === 'hardware')?.score ?? 0).toBeLessThan(2);
    expect(s.id).not.toBe('hardware');
  });

  it('still reads a generator test that cut the power as hardware', () => {
    const s = suggest(
      '# Warehouse servers down\n\n## Root cause\n\nDuring the monthly generator test the UPS did not carry the load and both racks lost power.\n',
    );
    expect(s.id).toBe('hardware');
  });

  it('still answers unknown when nothing names a cause', () => {
    const s = suggest(
      '# Slow pages\n\n## Summary\n\nSome pages were slow on Tuesday afternoon. We are still looking into it.\n',
    );
    expect(s.id).toBe('unknown');
  });
});
