/**
 * The `ignores` globs of `.mlsd.json`: files a folder search or glob found that the nearest config
 * (or the `--config` file) says to leave out. Patterns are relative to the config file's folder; a
 * pattern without a slash matches a name at any depth, and a pattern matching a folder leaves out
 * everything inside it ("drafts", "drafts/", "archive/**").
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ConfigFiles } from '../host/config-files';
import { projectRoot } from '../host/file-settings';

type Matcher = (rel: string) => boolean;

export class ConfigIgnores {
  private readonly configFiles = new ConfigFiles();
  private readonly matchers = new Map<string, Matcher | undefined>();

  /** `fixed`: the `--config` file's ignores and folder, used for every file instead of the nearest .mlsd.json. */
  constructor(private readonly fixed?: { ignores?: string[]; dir: string }) {}

  ignores(file: string): boolean {
    const abs = path.resolve(file);
    let dir: string;
    let patterns: string[] | undefined;
    if (this.fixed) ({ dir, ignores: patterns } = this.fixed);
    else {
      const found = this.configFiles.find(abs, projectRoot(abs));
      if (!found) return false;
      dir = path.dirname(found.path);
      patterns = found.config.ignores;
    }
    if (!patterns?.length) return false;
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    if (rel.startsWith('../') || path.isAbsolute(rel)) return false;
    const match = this.matcher(dir, patterns);
    // The file itself or any folder above it (inside the config's folder).
    const parts = rel.split('/');
    return parts.some((_, i) => match(parts.slice(0, i + 1).join('/')));
  }

  private matcher(dir: string, patterns: string[]): Matcher {
    let m = this.matchers.get(dir);
    if (!m) {
      const cleaned = patterns.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
      // A pattern without a slash is about a name, wherever it is; one with a slash, about a path.
      const byName = picomatch(cleaned.filter((p) => !p.includes('/')), { dot: true });
      const byPath = picomatch(cleaned.filter((p) => p.includes('/')), { dot: true });
      m = (rel) => byPath(rel) || byName(rel.slice(rel.lastIndexOf('/') + 1));
      this.matchers.set(dir, m);
    }
    return m;
  }
}
