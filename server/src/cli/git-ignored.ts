/**
 * Which files git ignores. Asking git itself (`git check-ignore`) gives .gitignore's full semantics
 * — nested files, negation, `dir/` patterns, .git/info/exclude, the user's global excludes — which a
 * hand-written reader would only approximate. Outside a repository, or without git installed, nothing
 * is ignored (git would not apply a .gitignore there either). Tracked files are never reported
 * ignored, as in git.
 */
import { spawnSync } from 'node:child_process';

/** The subset of `files` (paths relative to `cwd`) that git ignores. */
export function gitIgnored(cwd: string, files: string[]): Set<string> {
  if (!files.length) return new Set();
  const run = spawnSync('git', ['check-ignore', '--stdin', '-z'], {
    cwd,
    input: files.join('\0'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
  });
  // 0: some are ignored; 1: none are; anything else (128 outside a repository, no git): no information.
  if (run.error || run.status !== 0) return new Set();
  return new Set(run.stdout.split('\0').filter(Boolean));
}
