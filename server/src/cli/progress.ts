/**
 * A one-line progress indicator on stderr ("mlsd: 12/40 files · docs/search.md"), shown only when
 * stderr is a terminal and the run has already taken a while; redrawn in place and erased at the end,
 * so the final output is the same as without it. In CI logs (not a TTY) it writes nothing at all.
 */

export interface ProgressStream { isTTY?: boolean; columns?: number; write(chunk: string): boolean }

export interface ProgressOptions {
  /** Show nothing until the run has taken this long (short runs never flash a line). */
  delayMs?: number;
  /** Redraw at most this often. */
  intervalMs?: number;
  now?: () => number;
  /** Redraw on a timer too, so a single slow file still shows up (off in unit tests, which call tick). */
  timer?: boolean;
}

const CLEAR = '\r\x1b[2K';

export class Progress {
  private done = 0;
  private current = '';
  private shown = false;
  private lastDraw = -Infinity;
  private readonly started: number;
  private readonly active: boolean;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly ticker: NodeJS.Timeout | undefined;

  constructor(private readonly stream: ProgressStream, private readonly total: number, options: ProgressOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
    this.active = stream.isTTY === true && total > 0;
    if (this.active && options.timer !== false) {
      this.ticker = setInterval(() => this.tick(), this.intervalMs);
      this.ticker.unref();
    }
  }

  /** A file started (it becomes the one shown). */
  start(file: string): void {
    this.current = file;
    this.tick();
  }

  /** A file finished. */
  finish(): void {
    this.done++;
    this.tick();
  }

  /** Draws the line if the run is long enough and the last draw is old enough. */
  tick(): void {
    if (!this.active) return;
    const t = this.now();
    if (t - this.started < this.delayMs || t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.shown = true;
    let line = `mlsd: ${this.done}/${this.total} files${this.current ? ` · ${this.current}` : ''}`;
    const width = (this.stream.columns ?? 80) - 1;
    if (line.length > width) line = `${line.slice(0, Math.max(0, width - 1))}…`;
    this.stream.write(`${CLEAR}${line}`);
  }

  /** Stops the timer and erases the line, if one was drawn. */
  end(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.shown) this.stream.write(CLEAR);
    this.shown = false;
  }
}
