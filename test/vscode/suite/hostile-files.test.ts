import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hostileCases } from '../../hostile-cases';
import {
  api,
  closeAll,
  diagnosticsFor,
  discard,
  open,
  poll,
  read,
  rule,
  workspaceUri,
  write,
} from './helpers';

// The hostile inputs of issue 13 (test/hostile-cases.ts), generated here from a fixture postmortem:
// each holds one block that stalls a Markdown parser. The editor must say so at the block, as
// `hindsight lint` does, and keep answering meanwhile: the lint, the Action Items view's read, the
// related-postmortems CodeLens and the root-cause hint all parse in the lint worker.
describe('hostile postmortems in the editor', () => {
  let cases: ReturnType<typeof hostileCases> = [];
  before(async () => {
    await api();
    cases = hostileCases(await read(workspaceUri('postmortems', '2024-05-02-search-latency.md')));
  });
  after(closeAll);

  it('reports each refused block as a file-readable finding at its line while the host keeps answering', async () => {
    const hindsight = await api();
    assert.ok(cases.length >= 10, 'the hostile cases were generated');
    for (const c of cases) {
      const uri = workspaceUri('postmortems', `hostile-${c.name}.md`);
      await write(uri, c.text);
      try {
        const editor = await open(uri);
        // Asked while the file is being checked: a completion of the root_cause value.
        const rootCause = editor.document.getText().split('\n').indexOf('root_cause: code-defect');
        assert.ok(rootCause > 0, 'the generated file has its root_cause line');
        const completion = vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          new vscode.Position(rootCause, 'root_cause: '.length),
        );
        const diagnostics = await diagnosticsFor(uri, `the findings of ${c.name}`, (d) =>
          d.some((x) => rule(x) === 'file-readable'),
        );
        const finding = diagnostics.find((x) => rule(x) === 'file-readable')!;
        assert.match(finding.message, c.message, `${c.name}: the finding says why`);
        assert.equal(
          finding.range.start.line + 1,
          c.line,
          `${c.name}: the finding is at the block`,
        );
        assert.doesNotMatch(
          finding.message,
          /stopped checking/,
          `${c.name}: refused by the parse budget, not by the deadline`,
        );
        const labels = (await completion).items.map((i) =>
          typeof i.label === 'string' ? i.label : i.label.label,
        );
        assert.ok(labels.includes('config-change'), `${c.name}: the completion answered`);
        // The Action Items view reads the file too (its items after the hostile block).
        const entry = await poll(`${c.name} in the Action Items view`, () =>
          hindsight.library.get(uri)?.actions.length ? hindsight.library.get(uri) : undefined,
        );
        assert.equal(entry.title, 'Search latency spike');
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          uri,
        );
        assert.ok(
          lenses.some((l) => /related postmortem/i.test(l.command?.title ?? '')),
          `${c.name}: the related-postmortems CodeLens answered`,
        );
      } finally {
        await discard(uri);
      }
    }
  }).timeout(600_000);
});
