import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

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
    for (const id of ['hindsight.newPostmortem', 'hindsight.toggleActionItem', 'hindsight.showRelated', 'hindsight.groupByOwner']) {
      assert.ok(commands.includes(id), id);
    }
  });
});
