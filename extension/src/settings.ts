import * as vscode from 'vscode';
import {
  CONFIG_FILE,
  defaultConfig,
  isPostmortemFile,
  parseConfig,
  RULE_LEVELS,
  type Config,
  type RuleLevel,
} from '@hindsight/core';
import type { Logger } from './log';

/** The configuration in force for one workspace folder. */
export interface FolderConfig {
  folder: vscode.WorkspaceFolder;
  config: Config;
  /** The postmortems folder. */
  postmortems: vscode.Uri;
}

/**
 * Reads hindsight.json of each workspace folder (plain JSON: nothing from the workspace runs),
 * applies the hindsight.* settings over it, and reloads when either changes. A broken config
 * file gives one clear notification and the defaults, never a broken extension.
 */
export class Settings implements vscode.Disposable {
  private folders = new Map<string, FolderConfig>();
  private reloads = 0;
  private latestReload: Promise<void> = Promise.resolve();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private reported = new Set<string>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const reload = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hindsight')) reload();
      }),
    );
  }

  get enabled(): boolean {
    return vscode.workspace.getConfiguration('hindsight').get<boolean>('enable', true);
  }

  get validateOnType(): boolean {
    return vscode.workspace.getConfiguration('hindsight').get<boolean>('validateOnType', true);
  }

  /** The writer's own name (`hindsight.me`, without @, lower case), for "mine" in the view and status bar. */
  get me(): string | undefined {
    const me = vscode.workspace
      .getConfiguration('hindsight')
      .get<string>('me', '')
      .trim()
      .replace(/^@/, '')
      .toLowerCase();
    return me || undefined;
  }

  /** What the status bar counts: every item, the writer's own, or nothing (hidden). */
  get statusBar(): 'all' | 'mine' | 'off' {
    const v = vscode.workspace.getConfiguration('hindsight').get<string>('statusBar', 'all');
    return v === 'mine' || v === 'off' ? v : 'all';
  }

  /** Overdue items count in the status bar only for postmortems of the last N months (0: all). */
  get overdueMonths(): number {
    const v = vscode.workspace.getConfiguration('hindsight').get<number>('overdueMonths', 6);
    return Number.isFinite(v) && v >= 0 ? Math.floor(v) : 6;
  }

  /** How snippets and New Postmortem write times: UTC, or local time labelled with its offset. */
  get timeZone(): 'utc' | 'local' {
    return vscode.workspace.getConfiguration('hindsight').get<string>('timeZone', 'utc') === 'local'
      ? 'local'
      : 'utc';
  }

  /** Days from today to a new action item's due date. */
  get dueDays(): number {
    const v = vscode.workspace.getConfiguration('hindsight').get<number>('defaultDueDays', 14);
    return Number.isFinite(v) && v >= 0 ? Math.floor(v) : 14;
  }

  /**
   * Reads every folder's configuration; resolves once all are loaded. The configuration in force
   * stays in place until the new one is read (a file validated or read meanwhile is still a
   * postmortem), and when reloads overlap only the newest one's reading is applied: an older
   * reading landing late never replaces a newer one.
   */
  reload(): Promise<void> {
    const ticket = ++this.reloads;
    const run = (async () => {
      const folders = new Map<string, FolderConfig>();
      for (const folder of vscode.workspace.workspaceFolders ?? [])
        folders.set(folder.uri.toString(), await this.load(folder));
      // A newer reload is under way: its reading applies; resolve once it has.
      if (ticket !== this.reloads) return this.latestReload;
      this.folders = folders;
      this.emitter.fire();
    })();
    this.latestReload = run;
    return run;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<FolderConfig> {
    const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    let config = defaultConfig;
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      // No hindsight.json: the defaults apply.
    }
    if (text !== undefined) {
      const result = parseConfig(text, CONFIG_FILE);
      if (result.ok) {
        config = result.config;
        this.reported.delete(file.toString());
      } else if (!this.reported.has(file.toString())) {
        this.reported.add(file.toString());
        this.log.error(
          `${CONFIG_FILE} in ${folder.name} is invalid, so Hindsight uses its defaults.\n${result.message}`,
        );
      }
    }
    const settings = vscode.workspace.getConfiguration('hindsight', folder.uri);
    const folderSetting = settings.get<string>('postmortemsFolder', '').trim();
    const ruleSetting = settings.get<Record<string, string>>('rules', {});
    const rules: Record<string, RuleLevel> = { ...config.rules };
    for (const [id, level] of Object.entries(ruleSetting))
      if ((RULE_LEVELS as readonly string[]).includes(level)) rules[id] = level as RuleLevel;
    config = { ...config, rules, postmortems: folderSetting || config.postmortems };
    return { folder, config, postmortems: vscode.Uri.joinPath(folder.uri, config.postmortems) };
  }

  /** The configuration for a file, or undefined when it is outside every workspace folder. */
  forUri(uri: vscode.Uri): FolderConfig | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  all(): FolderConfig[] {
    return [...this.folders.values()];
  }

  /** The folder's configuration when the file is a postmortem of it (core's isPostmortemFile decides). */
  isPostmortem(uri: vscode.Uri): FolderConfig | undefined {
    const fc = this.forUri(uri);
    if (!fc) return undefined;
    const base = fc.postmortems.path.replace(/\/$/, '') + '/';
    if (!uri.path.startsWith(base)) return undefined;
    return isPostmortemFile(uri.path.slice(base.length), fc.config) ? fc : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
