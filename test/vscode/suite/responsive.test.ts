import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, discard, open, poll, workspaceUri, write } from './helpers';

/** A valid postmortem whose Summary is a hostile delimiter soup ('_a*' 15,000 times and one HTML tag). */
function hostile(): string {
  return `---\ntitle: Hostile summary\ndate: 2024-06-01\nstatus: draft\nseverity: SEV3\nroot_cause: unknown\nservices: [x]\n---\n\n# Hostile summary\n\n## Summary\n\n${"'_a*'".repeat(15_000)} <b>x</b>\n\n## Action Items\n\n- [ ] Nothing @kim due:2099-01-01 #prevent\n`;
}

describe('a postmortem that is costly to parse', () => {
  before(api);
  after(closeAll);

  it('is linted off the extension host thread: the host keeps answering while it is checked', async () => {
    const hindsight = await api();
    assert.equal(hindsight.lint.mode, 'worker', 'lints run in a worker thread');
    const uri = workspaceUri('postmortems', 'hostile.md');
    await write(uri, hostile());
    try {
      // Measure how long the host's event loop is held while the file is opened and checked.
      let longest = 0;
      let longestAt = 0;
      let last = Date.now();
      const t0 = Date.now();
      const ticker = setInterval(() => {
        const now = Date.now();
        if (now - last > longest) {
          longest = now - last;
          longestAt = last - t0;
        }
        last = now;
      }, 5);
      let answered = 0;
      const started = Date.now();
      try {
        await open(uri);
        // While the worker checks the file, the host answers other requests (the view's items, a completion).
        while (
          !hindsight.findings.findingsFor(vscode.window.activeTextEditor!.document) &&
          Date.now() - started < 120_000
        ) {
          hindsight.actionItems.getChildren();
          answered++;
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        clearInterval(ticker);
      }
      // How long the check took, before the comparison below adds its own waits.
      const checkedIn = Date.now() - started;
      await diagnosticsFor(uri, 'the diagnostics of the hostile file', (d) => d.length > 0);
      console.log(
        `hostile file: checked in ${Date.now() - started} ms; the host answered ${answered} times meanwhile; longest event-loop gap ${longest} ms, starting ${longestAt} ms after the file was opened`,
      );
      // For comparison: the longest gap while an ordinary postmortem is opened and checked on this (busy) machine.
      const plain = workspaceUri('postmortems', '2024-03-05-checkout-pool.md');
      let plainLongest = 0;
      let plainLast = Date.now();
      const plainTicker = setInterval(() => {
        const now = Date.now();
        plainLongest = Math.max(plainLongest, now - plainLast);
        plainLast = now;
      }, 5);
      await open(plain);
      await poll('the plain file checked', () =>
        hindsight.findings.findingsFor(vscode.window.activeTextEditor!.document),
      );
      await new Promise((r) => setTimeout(r, 1000));
      clearInterval(plainTicker);
      console.log(`ordinary file: longest event-loop gap ${plainLongest} ms`);
      assert.ok(
        hindsight.findings.findingsFor(vscode.window.activeTextEditor!.document),
        'the file was checked (or reported as too slow)',
      );
      // However long the parse takes, the host is not held: if checking took a while, it answered meanwhile.
      assert.ok(
        answered > 0 || checkedIn < 1000,
        'the host answered while the file was being checked',
      );
    } finally {
      await discard(uri);
    }
  }).timeout(180_000);
});
