import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, open, workspaceUri } from './helpers';

const uri = () => workspaceUri('postmortems', '2024-03-05-checkout-pool.md');
const line = (doc: vscode.TextDocument, start: string) =>
  doc
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith(start));

describe('front-matter completions and hovers', () => {
  before(api);
  after(closeAll);

  it('completes root-cause categories with their descriptions', async () => {
    const { document } = await open(uri());
    const l = line(document, 'root_cause:');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri(),
      new vscode.Position(l, 'root_cause: '.length),
    );
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(
      ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).slice(0, 3),
      ['config-change', 'code-defect', 'deploy'],
    );
    assert.equal(
      ours.find((i) => i.label === 'capacity')?.detail,
      'Capacity: Load beyond what was provisioned, resource exhaustion, thundering herds.',
    );
  });

  it('completes severities and status values', async () => {
    const { document } = await open(uri());
    const sev = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri(),
      new vscode.Position(line(document, 'severity:'), 'severity: '.length),
    );
    assert.deepEqual(
      sev.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map((i) => i.label),
      ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
    const status = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri(),
      new vscode.Position(line(document, 'status:'), 'status: '.length),
    );
    assert.deepEqual(
      status.items
        .filter((i) => i.kind === vscode.CompletionItemKind.EnumMember)
        .map((i) => i.label),
      ['draft', 'in-review', 'published'],
    );
  });

  it('explains a category on hover', async () => {
    const { document } = await open(uri());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri(),
      new vscode.Position(line(document, 'root_cause:'), 'root_cause: c'.length),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    assert.match(text, /Root-cause category `capacity`/);
    assert.match(text, /thundering herds/);
  });

  it('shows time to detect, time to mitigate and duration on the time fields', async () => {
    const { document } = await open(uri());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri(),
      new vscode.Position(line(document, 'detected:'), 3),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    assert.match(text, /Time to detect \| 7 min/);
    assert.match(text, /Time to mitigate \| 49 min/);
    assert.match(text, /Duration \| 2 h 28 min/);
  });

  it('explains every front-matter key on hover', async () => {
    const { document } = await open(uri());
    for (const key of [
      'title',
      'date',
      'status',
      'severity',
      'root_cause',
      'services',
      'started',
    ]) {
      const l = line(document, `${key}:`);
      if (l < 0) continue;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri(),
        new vscode.Position(l, 1),
      );
      const text = hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
      assert.match(text, new RegExp(`\\*\\*\`${key}\`\\*\\*`), key);
    }
  });

  it('says which field is missing when a duration cannot be computed', async () => {
    const file = workspaceUri('postmortems', '2024-05-02-search-latency.md');
    const { document } = await open(file);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      file,
      new vscode.Position(line(document, 'detected:'), 12),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    assert.match(text, /Duration \| — \(`resolved` is missing\)/);
  });

  it('puts values that start with what was typed first: "dep" picks deploy', async () => {
    const file = workspaceUri('postmortems', '2024-05-02-search-latency.md');
    const editor = await open(file);
    const l = line(editor.document, 'root_cause:');
    try {
      await editor.edit((b) => b.replace(editor.document.lineAt(l).range, 'root_cause: dep'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        file,
        new vscode.Position(l, 'root_cause: dep'.length),
      );
      const ours = list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.EnumMember)
        .sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
      assert.deepEqual(
        ours.slice(0, 2).map((i) => i.label),
        ['deploy', 'dependency'],
      );
      assert.equal(ours.find((i) => i.preselect)?.label, 'deploy');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
