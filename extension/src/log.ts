import * as vscode from 'vscode';

/**
 * A timestamped output channel. The first error also raises a one-sentence notification that
 * opens the channel; later ones only go to the channel, so the user is not flooded.
 */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Hindsight');
  private notified = false;
  /** Notifications shown so far (at most one per session). */
  notifications = 0;

  info(message: string): void {
    this.channel.appendLine(`${new Date().toISOString()} [info] ${message}`);
  }

  error(message: string, detail?: unknown): void {
    this.channel.appendLine(`${new Date().toISOString()} [error] ${message}`);
    if (detail)
      this.channel.appendLine(
        detail instanceof Error ? (detail.stack ?? detail.message) : String(detail),
      );
    if (this.notified) return;
    this.notified = true;
    this.notifications++;
    void vscode.window.showErrorMessage(message.split('\n')[0]!, 'Show Details').then((choice) => {
      if (choice) this.channel.show(true);
    });
  }

  dispose(): void {
    this.channel.dispose();
  }
}
