import * as vscode from 'vscode';
import {
  decode,
  incidentDate,
  todayIso,
  type ActionItem,
  type Config,
  type Meta,
} from '@hindsight/core';
import type { Logger } from './log';
import type { Settings } from './settings';
import type { OutlineData } from './worker/protocol';

/** Reads a text's outline off the extension host's thread (LintService.outline); undefined when it could not. */
export type OutlineReader = (
  text: string,
  config: Config,
  today?: string,
) => Promise<OutlineData | undefined>;

/**
 * Where an action item is in its document, kept current through every edit made since it was read
 * (the offsets move with text inserted or removed before it). An edit that touches the item itself
 * marks it changed. This is the item's identity: a jump or toggle acts on this very item or refuses.
 */
export interface Anchor {
  start: number;
  end: number;
  /** The item's text as read, checked again before acting on it. */
  raw: string;
  /** Set once an edit touched the item (or the file was replaced): it is no longer what was shown. */
  changed: boolean;
}

/** Moves an anchor through one change (text replacing [from, to)); marks it changed if the change touches it. */
export function moveAnchor(anchor: Anchor, from: number, to: number, text: string): void {
  const insertion = from === to;
  if (to < anchor.start || (insertion && to === anchor.start && text.endsWith('\n'))) {
    anchor.start += text.length - (to - from);
    anchor.end += text.length - (to - from);
  } else if (from > anchor.end || (insertion && from === anchor.end && text.startsWith('\n'))) {
    // After the item: nothing moves.
  } else anchor.changed = true;
}

export type IndexedAction = ActionItem & { line: number; anchor: Anchor };

/** What the views need of one postmortem. */
export interface IndexedPostmortem {
  uri: vscode.Uri;
  title: string;
  date: string;
  meta: Meta;
  actions: IndexedAction[];
}

const FOLLOW_MS = 300;
/** Reads of a document whose anchors are still followed: the current one and those before it. */
const ANCHOR_GENERATIONS = 4;

/**
 * Every postmortem of the workspace, read once and kept current from file events, saves and the
 * open documents: unsaved edits show in the views after a short pause (debounced).
 */
export class LibraryIndex implements vscode.Disposable {
  private readonly entries = new Map<string, IndexedPostmortem>();
  /** Anchors still tracked per document: the current entry's and a few before (a view may lag a refresh). */
  private readonly anchors = new Map<string, Anchor[][]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private scanning: Promise<void> | undefined;
  /** Bumped when a file is removed, so a read that started before does not bring it back. */
  private readonly generation = new Map<string, number>();
  private reads = 0;
  /** Per document: the number of the last read started, and of the last one whose result was applied. */
  private readonly started = new Map<string, number>();
  private readonly applied = new Map<string, number>();
  /** Files deleted on disk: an editor may keep their text open for a while; they stay out of the views. */
  private readonly removed = new Set<string>();
  private readonly idle = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly settings: Settings,
    private readonly log: Logger,
    /** Parses in the lint worker: a hostile file held the host up to 0.9 s per read here. */
    readonly outline: OutlineReader,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      this.idle,
      watcher,
      watcher.onDidCreate((uri) => {
        this.removed.delete(uri.toString());
        void this.update(uri);
      }),
      watcher.onDidChange((uri) => {
        // An open document is followed through its edits; its file changing on disk is a save or a reload.
        if (!this.openDocument(uri)?.isDirty) void this.update(uri);
      }),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        this.removed.delete(d.uri.toString());
        void this.update(d.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      // Closed without saving: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.entries.has(d.uri.toString())) void this.update(d.uri);
      }),
      settings.onDidChange(() => void this.rescan()),
      { dispose: () => this.timers.forEach((t) => clearTimeout(t)) },
    );
  }

  /** Resolves once no edit is waiting to be followed and no file is being read (for tests and benchmarks). */
  whenIdle(): Promise<void> {
    if (!this.timers.size && !this.reads && !this.scanning) return Promise.resolve();
    return new Promise((resolve) => {
      const sub = this.idle.event(() => {
        if (this.timers.size || this.reads || this.scanning) return;
        sub.dispose();
        resolve();
      });
    });
  }

  list(): IndexedPostmortem[] {
    return [...this.entries.values()].sort(
      (a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title),
    );
  }

  get(uri: vscode.Uri): IndexedPostmortem | undefined {
    return this.entries.get(uri.toString());
  }

  /** Scans every postmortems folder, showing progress in the Action Items view. */
  rescan(): Promise<void> {
    this.scanning ??= Promise.resolve(
      vscode.window.withProgress(
        { location: { viewId: 'hindsight.actionItems' }, title: 'Reading postmortems' },
        async () => {
          // The entries shown stay until the scan is done (reads take a trip to the lint worker):
          // the views never show a half-read library; files no longer found go at the end.
          const before = new Set(this.entries.keys());
          this.removed.clear();
          if (this.settings.enabled) {
            for (const fc of this.settings.all()) {
              const files = await this.listFiles(fc.postmortems);
              for (const uri of files) before.delete(uri.toString());
              // Read in batches so a folder of thousands of files never blocks the extension host for long.
              for (let i = 0; i < files.length; i += 50) {
                await Promise.all(files.slice(i, i + 50).map((uri) => this.read(uri)));
                await new Promise((r) => setTimeout(r, 0));
              }
            }
          }
          for (const key of before) this.entries.delete(key);
          this.emitter.fire();
        },
      ),
    ).then(
      () => {
        this.scanning = undefined;
        this.idle.fire();
      },
      (e: unknown) => {
        this.scanning = undefined;
        this.log.error('Hindsight could not read the postmortems folder.', e);
      },
    );
    return this.scanning;
  }

  /**
   * The Markdown files under a folder, walked with vscode.workspace.fs: works on every file system
   * VS Code for the Web offers (github.dev, vscode.dev), where the search service may be missing.
   */
  private async listFiles(folder: vscode.Uri, depth = 0): Promise<vscode.Uri[]> {
    let children: [string, vscode.FileType][];
    try {
      children = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return [];
    }
    const files: vscode.Uri[] = [];
    for (const [name, type] of children) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const uri = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.Directory) {
        if (depth < 8) files.push(...(await this.listFiles(uri, depth + 1)));
      } else if (/\.(md|markdown)$/i.test(name)) files.push(uri);
    }
    return files;
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find(
      (d) => !d.isClosed && d.uri.toString() === uri.toString(),
    );
  }

  /** Moves the anchors of an edited document now, and re-reads it after a pause. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const generations = this.anchors.get(key);
    if (generations) {
      for (const change of e.contentChanges) {
        const from = change.rangeOffset;
        const to = from + change.rangeLength;
        for (const anchor of generations.flat())
          if (!anchor.changed) moveAnchor(anchor, from, to, change.text);
      }
    }
    if (!e.contentChanges.length || !this.settings.isPostmortem(e.document.uri)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(e.document.uri);
      }, FOLLOW_MS),
    );
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const fc = this.settings.isPostmortem(uri);
    const key = uri.toString();
    if (!fc) {
      this.entries.delete(key);
      return;
    }
    const generation = this.generation.get(key) ?? 0;
    // Reads of one file can overlap (a save, a file event and a rescan) and finish in any order:
    // the result of an older read never replaces that of a newer one.
    const ticket = (this.started.get(key) ?? 0) + 1;
    this.started.set(key, ticket);
    if (this.removed.has(key)) {
      this.entries.delete(key);
      return;
    }
    try {
      const open = this.openDocument(uri);
      let version = open?.version;
      let text = open?.getText();
      if (open && !open.isDirty) {
        // VS Code keeps a document's text for a while after its file is deleted, and a late file
        // event can ask for a read after that: a saved document is shown only while its file exists.
        try {
          await vscode.workspace.fs.stat(uri);
        } catch {
          this.entries.delete(key);
          return;
        }
        if ((this.generation.get(key) ?? 0) !== generation) return;
        version = open.version;
        text = open.getText();
      }
      if (text === undefined) {
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(uri);
        } catch {
          // Gone (deleted or renamed): nothing to show.
          this.entries.delete(key);
          return;
        }
        if ((this.generation.get(key) ?? 0) !== generation) return;
        const decoded = decode(bytes);
        if (!decoded.ok) {
          this.entries.delete(key);
          return;
        }
        text = decoded.text;
        // Offsets below are into the text without its BOM; the editor's text has none either.
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      // The view needs front matter, title and action items only: the outline parse is ten times faster.
      const pm = await this.outline(text, fc.config, todayIso());
      if (!pm) {
        this.log.error(
          `Hindsight could not read the action items of ${vscode.workspace.asRelativePath(uri)} in time.`,
        );
        return;
      }
      // Edited, closed or removed while the worker read it: the newer read (or the removal) wins;
      // the item offsets are into the text that was read.
      if ((this.generation.get(key) ?? 0) !== generation) return;
      if (open && (open.isClosed || open.version !== version)) return;
      if (ticket < (this.applied.get(key) ?? 0)) return;
      this.applied.set(key, ticket);
      const actions = pm.actions.map((a) => ({
        ...a,
        line: a.line - 1,
        anchor: { start: a.start, end: a.end, raw: text.slice(a.start, a.end), changed: false },
      }));
      // Reads finish a worker trip after they start, so several may land while a view still
      // shows an older one: its anchors are followed for a few reads more.
      const previous = (this.anchors.get(key) ?? []).slice(0, ANCHOR_GENERATIONS - 1);
      this.anchors.set(key, [actions.map((a) => a.anchor), ...previous]);
      this.entries.set(key, {
        uri,
        title: pm.title ?? vscode.workspace.asRelativePath(uri),
        date: incidentDate(pm) ?? '',
        meta: pm.meta,
        actions,
      });
    } catch (e) {
      this.log.error(`Hindsight could not read ${vscode.workspace.asRelativePath(uri)}.`, e);
    }
  }

  private async update(uri: vscode.Uri): Promise<void> {
    this.reads++;
    try {
      await this.read(uri);
    } finally {
      this.reads--;
    }
    this.emitter.fire();
    this.idle.fire();
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.removed.add(key);
    this.anchors
      .get(key)
      ?.flat()
      .forEach((a) => (a.changed = true));
    this.anchors.delete(key);
    if (this.entries.delete(key)) this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
