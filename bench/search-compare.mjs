// Search quality and cost, Hindsight's engine beside MiniSearch 7.2 and Pagefind 1.6, on the same
// documents and queries. Not a test: it prints a Markdown table (and JSON with --json).
//
//   node bench/search-compare.mjs [--queries FILE] [--docs DIR]... [--sizes 1000,10000] [--json] [--write]
//
// Defaults: test/fixtures/search/queries.json over postmortems/ and test/fixtures/real-world/.
// A query file is a JSON list of { query, expect: [doc...], reject?: [doc...], typo? }; a document
// is named by its repository-relative path, its path inside a --docs folder, or its file name.
// --sizes also builds the site for generated libraries (bench/generate.mjs) and measures, in
// headless Chromium, what the first search downloads (gzip) and the p95 of a query. --write puts
// the tables in bench/RESULTS.md, in the section between the search-compare markers.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import MiniSearch from 'minisearch';
import * as pagefind from 'pagefind';
import { chromium } from 'playwright-core';
import chromiumOptions from '../test/chromium.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) =>
  args.flatMap((a, i) =>
    a === name ? [args[i + 1]] : a.startsWith(`${name}=`) ? [a.slice(name.length + 1)] : [],
  );
const queriesFile = path.resolve(root, opt('--queries')[0] ?? 'test/fixtures/search/queries.json');
const folders = (
  opt('--docs').length ? opt('--docs') : ['postmortems', 'test/fixtures/real-world']
).map((f) => path.resolve(root, f));
const sizes = (opt('--sizes')[0] ?? '').split(',').map(Number).filter(Boolean);
/** Node 24 from the `node` dev dependency: Astro needs it; the machine's Node may be older. */
const node = existsSync(path.join(root, 'node_modules/.bin/node'))
  ? path.join(root, 'node_modules/.bin/node')
  : process.execPath;
const log = (s) => process.stderr.write(`${s}\n`);
const quantile = (a, p) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))];
const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);

/** The core, bundled for node (it is TypeScript). */
async function loadCore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-search-compare-'));
  const out = path.join(dir, 'core.mjs');
  await build({
    stdin: { contents: "export * from '@hindsight/core';", resolveDir: root, loader: 'ts' },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const core = await import(pathToFileURL(out).href);
  rmSync(dir, { recursive: true, force: true });
  return core;
}
const core = await loadCore();

/** Every Markdown file of the folders, read by the core as the site and the editor read them. */
function readDocs() {
  const docs = [];
  for (const folder of folders) {
    for (const f of readdirSync(folder).sort()) {
      if (!/\.(md|markdown)$/i.test(f) || /^readme\.md$/i.test(f)) continue;
      const file = path.join(folder, f);
      const pm = core.parsePostmortem(readFileSync(file, 'utf8'), {
        config: core.defaultConfig,
        today: '2026-11-30',
      });
      const rel = path.relative(root, file).split(path.sep).join('/');
      const doc = core.searchDocument(pm, rel, core.defaultConfig);
      docs.push({
        doc,
        names: new Set([rel, path.relative(folder, file), f, f.replace(/\.(md|markdown)$/i, '')]),
      });
    }
  }
  return docs;
}

const docs = readDocs();
// A list of queries, or an object holding one under 'queries' (the held-out set's shape).
const parsedQueries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const queries = Array.isArray(parsedQueries) ? parsedQueries : parsedQueries.queries;
const idOf = (name) => docs.find((d) => d.names.has(name))?.doc.id;
for (const q of queries)
  for (const n of [...q.expect, ...(q.reject ?? [])])
    if (!idOf(n)) log(`warning: ${q.query}: no document named ${n}`);

/** recall@5 (share of expected documents in the top 5), MRR of the first expected one, result counts. */
function score(name, run) {
  const rows = { name };
  for (const variant of ['query', 'typo']) {
    const list = queries.filter((q) => q[variant]);
    let recall = 0;
    let rr = 0;
    let empty = 0;
    let wrong = 0;
    const counts = [];
    const times = [];
    for (const q of list) {
      const t0 = performance.now();
      const ids = run(q[variant]);
      times.push(performance.now() - t0);
      counts.push(ids.length);
      if (!ids.length) empty++;
      const expected = q.expect.map(idOf);
      const top = ids.slice(0, 5);
      recall += expected.filter((id) => top.includes(id)).length / expected.length;
      const rank = ids.findIndex((id) => expected.includes(id));
      rr += rank >= 0 ? 1 / (rank + 1) : 0;
      wrong += (q.reject ?? []).map(idOf).filter((id) => top.includes(id)).length;
    }
    rows[variant] = {
      recall: recall / list.length,
      mrr: rr / list.length,
      meanResults: mean(counts),
      empty,
      wrong,
      queries: list.length,
      p95ms: quantile(times, 0.95),
    };
  }
  return rows;
}

function hindsight(list) {
  const engine = core.createSearchEngine(
    core.buildSearchIndex(
      list.map((d) => d.doc),
      { config: core.defaultConfig },
    ),
  );
  return (q) => {
    const r = engine.searchSync(q);
    return engine.documentsSync(r.hits.map((h) => h.doc)).map((d) => d.id);
  };
}

/** MiniSearch 7.2 over the same text: full text, prefix and fuzzy 0.2, as its documentation suggests. */
function minisearch(list) {
  const ms = new MiniSearch({ fields: ['title', 'text'], idField: 'id' });
  ms.addAll(
    list.map(({ doc }) => ({
      id: doc.id,
      title: doc.title,
      text: doc.parts.map((p) => p.text).join('\n'),
    })),
  );
  return { ms, run: (q) => ms.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => r.id) };
}

const escape = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
/** One HTML page per document: the text Hindsight and MiniSearch index, as a site would show it. */
const page = (doc) =>
  `<!doctype html><html lang="en"><head><title>${escape(doc.title)}</title></head><body><main data-pagefind-body><h1>${escape(doc.title)}</h1>${doc.parts
    .filter((p) => p.label !== 'Title')
    .map(
      (p) =>
        `<h2>${escape(p.label)}</h2>${p.text
          .split('\n')
          .map((l) => `<p>${escape(l)}</p>`)
          .join('')}`,
    )
    .join('')}</main></body></html>`;

/** A static file server on 127.0.0.1 for a folder; counts the gzip bytes of what it serves. */
async function serve(dir) {
  const served = [];
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dir, url);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type =
      {
        '.html': 'text/html',
        '.js': 'text/javascript',
        '.mjs': 'text/javascript',
        '.json': 'application/json',
        '.css': 'text/css',
        '.wasm': 'application/wasm',
      }[path.extname(file)] ?? 'application/octet-stream';
    served.push(file);
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    served,
    close: () => new Promise((r) => server.close(r)),
  };
}
/** Bytes of the files as a server would send them gzip-compressed (Pagefind's files are compressed already). */
const gzBytes = (files) =>
  files.reduce(
    (n, f) => n + (/\.pf_/.test(f) ? statSync(f).size : gzipSync(readFileSync(f)).length),
    0,
  );

/** Pagefind 1.6: its node API indexes one page per document; queries run in Chromium through pagefind.js. */
async function pagefindSite(list, browser) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-pagefind-'));
  const { index } = await pagefind.createIndex({});
  for (const [i, { doc }] of list.entries())
    await index.addHTMLFile({ url: `/d/${i}/`, content: page(doc) });
  await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body></body></html>');
  const server = await serve(dir);
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/`);
  await tab.evaluate(async () => {
    window.pf = await import('/pagefind/pagefind.js');
    await window.pf.init();
  });
  const search = async (q) =>
    tab.evaluate(async (q) => {
      const t0 = performance.now();
      const r = await window.pf.search(q);
      const top = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
      return { ms: performance.now() - t0, count: r.results.length, urls: top.map((d) => d.url) };
    }, q);
  const bundle = readdirSync(path.join(dir, 'pagefind'), { recursive: true })
    .map((f) => path.join(dir, 'pagefind', f))
    .filter((f) => statSync(f).isFile());
  return {
    search,
    server,
    bundleBytes: gzBytes(bundle),
    close: async () => {
      await tab.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const browser = await chromium.launch(chromiumOptions);
const results = [];
results.push(score('Hindsight (core engine)', hindsight(docs)));
const mini = minisearch(docs);
results.push(score('MiniSearch 7.2 (full text, prefix, fuzzy 0.2)', mini.run));
{
  const pf = await pagefindSite(docs, browser);
  const cache = new Map();
  for (const q of queries)
    for (const v of [q.query, q.typo].filter(Boolean)) cache.set(v, await pf.search(v));
  const byUrl = (u) => docs[Number(/\/d\/(\d+)\//.exec(u)?.[1])]?.doc.id;
  const row = score('Pagefind 1.6 (one page per document)', (q) => {
    const r = cache.get(q);
    // Pagefind returns ids for every hit but data only for those asked for: the top 5 here.
    return [...r.urls.map(byUrl), ...Array(Math.max(0, r.count - r.urls.length)).fill('?')];
  });
  for (const v of ['query', 'typo'])
    row[v].p95ms = quantile(
      queries.filter((q) => q[v]).map((q) => cache.get(q[v]).ms),
      0.95,
    );
  results.push(row);
  await pf.close();
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const lines = [
  `Queries: ${path.relative(root, queriesFile)} (${queries.length}); documents: ${folders.map((f) => path.relative(root, f) || '.').join(', ')} (${docs.length}).`,
  '',
  '| engine | recall@5 | recall@5, one typo | MRR | MRR, one typo | mean results | queries with no result | must-not in top 5 |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${pct(r.query.recall)} | ${pct(r.typo.recall)} | ${r.query.mrr.toFixed(3)} | ${r.typo.mrr.toFixed(3)} | ${r.query.meanResults.toFixed(1)} | ${r.query.empty} of ${r.query.queries} | ${r.query.wrong} |`,
  ),
];

/** Site-scale costs: generated libraries of N postmortems. */
const scale = [];
for (const n of sizes) {
  const lib = path.join(root, 'bench/.data', `lib-${n}`, 'postmortems');
  if (!existsSync(lib))
    spawnSync(process.execPath, [path.join(root, 'bench/generate.mjs'), String(n)], {
      stdio: 'inherit',
    });
  const out = mkdtempSync(path.join(tmpdir(), 'hindsight-search-site-'));
  const t0 = performance.now();
  const b = spawnSync(
    node,
    [
      path.join(root, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--root',
      'site',
      '--outDir',
      out,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        HINDSIGHT_POSTMORTEMS: lib,
        ASTRO_TELEMETRY_DISABLED: '1',
        HINDSIGHT_TODAY: '2026-11-24',
      },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const buildS = (performance.now() - t0) / 1000;
  if (b.status !== 0) {
    log(b.stderr.slice(-3000));
    throw new Error(`astro build of ${n} failed`);
  }
  const parts = [
    path.join(out, 'search-index.json'),
    ...readdirSync(path.join(out, 'search-index'), { recursive: true }).map((f) =>
      path.join(out, 'search-index', f),
    ),
  ].filter((f) => statSync(f).isFile());
  const server = await serve(out);
  const tab = await browser.newPage();
  const probe = [
    'database failover',
    'certificate expiry',
    'retry storm',
    'cache stampede',
    'dns resolvers',
    'deploy rollback',
    'queue backlog',
    'certifcate',
    'databse',
    'payment provider',
  ];
  const firstBytes = [];
  for (const q of probe) {
    // A fresh page and cache per probe: what the first search of a visitor downloads.
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(`${server.url}/search/`);
    await p.waitForFunction(() =>
      /found|match/.test(document.getElementById('search-status')?.textContent ?? ''),
    );
    await p.fill('#search-q', q);
    await p.waitForFunction(
      (q) =>
        new URL(location.href).searchParams.get('q') === q &&
        /found|match/.test(document.getElementById('search-status')?.textContent ?? ''),
      q,
    );
    await p.waitForLoadState('networkidle');
    // The manifest and the page's script were fetched with the page (the empty query lists everything), so count them too.
    const fetched = new Set(
      server.served.filter(
        (f) => f.includes(`${path.sep}search-index`) || f.includes(`${path.sep}_astro${path.sep}`),
      ),
    );
    firstBytes.push(gzBytes([...fetched]));
    await ctx.close();
    server.served.length = 0;
  }
  await tab.goto(`${server.url}/search/`);
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (const q of probe) {
      await tab.evaluate(() => performance.clearMeasures('hindsight-search'));
      await tab.fill('#search-q', q);
      await tab.waitForFunction(
        () => performance.getEntriesByName('hindsight-search').length > 0,
        null,
        { timeout: 60_000 },
      );
      if (round > 0)
        times.push(
          await tab.evaluate(() => performance.getEntriesByName('hindsight-search')[0].duration),
        );
    }
  }
  await tab.close();
  await server.close();
  // The same library for the peers: MiniSearch's whole index, Pagefind's bundle and its first search.
  const generated = readdirSync(lib)
    .sort()
    .map((f) => ({
      doc: core.searchDocument(
        core.parsePostmortem(readFileSync(path.join(lib, f), 'utf8'), {
          config: core.defaultConfig,
        }),
        f,
        core.defaultConfig,
      ),
    }));
  const tb = performance.now();
  core.buildSearchIndex(
    generated.map((d) => d.doc),
    { config: core.defaultConfig },
  );
  const indexS = (performance.now() - tb) / 1000;
  const ms = minisearch(generated).ms;
  const msBytes = gzipSync(JSON.stringify(ms)).length;
  const pf = await pagefindSite(generated, browser);
  const pfTimes = [];
  for (let round = 0; round < 3; round++) {
    for (const q of probe) {
      const { ms: took } = await pf.search(q);
      if (round > 0) pfTimes.push(took);
    }
  }
  const pfFirst = [];
  for (const q of probe) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    pf.server.served.length = 0;
    await p.goto(`${pf.server.url}/`);
    await p.evaluate(async (q) => {
      const m = await import('/pagefind/pagefind.js');
      const r = await m.search(q);
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    }, q);
    pfFirst.push(
      gzBytes(pf.server.served.filter((f) => f.includes(`${path.sep}pagefind${path.sep}`))),
    );
    await ctx.close();
  }
  await pf.close();
  scale.push({
    n,
    buildS,
    indexS,
    totalKb: gzBytes(parts) / 1024,
    files: parts.length,
    firstMedianKb: quantile(firstBytes, 0.5) / 1024,
    firstMaxKb: Math.max(...firstBytes) / 1024,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    msKb: msBytes / 1024,
    pfBundleKb: pf.bundleBytes / 1024,
    pfFirstMaxKb: Math.max(...pfFirst) / 1024,
    pfP95: quantile(pfTimes, 0.95),
  });
  log(`size ${n}: ${JSON.stringify(scale.at(-1))}`);
  rmSync(out, { recursive: true, force: true });
}
await browser.close();
if (scale.length) {
  const kb = (x) => `${x.toFixed(0)} KB`;
  lines.push(
    '',
    'Generated libraries (bench/generate.mjs); sizes are gzip; "first search" is everything a new visitor downloads for the search page and one query, script included (median and worst of 10 queries); p95 of a query in headless Chromium after a warm-up round:',
    '',
    '| postmortems | Hindsight: whole index (files) | first search, median / worst | query p50 / p95 | index build in node | MiniSearch: whole index | Pagefind: bundle | Pagefind: first search, worst | Pagefind: query p95 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scale.map(
      (s) =>
        `| ${s.n} | ${kb(s.totalKb)} (${s.files}) | ${kb(s.firstMedianKb)} / ${kb(s.firstMaxKb)} | ${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms | ${s.indexS.toFixed(1)} s | ${kb(s.msKb)} | ${kb(s.pfBundleKb)} | ${kb(s.pfFirstMaxKb)} | ${s.pfP95.toFixed(1)} ms |`,
    ),
  );
}
await pagefind.close();
if (args.includes('--json'))
  process.stdout.write(`${JSON.stringify({ results, scale }, null, 1)}\n`);
else process.stdout.write(`${lines.join('\n')}\n`);
if (args.includes('--write')) {
  const file = path.join(root, 'bench/RESULTS.md');
  const [begin, end] = ['<!-- search-compare: begin -->', '<!-- search-compare: end -->'];
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const section = [
    begin,
    '## 10. Search: relevance and size beside MiniSearch and Pagefind (issue 15)',
    '',
    `Generated by \`node bench/search-compare.mjs${sizes.length ? ` --sizes ${sizes.join(',')}` : ''} --write\` on ${new Date().toISOString().slice(0, 10)} (load average at the end: ${load}; other jobs shared the 2 cores, so times are pessimistic). Recall@5 is the share of a query's expected postmortems in the top 5, MRR the mean reciprocal rank of the first expected one; Pagefind indexes one HTML page per document with the same text (the site leaves out files with lint errors, and most real-style fixtures have some).`,
    '',
    ...lines,
    end,
  ].join('\n');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(begin);
  writeFileSync(
    file,
    at >= 0
      ? text.slice(0, at) + section + text.slice(text.indexOf(end) + end.length)
      : `${text.trimEnd()}\n\n${section}\n`,
  );
}
