import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  buildSearchIndex,
  createSearchEngine,
  lintBytes,
  parseConfig,
  searchDocument,
  type SearchDocument,
  type SearchFilters,
} from '@hindsight/core';
import type { SearchPostmortemsShown } from '../../../extension/src/search-postmortems';
import { api, closeAll, read, waitFor, workspaceUri, write } from './helpers';

/** Postmortems this suite adds to the fixture library while it runs (the other suites expect two). */
const ADDED = [
  '2024-08-19-expired-certificate.md',
  '2025-02-11-dns-resolver.md',
  '2025-06-03-disk-full.md',
];

async function runSearch(query: string): Promise<SearchPostmortemsShown> {
  const shown = await vscode.commands.executeCommand<SearchPostmortemsShown>(
    'hindsight.searchPostmortems',
    { query },
  );
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return shown;
}

/**
 * What the site's pipeline computes from the same files: each file linted with the repository's
 * configuration (site/src/lib/library.ts), its core searchDocument, and the core's
 * buildSearchIndex / createSearchEngine / searchSync (site/src/lib/search-engine.ts and search.astro).
 */
async function expected(query: string, filters: SearchFilters = {}): Promise<string[]> {
  const parsed = parseConfig(await read(workspaceUri('hindsight.json')), 'hindsight.json');
  assert.ok(parsed.ok);
  const config = { ...parsed.config, postmortems: 'postmortems' };
  const folder = workspaceUri('postmortems');
  const docs: SearchDocument[] = [];
  for (const [name] of await vscode.workspace.fs.readDirectory(folder)) {
    if (!name.endsWith('.md') || config.ignore.includes(name)) continue;
    const result = lintBytes(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)),
      { config },
    );
    assert.ok(result.postmortem, name);
    docs.push(searchDocument(result.postmortem, name.replace(/\.md$/, ''), config));
  }
  const engine = createSearchEngine(buildSearchIndex(docs, { config }));
  const results = engine.searchSync(query, { filters });
  return engine.documentsSync(results.hits.slice(0, 5).map((h) => h.doc)).map((d) => d.title);
}

const top5 = (shown: SearchPostmortemsShown) => shown.items.slice(0, 5).map((i) => i.title);

describe('Search Past Postmortems', () => {
  before(async () => {
    await api();
    for (const name of ADDED) {
      await vscode.workspace.fs.copy(
        workspaceUri('search-library', name),
        workspaceUri('postmortems', name),
        { overwrite: true },
      );
    }
    // The copies reach the search index through file events, which a busy machine delivers late:
    // start once the search lists every postmortem in the folder, as a user would see it.
    const files = (await vscode.workspace.fs.readDirectory(workspaceUri('postmortems'))).filter(
      ([n]) => n.endsWith('.md') && n !== 'README.md',
    ).length;
    const until = Date.now() + 180_000;
    while ((await runSearch('')).total !== files) {
      if (Date.now() > until) throw new Error(`the search never listed the ${files} postmortems`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  after(async () => {
    await closeAll();
    for (const name of ADDED) await vscode.workspace.fs.delete(workspaceUri('postmortems', name));
    await (await api()).library.rescan();
  });

  it('is a command in the palette, titled "Hindsight: Search Past Postmortems"', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('hindsight.searchPostmortems'));
    const contributed = vscode.extensions.getExtension('hindsight.hindsight')!.packageJSON
      .contributes.commands as { command: string; title: string; category: string }[];
    const entry = contributed.find((c) => c.command === 'hindsight.searchPostmortems');
    assert.equal(`${entry?.category}: ${entry?.title}`, 'Hindsight: Search Past Postmortems');
  });

  it('ranks the same top 5 as the core engine the site uses, typos included', async () => {
    const cases: [query: string, first: string][] = [
      ['connection pool exhausted', 'Checkout outage from an exhausted connection pool'],
      ['certificate expired', 'Payments API down after the TLS certificate expired'],
      ['certficate expird', 'Payments API down after the TLS certificate expired'],
      ['disk full', 'Order history unavailable when the database disk filled up'],
      ['dns', 'Internal DNS resolver overload broke service discovery'],
      ['retry storm rollback', 'Internal DNS resolver overload broke service discovery'],
      ['human error', 'Payments API down after the TLS certificate expired'],
      ['regex', 'Search latency spike'],
    ];
    for (const [query, first] of cases) {
      const shown = await runSearch(query);
      const want = await expected(query);
      assert.deepEqual(top5(shown), want, `top 5 for “${query}”`);
      assert.equal(shown.items[0]?.title, first, `best result for “${query}”`);
    }
    // With no words, the whole library, newest first.
    const all = await runSearch('');
    assert.deepEqual(top5(all), await expected(''));
    const files = (await vscode.workspace.fs.readDirectory(workspaceUri('postmortems'))).filter(
      ([n]) => n.endsWith('.md') && n !== 'README.md',
    );
    assert.equal(all.total, files.length);
    const dates = all.items.map((i) => i.detail.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    for (const t of [
      'Order history',
      'Internal DNS',
      'Payments API',
      'Search latency',
      'Checkout outage',
    ])
      assert.ok(
        all.items.some((i) => i.title.startsWith(t)),
        t,
      );
  });

  it('shows root cause, severity, date and services, and where the words matched', async () => {
    const shown = await runSearch('replication slot');
    const item = shown.items[0]!;
    assert.equal(item.title, 'Order history unavailable when the database disk filled up');
    assert.equal(item.detail, 'Capacity · SEV2 · 2025-06-03 · orders-db, order-history');
    assert.match(item.description, /replication slot/i);
  });

  it('narrows by filter words: cause:, service:, severity:, year:', async () => {
    const capacity = await runSearch('cause:capacity');
    assert.deepEqual(top5(capacity), await expected('', { category: 'capacity' }));
    assert.deepEqual(
      capacity.items.map((i) => i.detail.split(' · ')[0]),
      ['Capacity', 'Capacity'],
    );
    const outage = await runSearch('outage service:checkout');
    assert.deepEqual(top5(outage), ['Checkout outage from an exhausted connection pool']);
    assert.deepEqual(top5(outage), await expected('outage', { service: 'checkout' }));
    assert.deepEqual(top5(await runSearch('severity:sev1')), [
      'Payments API down after the TLS certificate expired',
    ]);
    const recent = await runSearch('alert year:2025');
    assert.deepEqual(top5(recent), await expected('alert', { year: '2025' }));
    assert.ok(
      recent.items.length >= 2 && recent.items.every((i) => i.detail.includes(' · 2025-')),
      JSON.stringify(recent.items.map((i) => i.detail)),
    );
    // A value being typed: the one value it begins is used.
    const typing = await runSearch('pool cause:capa');
    assert.equal(typing.items[0]?.title, 'Checkout outage from an exhausted connection pool');
    assert.deepEqual(top5(typing), await expected('pool', { category: 'capacity' }));
    const unknown = await runSearch('pool service:nope');
    assert.equal(unknown.items.length, 0);
    assert.match(unknown.message ?? '', /No service “nope” in the library; known: .*checkout/);
  });

  it('finds a postmortem as soon as it is saved, and forgets a deleted one', async () => {
    const uri = workspaceUri('postmortems', '2025-09-09-quota.md');
    const text = (await read(workspaceUri('search-library', '2025-06-03-disk-full.md')))
      .replace(
        /Order history unavailable when the database disk filled up/g,
        'Uploads rejected after the storage quota ran out',
      )
      .replace('date: 2025-06-03', 'date: 2025-09-09')
      .replace('an abandoned', 'a zanzibar-quota and an abandoned');
    await write(uri, text);
    // The file watcher's event comes a moment later: poll until it did (generous; the machine is busy).
    for (let i = 0; i < 100; i++) {
      if ((await runSearch('zanzibar')).items.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(top5(await runSearch('zanzibar')), [
      'Uploads rejected after the storage quota ran out',
    ]);
    await vscode.workspace.fs.delete(uri);
    for (let i = 0; i < 100; i++) {
      if (!(await runSearch('zanzibar')).items.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal((await runSearch('zanzibar')).items.length, 0);
  });

  it('opens the chosen postmortem at the line where it matched', async () => {
    await closeAll();
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e) {
          sub.dispose();
          resolve(e);
        }
      });
    });
    const shown = await vscode.commands.executeCommand<SearchPostmortemsShown>(
      'hindsight.searchPostmortems',
      { query: 'stale replication slot' },
    );
    assert.equal(
      shown.items[0]?.title,
      'Order history unavailable when the database disk filled up',
    );
    // The list reaches the workbench a moment after the command resolves: press Enter until it opens.
    let editor: vscode.TextEditor | undefined;
    for (let i = 0; i < 50 && !editor; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      editor = await Promise.race([opened, new Promise<undefined>((r) => setTimeout(r, 300))]);
    }
    assert.ok(editor, 'choosing the first result opens an editor');
    assert.equal(
      editor.document.uri.path,
      workspaceUri('postmortems', '2025-06-03-disk-full.md').path,
    );
    await waitFor(
      'the cursor on the matched words',
      () => editor.selection.active.line > 0,
      vscode.window.onDidChangeTextEditorSelection,
    );
    const line = editor.document.lineAt(editor.selection.active.line).text;
    assert.match(line, /stale replication slot/i);
    assert.match(editor.document.getText(editor.selection), /^(stale|replication|slot)$/i);
  });
});
