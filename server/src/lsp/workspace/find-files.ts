/**
 * Which files "Lint Workspace" looks at: the Markdown files under each workspace folder, less what
 * the editor hides (`files.exclude`), what git ignores (asked of git itself, as `mlsd lint` does)
 * and what the nearest `.mlsd.json` `ignores` — the same three filters for a whole scan and for one
 * file that changed on disk. Asynchronous, so the server's main thread never waits on a big tree.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { ConfigIgnores } from '../../cli/config-ignores';
import { MARKDOWN } from './markdown';

/** `files.exclude` as VS Code stores it: glob → true (hidden), false, or a `when` clause. */
export type ExcludeSetting = Record<string, unknown> | undefined;

export { MARKDOWN } from './markdown';

export class WorkspaceFiles {
  private configIgnores = new ConfigIgnores();

  /** `excludeFor(root)`: that folder's `files.exclude` (asked of the editor per folder). */
  constructor(private readonly excludeFor: (root: string) => Promise<ExcludeSetting>) {}

  /** A `.mlsd.json` changed: its `ignores` are read again. */
  invalidate(): void { this.configIgnores = new ConfigIgnores(); }

  /** Every Markdown file to lint, absolute paths, sorted; `roots` are workspace folder paths. */
  async list(roots: string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const root of roots) {
      const found = await glob(['**/*.md', '**/*.markdown'], { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'], dot: false });
      const excluded = excludedBy(await this.excludeFor(root));
      const visible = found.filter((rel) => !excluded(rel));
      const ignored = await gitIgnored(root, visible);
      for (const rel of visible) {
        if (ignored.has(rel)) continue;
        const file = path.join(root, rel);
        if (!this.configIgnores.ignores(file)) out.add(file);
      }
    }
    return [...out].sort();
  }

  /** Whether one file (that changed on disk) belongs to the workspace lint: the filters of `list`. */
  async includes(file: string, roots: string[]): Promise<boolean> {
    if (!MARKDOWN.test(file)) return false;
    const root = roots.filter((r) => file.startsWith(r + path.sep)).sort((a, b) => b.length - a.length)[0];
    if (!root) return false;
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (rel.split('/').some((part) => part === 'node_modules' || part === '.git' || part.startsWith('.'))) return false;
    if (excludedBy(await this.excludeFor(root))(rel)) return false;
    if ((await gitIgnored(root, [rel])).size) return false;
    return !this.configIgnores.ignores(file);
  }
}

/** A matcher for `files.exclude`: a pattern that matches a folder hides everything in it, as in the Explorer. */
function excludedBy(setting: ExcludeSetting): (rel: string) => boolean {
  // Only plain `true` entries: a `when` clause depends on sibling files the Explorer checks itself.
  const patterns = Object.entries(setting ?? {}).filter(([, v]) => v === true).map(([k]) => k.replace(/^\.\//, '').replace(/\/+$/, ''));
  if (!patterns.length) return () => false;
  const match = picomatch(patterns, { dot: true });
  return (rel) => {
    const parts = rel.split('/');
    return parts.some((_, i) => match(parts.slice(0, i + 1).join('/')));
  };
}

/** The subset of `files` (relative to `cwd`) that git ignores; nothing outside a repository or without git. */
function gitIgnored(cwd: string, files: string[]): Promise<Set<string>> {
  if (!files.length) return Promise.resolve(new Set());
  return new Promise((resolve) => {
    let out = '';
    const child = spawn('git', ['check-ignore', '--stdin', '-z'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.on('error', () => { clearTimeout(timer); resolve(new Set()); });
    // 0: some are ignored; 1: none are; anything else (128 outside a repository): no information.
    child.on('close', (code) => { clearTimeout(timer); resolve(code === 0 ? new Set(out.split('\0').filter(Boolean)) : new Set()); });
    child.stdin.on('error', () => undefined);
    child.stdin.end(files.join('\0'));
  });
}
