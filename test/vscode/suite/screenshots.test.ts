import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  diagnosticsFor,
  discard,
  driver,
  open,
  rule,
  settled,
  shown,
  workspaceUri,
  write,
} from './helpers';
import { MESSY as MESSY_SERVICES_EMPTY } from './messy';

/** Asks the test driver for a picture of the workbench (test-results/screenshots/NAME.png) and gives it time to take it. */
async function screenshot(name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 1500));
  console.log(`SCREENSHOT ${name}`);
  await new Promise((r) => setTimeout(r, 2000));
}

/** The fixes suite's messy postmortem, with its services given (the screenshot shows the other fixes). */
const MESSY = MESSY_SERVICES_EMPTY.replace('services: []', 'services: [checkout]');

describe('screenshots of the view with filters and of a fix-all', () => {
  before(api);

  it('shows the Action Items view grouped by status with done items hidden', async () => {
    const { actionItems } = await api();
    await settled();
    await vscode.commands.executeCommand('hindsight.actionItems.focus');
    await vscode.commands.executeCommand('hindsight.groupByStatus');
    await vscode.commands.executeCommand('hindsight.filter.hideDone');
    try {
      assert.equal(actionItems.describeFilters(), 'Filtered: done hidden');
      // Above the tree, where a person sees it.
      await shown('the filter said in the view', '.part.sidebar', (t) =>
        t.some((x) => x.includes('Filtered: done hidden') && x.includes('Overdue · 1')),
      );
      await screenshot('action-items-filtered');
    } finally {
      await vscode.commands.executeCommand('hindsight.filter.hideDone.on');
      await vscode.commands.executeCommand('hindsight.groupByPostmortem');
    }
  });

  it('fixes every fixable problem of a file in one step', async () => {
    const uri = workspaceUri('postmortems', '2024-07-01-cache-flush.md');
    await write(uri, MESSY);
    try {
      await open(uri);
      await diagnosticsFor(uri, 'the problems', (d) => d.some((x) => rule(x) === 'timeline-order'));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await screenshot('fix-all-before');
      assert.ok((await vscode.commands.executeCommand<number>('hindsight.fixAll', uri)) >= 5);
      await diagnosticsFor(
        uri,
        'the fixed problems gone',
        (d) =>
          !d.some((x) =>
            [
              'timeline-order',
              'severity-level',
              'root-cause-category',
              'field-value',
              'action-owner',
            ].includes(rule(x)),
          ),
      );
      await screenshot('fix-all-after');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await discard(uri);
    }
  });

  it('shows Search Past Postmortems with results for a query typed with a typo', async () => {
    await settled();
    await vscode.commands.executeCommand('hindsight.searchPostmortems');
    try {
      await shown('the search box', '.quick-input-widget .quick-input-title', (t) =>
        t.some((x) => x.includes('Search Past Postmortems')),
      );
      await driver('click', { selector: '.quick-input-widget .quick-input-box input' });
      await driver('type', { text: 'conection pool' });
      const rows = await shown(
        'the search results',
        '.quick-input-widget .quick-input-list .monaco-list-row',
        (t) => t.some((x) => x.includes('Checkout outage from an exhausted connection pool')),
      );
      assert.ok(rows.length >= 1);
      await screenshot('search-command');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });
});
