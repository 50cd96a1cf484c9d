import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticsFor, discard, open, poll, workspaceUri, write } from './helpers';

/** A valid postmortem whose Summary is a hostile delimiter soup ('_a*' 15,000 times and one HTML tag). */
function hostile(): string {
  return `---\ntitle: Hostile summary\ndate: 2024-06-01\nstatus: draft\nseverity: SEV3\nroot_cause: unknown\nservices: [x]\n---\n\n# Hostile summary\n\n## Summary\n\n${"'_a*'".repeat(15_000)} <b>x</b>\n\n## Action Items\n\n- [ ] Nothing @kim due:2099-01-01 #prevent\n`;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
}

/** Samples of a CPU profile taken inside Hindsight's parse or lint (the extension's bundle, not its worker's). */
function parsesOnHost(profile: Profile): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parser = new Set(['lintPostmortem', 'parsePostmortem', 'parseActionOutline', 'parse']);
  const inParser = (id: number | undefined): boolean => {
    for (; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (frame && parser.has(frame.functionName) && frame.url.endsWith('/dist/extension.js'))
        return true;
    }
    return false;
  };
  return profile.samples.filter((id) => inParser(id)).length;
}

describe('a postmortem that is costly to parse', () => {
  before(api);
  after(closeAll);

  it('is linted off the extension host thread: the host keeps answering while it is checked', async () => {
    const hindsight = await api();
    assert.equal(hindsight.lint.mode, 'worker', 'lints run in a worker thread');
    // The longest event-loop gap while `during` runs (logged, not asserted: a busy machine's figures say little).
    const gaps = async (during: () => Promise<void>) => {
      let longest = 0;
      let last = Date.now();
      const ticker = setInterval(() => {
        const now = Date.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 5);
      try {
        await during();
      } finally {
        clearInterval(ticker);
      }
      return longest;
    };
    // An ordinary postmortem first, for comparison. It also wakes VS Code's own Markdown
    // extension, which loads its modules and starts its server when the first Markdown document
    // opens, holding the host for a few hundred ms here: long enough, on a busy machine, for the
    // worker to finish the hostile file before the host could answer anything.
    const plainGap = await gaps(async () => {
      const editor = await open(workspaceUri('postmortems', '2024-03-05-checkout-pool.md'));
      await poll(
        'the plain file checked',
        () => hindsight.findings.findingsFor(editor.document),
        300_000,
      );
    });
    const uri = workspaceUri('postmortems', 'hostile.md');
    await write(uri, hostile());
    // The host thread is profiled while the file is checked: Hindsight's parser must never run on it.
    const { Session } = await import('node:inspector');
    const session = new Session();
    session.connect();
    const post = <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) =>
        session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))),
      );
    try {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      // Turns of the host's event loop while the check runs (logged: how many depends on speed).
      let answered = 0;
      const started = Date.now();
      let document!: vscode.TextDocument;
      const hostileGap = await gaps(async () => {
        document = await vscode.workspace.openTextDocument(uri);
        while (!hindsight.findings.findingsFor(document) && Date.now() - started < 300_000) {
          hindsight.actionItems.getChildren();
          answered++;
          await new Promise((r) => setTimeout(r, 20));
        }
      });
      const { profile } = await post<{ profile: Profile }>('Profiler.stop');
      assert.ok(
        hindsight.findings.findingsFor(document),
        'the file was checked (or reported as too slow)',
      );
      const onHost = parsesOnHost(profile);
      await vscode.window.showTextDocument(document);
      await diagnosticsFor(uri, 'the diagnostics of the hostile file', (d) => d.length > 0);
      console.log(
        `hostile file: checked in ${Date.now() - started} ms; the host answered ${answered} times meanwhile; longest event-loop gap ${hostileGap} ms (ordinary file: ${plainGap} ms); ${profile.samples.length} samples of the host thread, ${onHost} in Hindsight's parser`,
      );
      // However long the parse takes, it is not the host's: the host stays free to answer.
      assert.equal(onHost, 0, "the host thread never ran Hindsight's parser on the file");
      assert.ok(profile.samples.length > 0, 'the host thread was sampled');
      assert.equal(hindsight.lint.mode, 'worker', 'the check stayed in the worker');
    } finally {
      session.disconnect();
      await discard(uri);
    }
  }).timeout(900_000);
});
