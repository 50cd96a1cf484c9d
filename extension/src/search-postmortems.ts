import * as vscode from 'vscode';
import {
  buildSearchIndex,
  createSearchEngine,
  decode,
  describeMatch,
  escapeRegExp,
  parsePostmortem,
  searchDocument,
  type Config,
  type FacetName,
  type Postmortem,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchResults,
} from '@hindsight/core';
import type { Logger } from './log';
import type { FolderConfig, Settings } from './settings';

/** Results shown at most: a query with no words lists the whole library, newest first. */
const MAX_ITEMS = 200;
/** Milliseconds between the last keystroke and the search. */
const DEBOUNCE = 120;
/** Files read at once while indexing. */
const BATCH = 50;

/** One result as the Quick Pick shows it and as the command returns it (plain data). */
export interface SearchPostmortemItem {
  title: string;
  /** The file, as a URI string. */
  uri: string;
  /** Where choosing it opens: 0-based line and character range of the first matched word. */
  line: number;
  start: number;
  end: number;
  /** Snippet of the matched text, or where it matched. */
  description: string;
  /** Root-cause label · severity · date · services. */
  detail: string;
  /** Whether it matched every word of the query (partial matches come after, under a separator). */
  complete: boolean;
}

/** What `hindsight.searchPostmortems` resolves to once the first results are shown. */
export interface SearchPostmortemsShown {
  query: string;
  items: SearchPostmortemItem[];
  total: number;
  message?: string;
}

/** Filter words in the query: `cause:capacity service:checkout severity:SEV1 year:2024 contributing:config-change`. */
const FILTER_WORDS: Record<string, FacetName> = {
  cause: 'category',
  category: 'category',
  root_cause: 'category',
  contributing: 'contributing',
  severity: 'severity',
  sev: 'severity',
  service: 'service',
  year: 'year',
};
const FILTER_NAMES: Record<FacetName, string> = {
  category: 'root cause',
  contributing: 'contributing cause',
  severity: 'severity',
  service: 'service',
  year: 'year',
};
const FILTER_TOKEN =
  /(^|\s)(cause|category|root_cause|contributing|severity|sev|service|year):("[^"]*"?|\S*)/gi;

/** Front-matter keys of the searchDocument part labels, to open a postmortem at the field that matched. */
const FIELD_KEYS: Record<string, string> = {
  'Root-cause category': 'root_cause',
  'Contributing causes': 'contributing',
  Trigger: 'trigger',
  Services: 'services',
  Severity: 'severity',
  Tags: 'tags',
  Impact: 'impact',
  Authors: 'authors',
};

interface Indexed {
  uri: vscode.Uri;
  doc: SearchDocument;
  pm: Postmortem;
}

/**
 * The library's search: the core's engine (the very buildSearchIndex and search the site uses)
 * over every postmortem of the workspace, read through vscode.workspace.fs so it works in VS Code
 * for the Web too. Built on first use; a changed file is re-read alone and the index rebuilt on
 * the next search.
 */
export class PostmortemSearch implements vscode.Disposable {
  private readonly files = new Map<string, Indexed>();
  private scanned = false;
  /** Files changed while the library was being read. */
  private readonly pending = new Set<string>();
  private scanning: Promise<boolean> | undefined;
  private scanCancel: vscode.CancellationTokenSource | undefined;
  private engine: { engine: SearchEngine; byId: Map<string, Indexed> } | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires when the library changed after it was indexed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly settings: Settings,
    private readonly log: Logger,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    const changed = (uri: vscode.Uri) => {
      // A change while the library is read: read that file again after the scan (it may have read the old one).
      if (this.scanning) this.pending.add(uri.toString());
      else if (this.scanned) void this.reread(uri);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidSaveTextDocument((d) => changed(d.uri)),
      settings.onDidChange(() => {
        // Another postmortems folder or taxonomy: everything is read again on the next search.
        this.scanCancel?.cancel();
        this.scanned = false;
        this.files.clear();
        this.pending.clear();
        this.invalidate();
      }),
    );
  }

  private invalidate(): void {
    this.engine = undefined;
    this.emitter.fire();
  }

  private folderConfig(): Config | undefined {
    return this.settings.all()[0]?.config;
  }

  /** Reads every postmortem (in batches, cancellable); false when cancelled. */
  private scan(): Promise<boolean> {
    if (this.scanned) return Promise.resolve(true);
    this.scanning ??= (async () => {
      // Right after activation the settings may still be loading: wait for them (not cancellable by their own change event).
      if (!this.settings.all().length && vscode.workspace.workspaceFolders?.length) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => done(), 10_000);
          const sub = this.settings.onDidChange(() => done());
          const done = () => {
            clearTimeout(timer);
            sub.dispose();
            resolve();
          };
        });
      }
      const source = new vscode.CancellationTokenSource();
      this.scanCancel = source;
      try {
        const found = new Map<string, Indexed>();
        for (const fc of this.settings.all()) {
          const pattern = new vscode.RelativePattern(fc.postmortems, '**/*.{md,markdown}');
          const uris = (
            await vscode.workspace.findFiles(pattern, '**/node_modules/**', undefined, source.token)
          ).filter((u) => this.settings.isPostmortem(u));
          for (let i = 0; i < uris.length; i += BATCH) {
            if (source.token.isCancellationRequested) return false;
            const read = await Promise.all(uris.slice(i, i + BATCH).map((u) => this.read(u, fc)));
            for (const r of read) if (r) found.set(r.uri.toString(), r);
            await new Promise((r) => setTimeout(r, 0));
          }
        }
        if (source.token.isCancellationRequested) return false;
        this.files.clear();
        for (const [k, v] of found) this.files.set(k, v);
        for (const k of this.pending) await this.reread(vscode.Uri.parse(k), false);
        this.pending.clear();
        this.scanned = true;
        this.engine = undefined;
        return true;
      } finally {
        source.dispose();
        if (this.scanCancel === source) this.scanCancel = undefined;
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }

  /** One postmortem as a search document; undefined when it is not one or cannot be read. */
  private async read(uri: vscode.Uri, fc: FolderConfig): Promise<Indexed | undefined> {
    try {
      const decoded = decode(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) return undefined;
      const pm = parsePostmortem(decoded.text, { config: fc.config });
      // The id orders equal results (by date, title, id) as the site's slug does.
      const base = fc.postmortems.path.replace(/\/$/, '') + '/';
      const id = uri.path.startsWith(base)
        ? uri.path.slice(base.length).replace(/\.(md|markdown)$/i, '')
        : uri.path;
      return { uri, pm, doc: searchDocument(pm, id, fc.config) };
    } catch (e) {
      this.log.error(
        `Hindsight could not index ${vscode.workspace.asRelativePath(uri)} for search.`,
        e,
      );
      return undefined;
    }
  }

  /** Reads one changed, created or deleted file again. */
  private async reread(uri: vscode.Uri, notify = true): Promise<void> {
    const fc = this.settings.isPostmortem(uri);
    let exists = true;
    await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => (exists = false));
    const had = this.files.delete(uri.toString());
    const entry = fc && exists ? await this.read(uri, fc) : undefined;
    if (entry) this.files.set(uri.toString(), entry);
    if ((entry || had) && notify) this.invalidate();
  }

  /** The engine over the current library, indexing it first when needed; undefined when cancelled. */
  async open(): Promise<{ engine: SearchEngine; byId: Map<string, Indexed> } | undefined> {
    for (let tries = 0; tries < 3; tries++) {
      if (!(await this.scan())) continue;
      if (!this.engine) {
        const list = [...this.files.values()];
        const engine = createSearchEngine(
          buildSearchIndex(
            list.map((f) => f.doc),
            { config: this.folderConfig() },
          ),
        );
        this.engine = { engine, byId: new Map(list.map((f) => [f.doc.id, f])) };
      }
      return this.engine;
    }
    return undefined;
  }

  /** Runs a query (words and filter words) the way the Quick Pick does. */
  async query(text: string): Promise<{
    items: SearchPostmortemItem[];
    results?: SearchResults;
    total: number;
    message?: string;
  }> {
    const opened = await this.open();
    if (!opened) return { items: [], total: 0, message: 'Indexing was interrupted; try again.' };
    const { engine, byId } = opened;
    const { words, filters, unknown } = parseFilters(text, engine);
    if (unknown.length) return { items: [], total: 0, message: unknown.join(' ') };
    const results = engine.searchSync(words, { filters });
    const hits = results.hits.slice(0, MAX_ITEMS);
    const docs = engine.documentsSync(hits.map((h) => h.doc));
    const labels = new Map(engine.manifest.categories.map((c) => [c.id, c.label]));
    const items = hits.map((hit, i): SearchPostmortemItem => {
      const doc = docs[i]!;
      const entry = byId.get(doc.id)!;
      const match = results.terms.length ? describeMatch(doc, results.terms) : { matchedIn: [] };
      const place = locate(
        entry.pm,
        match.snippet?.label ?? match.matchedIn[0] ?? 'Title',
        match.snippet ? match.snippet.marks.map(([a, b]) => match.snippet!.text.slice(a, b)) : [],
      );
      const description = match.snippet
        ? `${match.snippet.label}: ${match.snippet.text}`
        : match.matchedIn.length
          ? `Matched in ${match.matchedIn.join(', ')}`
          : '';
      return {
        title: doc.title,
        uri: entry.uri.toString(),
        ...place,
        description,
        detail: [
          labels.get(doc.category) ?? (doc.category || 'No root cause'),
          doc.severity,
          doc.date,
          doc.services.join(', '),
        ]
          .filter(Boolean)
          .join(' · '),
        complete: results.words === 0 || hit.matched === results.words,
      };
    });
    let message: string | undefined;
    if (!results.hits.length) {
      const ways = results.suggestions.map((s) =>
        s.kind === 'spelling'
          ? `search for “${s.query}”`
          : s.kind === 'category'
            ? `try cause:${s.id} (${s.label})`
            : `remove ${FILTER_NAMES[s.filter]} “${s.value}” (${s.count} found)`,
      );
      message = `No postmortems match.${ways.length ? ` Maybe ${ways.join('; ')}.` : ''}`;
    }
    return { items, results, total: results.hits.length, ...(message ? { message } : {}) };
  }

  dispose(): void {
    this.scanCancel?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

/** Takes the filter words out of a query, resolving their values case-insensitively (labels too). */
function parseFilters(
  text: string,
  engine: SearchEngine,
): { words: string; filters: SearchFilters; unknown: string[] } {
  const filters: SearchFilters = {};
  const unknown: string[] = [];
  const m = engine.manifest;
  const words = text.replace(FILTER_TOKEN, (_all, lead: string, name: string, raw: string) => {
    const facet = FILTER_WORDS[name.toLowerCase()]!;
    const value = raw.replace(/^"|"$/g, '').trim();
    if (!value) return lead;
    const known =
      facet === 'category' || facet === 'contributing'
        ? m.categories.map((c) => ({ value: c.id, names: [c.id, c.label] }))
        : (facet === 'severity'
            ? m.values.severity
            : facet === 'service'
              ? m.values.service
              : m.values.year
          ).map((v) => ({ value: v, names: [v] }));
    const v = value.toLowerCase();
    // An exact value or label, else the one value it begins (so "cause:cap" works while typing).
    const starting = known.filter((k) => k.names.some((n) => n.toLowerCase().startsWith(v)));
    const found =
      known.find((k) => k.names.some((n) => n.toLowerCase() === v)) ??
      (starting.length === 1 ? starting[0] : undefined);
    if (found) filters[facet] = found.value;
    else {
      const list = (starting.length ? starting : known).map((k) => k.value);
      unknown.push(
        `No ${FILTER_NAMES[facet]} “${value}” in the library; ${starting.length ? 'did you mean' : 'known'}: ${list.slice(0, 20).join(', ') || 'none'}${list.length > 20 ? ', …' : ''}.`,
      );
    }
    return lead;
  });
  return { words: words.trim(), filters, unknown };
}

/** The line and range to open a postmortem at: the first matched word in the part that matched, else that part's first line. */
function locate(
  pm: Postmortem,
  label: string,
  words: string[],
): { line: number; start: number; end: number } {
  const text = pm.text;
  let from = 0;
  let to = text.length;
  const fmEnd = frontMatterEnd(text);
  const key = FIELD_KEYS[label];
  const titleAt = /^#[ \t]+\S/m.exec(text.slice(fmEnd));
  if (label === 'Title') {
    if (titleAt) from = to = fmEnd + titleAt.index;
    else from = to = Math.max(0, text.search(/^title:/m));
  } else if (key) {
    const at = new RegExp(`^${key}:`, 'm').exec(text.slice(0, fmEnd));
    if (at) {
      from = at.index;
      const next = /\n\S/.exec(text.slice(from + 1));
      to = next ? from + 1 + next.index : fmEnd;
    }
  } else {
    const section = pm.sections.find((s) => s.heading.trim() === label);
    if (section) {
      from = section.start;
      to = section.end;
    } else if (label === 'Introduction') {
      from = titleAt ? fmEnd + titleAt.index : fmEnd;
      to = pm.sections[0]?.start ?? text.length;
    }
  }
  let best: { at: number; len: number } | undefined;
  const slice = text.slice(from, to);
  for (const w of new Set(words.map((x) => x.toLowerCase()))) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu');
    const hit = re.exec(slice);
    if (hit && (!best || hit.index < best.at)) best = { at: hit.index, len: hit[0].length };
  }
  const offset = from + (best?.at ?? 0);
  const pos = pm.lines.position(offset);
  return { line: pos.line - 1, start: pos.column - 1, end: pos.column - 1 + (best?.len ?? 0) };
}

function frontMatterEnd(text: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}

interface PickItem extends vscode.QuickPickItem {
  result?: SearchPostmortemItem;
}

/** Registers "Hindsight: Search Past Postmortems". */
export function registerSearchPostmortems(
  context: vscode.ExtensionContext,
  settings: Settings,
  log: Logger,
): PostmortemSearch {
  const search = new PostmortemSearch(settings, log);
  context.subscriptions.push(
    search,
    vscode.commands.registerCommand('hindsight.searchPostmortems', (args?: { query?: string }) =>
      showSearch(search, args?.query ?? ''),
    ),
  );
  return search;
}

const causeButton: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('filter'),
  tooltip: 'Filter by root cause',
};
const serviceButton: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('server'),
  tooltip: 'Filter by service',
};

/**
 * Shows the Quick Pick; resolves with the first results shown (what tests and other commands can
 * read) while the pick stays open for the user.
 */
function showSearch(search: PostmortemSearch, initial: string): Promise<SearchPostmortemsShown> {
  const qp = vscode.window.createQuickPick<PickItem>();
  qp.title = 'Search Past Postmortems';
  qp.placeholder =
    'Words, "a phrase", a root cause or a service; filter with cause:… service:… severity:… year:…';
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  // The engine ranks: the Quick Pick must neither filter nor re-sort by label.
  (qp as unknown as { sortByLabel: boolean }).sortByLabel = false;
  qp.buttons = [causeButton, serviceButton];
  qp.value = initial;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: SearchResults | undefined;
  let switching = false;
  let firstShown: ((shown: SearchPostmortemsShown) => void) | undefined;
  const first = new Promise<SearchPostmortemsShown>((resolve) => (firstShown = resolve));

  const refresh = async () => {
    const mine = ++generation;
    const query = qp.value;
    qp.busy = true;
    let out: Awaited<ReturnType<PostmortemSearch['query']>>;
    try {
      out = await search.query(query);
    } catch (e) {
      out = { items: [], total: 0, message: `Search failed: ${(e as Error).message}` };
    }
    if (mine !== generation) return;
    qp.busy = false;
    last = out.results;
    const items: PickItem[] = [];
    out.items.forEach((r, i) => {
      if (!r.complete && (i === 0 || out.items[i - 1]!.complete))
        items.push({
          label: 'Matching some of the words',
          kind: vscode.QuickPickItemKind.Separator,
        });
      items.push({
        label: r.title,
        description: r.description,
        detail: r.detail,
        alwaysShow: true,
        result: r,
      });
    });
    if (out.message) items.push({ label: `$(info) ${out.message}`, alwaysShow: true });
    else if (out.total > out.items.length)
      items.push({
        label: `$(info) ${out.total - out.items.length} more: add words or a filter to narrow`,
        alwaysShow: true,
      });
    qp.items = items;
    qp.title = out.total
      ? `Search Past Postmortems: ${out.total} found`
      : 'Search Past Postmortems';
    firstShown?.({
      query,
      items: out.items,
      total: out.total,
      ...(out.message ? { message: out.message } : {}),
    });
    firstShown = undefined;
  };

  const pickFilter = async (facet: 'category' | 'service') => {
    const counts = last?.facets[facet] ?? [];
    const opened = await search.open();
    const labels = new Map(opened?.engine.manifest.categories.map((c) => [c.id, c.label]) ?? []);
    const word = facet === 'category' ? 'cause' : 'service';
    switching = true;
    const chosen = await vscode.window.showQuickPick(
      [
        { label: 'Any', value: '' },
        ...counts.map((c) => ({
          label: facet === 'category' ? (labels.get(c.value) ?? c.value) : c.value,
          description: `${c.count}`,
          value: c.value,
        })),
      ],
      {
        title: `Filter by ${FILTER_NAMES[facet]}`,
        placeHolder: `Postmortems per ${FILTER_NAMES[facet]} for “${qp.value}”`,
      },
    );
    switching = false;
    if (chosen) {
      const rest = qp.value
        .replace(
          new RegExp(
            `(^|\\s)${facet === 'category' ? '(cause|category|root_cause)' : 'service'}:("[^"]*"?|\\S*)`,
            'gi',
          ),
          '',
        )
        .trim();
      qp.value = [rest, chosen.value ? `${word}:${chosen.value}` : ''].filter(Boolean).join(' ');
    }
    qp.show();
    void refresh();
  };

  const changed = search.onDidChange(() => void refresh());
  qp.onDidChangeValue(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE);
  });
  qp.onDidTriggerButton((b) => void pickFilter(b === causeButton ? 'category' : 'service'));
  qp.onDidAccept(async () => {
    const result = qp.selectedItems[0]?.result;
    if (!result) return;
    qp.hide();
    const uri = vscode.Uri.parse(result.uri);
    const range = new vscode.Range(result.line, result.start, result.line, result.end);
    const editor = await vscode.window.showTextDocument(uri, { preview: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
  qp.onDidHide(() => {
    if (switching) return;
    clearTimeout(timer);
    generation++;
    changed.dispose();
    qp.dispose();
    firstShown?.({
      query: qp.value,
      items: [],
      total: 0,
      message: 'Closed before results were shown.',
    });
  });
  qp.show();
  void refresh();
  return first;
}
