/**
 * When each open document is analysed: the first change (the open) at once, later ones after the
 * document's debounce (0 = at once), a newer change replacing a pending one; and who is waiting for
 * the newest version's result (requests such as documentSymbol answer from a fresh analysis, not a
 * stale one). Knows nothing of LSP or of the analysis itself, so unit tests drive it directly.
 */
export interface SchedulerHooks {
  /** Start analysing the document's current version (the server's `analyseNow`). */
  analyse(uri: string): void;
  /** The document's current version; undefined once it is closed. */
  versionOf(uri: string): number | undefined;
}

interface Entry {
  timer?: NodeJS.Timeout;
  /** Version whose result was last published. */
  published?: number;
  /** Resolve when the newest version's result is published (or the document closes). */
  waiters: (() => void)[];
}

export class Scheduler {
  private entries = new Map<string, Entry>();

  constructor(private readonly hooks: SchedulerHooks) {}

  tracked(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** The text changed. The first change of a document (its open) is analysed at once. */
  changed(uri: string, debounceMs: number): void {
    const known = this.entries.get(uri);
    const entry = known ?? this.entry(uri);
    this.cancelTimer(entry);
    if (!known || debounceMs <= 0) {
      this.hooks.analyse(uri);
      return;
    }
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.hooks.analyse(uri);
    }, debounceMs);
  }

  /** An analysis starts now (for whatever reason): a pending debounced one is not needed. */
  starting(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) this.cancelTimer(entry);
  }

  /** The result for `version` is published; waiters are released if it is the newest version. */
  published(uri: string, version: number): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.published = version;
    if (this.hooks.versionOf(uri) !== version) return;
    this.release(entry);
  }

  /** Resolves once the newest version's result is published, starting its analysis if none is. */
  async fresh(uri: string): Promise<void> {
    const version = this.hooks.versionOf(uri);
    if (version === undefined) return;
    const entry = this.entries.get(uri) ?? this.entry(uri);
    if (entry.published === version) return;
    const done = new Promise<void>((resolve) => entry.waiters.push(resolve));
    this.hooks.analyse(uri);
    await done;
  }

  /** The document closed: nothing pending, nobody left waiting. */
  closed(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.cancelTimer(entry);
    this.release(entry);
    this.entries.delete(uri);
  }

  private entry(uri: string): Entry {
    const e: Entry = { waiters: [] };
    this.entries.set(uri, e);
    return e;
  }

  private cancelTimer(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
  }

  private release(entry: Entry): void {
    const waiters = entry.waiters;
    entry.waiters = [];
    waiters.forEach((w) => w());
  }
}
