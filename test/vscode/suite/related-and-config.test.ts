import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, open, read, rule, workspaceUri, write } from './helpers';

describe('related past outages', () => {
  before(api);
  after(closeAll);

  it('puts a CodeLens on root_cause counting related postmortems', async () => {
    const hindsight = await api();
    const uri = workspaceUri('postmortems', '2026-01-10-pool-again.md');
    await write(
      uri,
      (await read(workspaceUri('postmortems', '2024-03-05-checkout-pool.md')))
        .replace(
          'title: Checkout outage from an exhausted connection pool',
          'title: Pool exhausted again',
        )
        .replace('date: 2024-03-05', 'date: 2026-01-10'),
    );
    await hindsight.library.rescan();
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      uri,
      10,
    );
    const lens = lenses.find((l) => l.command?.command === 'hindsight.showRelated');
    assert.equal(lens?.command?.title, '1 related postmortem (1 with the same root cause)');
    // The earlier postmortem does not list the later one: it cannot have learned from it.
    const earlier = workspaceUri('postmortems', '2024-03-05-checkout-pool.md');
    await open(earlier);
    const earlierLens = (
      await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        earlier,
        10,
      )
    ).find((l) => l.command?.command === 'hindsight.showRelated');
    assert.equal(earlierLens?.command?.title, 'No related postmortems');
    await closeAll();
    await vscode.workspace.fs.delete(uri);
    await hindsight.library.rescan();
  });
});

describe('configuration', () => {
  after(closeAll);

  it('falls back to the defaults when hindsight.json is broken, and keeps validating', async () => {
    const config = workspaceUri('hindsight.json');
    const original = await read(config);
    const target = workspaceUri('postmortems', '2024-05-02-search-latency.md');
    await open(target);
    await diagnosticsFor(
      target,
      'findings with the repository rules',
      (d) => d.length >= 4 && !d.some((x) => rule(x) === 'preventive-action'),
    );
    const { log } = await api();
    const notificationsBefore = log.notifications;
    try {
      await write(config, '{ "rules": { "preventive-action": "off" ');
      // With the defaults, preventive-action is on again; this file has a #prevent item so the
      // visible change is that hindsight.json no longer applies: still validated, same findings.
      await write(target, (await read(target)).replace(/#prevent/g, '#process'));
      const ds = await diagnosticsFor(target, 'preventive-action under the defaults', (d) =>
        d.some((x) => rule(x) === 'preventive-action'),
      );
      assert.ok(ds.some((d) => rule(d) === 'severity-level'));
      // One notification for the broken file, however often it is re-read.
      await write(config, '{ "rules": ');
      assert.ok(log.notifications - notificationsBefore <= 1);
      assert.equal(log.notifications, Math.max(notificationsBefore, 1));
    } finally {
      await write(config, original);
      await write(
        target,
        (await read(target))
          .replace(
            /Add a fuzz test for the query parser @kim due:2099-06-01 #process/,
            'Add a fuzz test for the query parser @kim due:2099-06-01 #prevent',
          )
          .replace(
            /Review regex use in the parser @kim due:2024-06-01 #process/,
            'Review regex use in the parser @kim due:2024-06-01 #prevent',
          ),
      );
    }
  });
});
