import * as vscode from 'vscode';
import { decode, incidentDate, parseOutline, todayIso, type ActionItem, type Meta } from '@hindsight/core';
import type { Logger } from './log';
import type { Settings } from './settings';

/** What the views need of one postmortem. */
export interface IndexedPostmortem {
  uri: vscode.Uri;
  title: string;
  date: string;
  meta: Meta;
  actions: (ActionItem & { line: number })[];
}

/**
 * Every postmortem of the workspace, read once and kept current from file events and saves.
 * Open documents are read from the editor, so the index follows unsaved edits after a save.
 */
export class LibraryIndex implements vscode.Disposable {
  private readonly entries = new Map<string, IndexedPostmortem>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private scanning: Promise<void> | undefined;
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly settings: Settings,
    private readonly log: Logger,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.update(uri)),
      watcher.onDidChange((uri) => void this.update(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.update(d.uri)),
      settings.onDidChange(() => void this.rescan()),
    );
  }

  list(): IndexedPostmortem[] {
    return [...this.entries.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  }

  get(uri: vscode.Uri): IndexedPostmortem | undefined {
    return this.entries.get(uri.toString());
  }

  /** Scans every postmortems folder, showing progress in the Action Items view. */
  rescan(): Promise<void> {
    this.scanning ??= Promise.resolve(
      vscode.window.withProgress({ location: { viewId: 'hindsight.actionItems' }, title: 'Reading postmortems' }, async () => {
        this.entries.clear();
        if (this.settings.enabled) {
          for (const fc of this.settings.all()) {
            const pattern = new vscode.RelativePattern(fc.postmortems, '**/*.{md,markdown}');
            const files = await vscode.workspace.findFiles(pattern, '**/node_modules/**');
            // Read in batches so a folder of thousands of files never blocks the extension host for long.
            for (let i = 0; i < files.length; i += 50) {
              await Promise.all(files.slice(i, i + 50).map((uri) => this.read(uri)));
              await new Promise((r) => setTimeout(r, 0));
            }
          }
        }
        this.emitter.fire();
      }),
    ).then(
      () => {
        this.scanning = undefined;
      },
      (e: unknown) => {
        this.scanning = undefined;
        this.log.error('Hindsight could not read the postmortems folder.', e);
      },
    );
    return this.scanning;
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const fc = this.settings.isPostmortem(uri);
    if (!fc) {
      this.entries.delete(uri.toString());
      return;
    }
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text = open?.getText();
      if (text === undefined) {
        const decoded = decode(await vscode.workspace.fs.readFile(uri));
        if (!decoded.ok) {
          this.entries.delete(uri.toString());
          return;
        }
        text = decoded.text;
      }
      // The view needs front matter, title and action items only: the outline parse is ten times faster.
      const pm = parseOutline(text, { config: fc.config, today: todayIso() });
      this.entries.set(uri.toString(), {
        uri,
        title: pm.title ?? vscode.workspace.asRelativePath(uri),
        date: incidentDate(pm) ?? '',
        meta: pm.meta,
        actions: pm.actions.map((a) => ({ ...a, line: pm.lines.position(a.start).line - 1 })),
      });
    } catch (e) {
      this.log.error(`Hindsight could not read ${vscode.workspace.asRelativePath(uri)}.`, e);
    }
  }

  private async update(uri: vscode.Uri): Promise<void> {
    await this.read(uri);
    this.emitter.fire();
  }

  private remove(uri: vscode.Uri): void {
    if (this.entries.delete(uri.toString())) this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
