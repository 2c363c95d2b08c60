/**
 * `--cache`: one JSON file of per-file results, so a run over unchanged docs skips analysis.
 *
 * A result is reused only when its key matches: a hash of the file's text, the effective config, the
 * framework text, anything else the analysis request carries, and the build (mlsd's version plus a
 * hash of the analysis bundle, so a rebuilt mlsd never serves results of an older one). Entries are
 * stored per file path, relative to the cache file, so the cache holds one entry per doc however
 * often it changes. A cache file that cannot be read or parsed is ignored with a notice and
 * rewritten; the run never fails because of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const FORMAT = 1;

interface CacheFile<T> { mlsdCache: number; build: string; entries: Record<string, { key: string; result: T }> }

/** Identifies the code that produced results: version plus the bytes of the given bundle files. */
export function buildId(version: string, files: string[]): string {
  const h = createHash('sha256').update(version);
  for (const f of files) {
    try { h.update(readFileSync(f)); } catch { h.update(`missing:${f}`); }
  }
  return `${version}+${h.digest('hex').slice(0, 16)}`;
}

export class LintCache<T> {
  hits = 0;
  misses = 0;
  private entries: CacheFile<T>['entries'] = {};
  private readonly dir: string;
  private dirty = false;

  /** `notice`: one line for the user (unreadable cache, failed write). */
  constructor(readonly location: string, private readonly build: string, private readonly notice: (line: string) => void) {
    this.dir = path.dirname(path.resolve(location));
    this.load();
  }

  /** The cache key of one analysis request (text and settings); any field it gains is keyed too. */
  key(request: object): string {
    return createHash('sha256').update(this.build).update('\0').update(stableJson(request)).digest('hex');
  }

  get(file: string, key: string): T | undefined {
    const entry = this.entries[this.name(file)];
    if (entry?.key === key) {
      this.hits++;
      return entry.result;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, result: T): void {
    this.entries[this.name(file)] = { key, result };
    this.dirty = true;
  }

  /** Writes the cache (atomically), first dropping entries of files that no longer exist. */
  save(): void {
    for (const name of Object.keys(this.entries)) {
      if (!existsSync(path.resolve(this.dir, name))) { delete this.entries[name]; this.dirty = true; }
    }
    if (!this.dirty) return;
    const body: CacheFile<T> = { mlsdCache: FORMAT, build: this.build, entries: this.entries };
    const tmp = `${this.location}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(body));
      renameSync(tmp, this.location);
    } catch (e) {
      this.notice(`cannot write cache ${this.location} (${(e as NodeJS.ErrnoException).code ?? e}) — results were not cached`);
      try { unlinkSync(tmp); } catch { /* nothing was written */ }
    }
  }

  private name(file: string): string {
    return path.relative(this.dir, path.resolve(file)).split(path.sep).join('/');
  }

  private load(): void {
    let text: string;
    try { text = readFileSync(this.location, 'utf8'); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.notice(`ignoring cache ${this.location} (cannot read it: ${code ?? e})`);
      return;
    }
    let data: Partial<CacheFile<T>> | undefined;
    try { data = JSON.parse(text) as Partial<CacheFile<T>>; } catch { /* reported below */ }
    const valid = data && typeof data === 'object' && data.mlsdCache === FORMAT && typeof data.entries === 'object' && data.entries !== null
      && Object.values(data.entries).every((e) => typeof e === 'object' && e !== null && typeof e.key === 'string' && 'result' in e);
    if (!valid) {
      this.notice(`ignoring cache ${this.location} (not a readable mlsd cache; it will be rewritten)`);
      this.dirty = true;
      return;
    }
    // Another build's results can never match a key of this one: drop them instead of carrying them.
    if (data!.build === this.build) this.entries = data!.entries!;
    else this.dirty = true;
  }
}

/** JSON with object keys sorted, so equal requests give equal keys whatever order their fields were set in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().filter((k) => obj[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
