/**
 * Reports progress on stderr once a run has taken more than a second, so quick runs stay quiet and
 * long ones do not look hung. On a terminal it redraws one line; elsewhere it prints a line a second.
 */
export class Progress {
  private done = 0;
  private started = Date.now();
  private lastPrint = 0;
  private printedInline = false;

  constructor(
    private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
    private readonly verb: string,
  ) {}

  tick(done: number): void {
    this.done = done;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastPrint < (this.stderr.isTTY ? 100 : 1000))
      return;
    this.lastPrint = now;
    const line = `hindsight: ${this.verb} ${this.done} of ${this.total} files…`;
    if (this.stderr.isTTY) {
      this.stderr.write(`\r${line}`);
      this.printedInline = true;
    } else this.stderr.write(`${line}\n`);
  }

  end(): void {
    if (this.printedInline) this.stderr.write('\r\x1b[K');
  }
}
