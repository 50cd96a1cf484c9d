import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, poll, workspaceUri } from './helpers';

describe('activation', () => {
  it('activates in a workspace with hindsight.json and indexes its postmortems, not README.md', async () => {
    const hindsight = await api();
    assert.equal(vscode.extensions.getExtension('hindsight.hindsight')?.isActive, true);
    assert.deepEqual(
      hindsight.library.list().map((p) => p.title),
      ['Search latency spike', 'Checkout outage from an exhausted connection pool'],
    );
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'hindsight.newPostmortem',
      'hindsight.toggleActionItem',
      'hindsight.showRelated',
      'hindsight.groupByOwner',
    ]) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('records its start-up timings: activation, scan, first diagnostics, open to diagnostics', async () => {
    const hindsight = await api();
    await open(workspaceUri('postmortems', '2024-03-05-checkout-pool.md'));
    const t = await poll('the first diagnostics', () =>
      hindsight.timings.openToDiagnosticMs !== undefined ? hindsight.timings : undefined,
    );
    for (const key of ['activateMs', 'scanMs', 'firstDiagnosticMs', 'openToDiagnosticMs'] as const)
      assert.ok((t[key] ?? -1) >= 0, key);
    console.log(
      `timings: ${JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])))}`,
    );
  });
});
