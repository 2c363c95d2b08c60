/**
 * `--changed-since REF`: which Markdown files changed since a git ref, which of their lines, and
 * whether a finding touches them.
 *
 * "Changed" is the working tree against the merge base of REF and HEAD, plus untracked files (not
 * ignored): in CI (clean checkout) that is exactly the commits of the branch; locally it also covers
 * what is not committed yet, which is what a pre-commit check wants. When the history is too shallow
 * to have a merge base, the working tree is compared with REF itself and a notice says so.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { ReportFinding } from './report';

/** Changed lines (1-based) of one file; `all` for a file git does not track yet. */
export type ChangedLines = Set<number> | 'all';

export interface Changes {
  /** Absolute real path → its changed lines. Only files that exist in the working tree. */
  files: Map<string, ChangedLines>;
  notice?: string;
}

/** A problem with the ref or the repository, said in one line (the CLI exits 2). */
export class ChangedSinceError extends Error {}

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

function gitOrUndefined(args: string[], cwd: string): string | undefined {
  try { return git(args, cwd); } catch { return undefined; }
}

/** How to get a missing ref: "origin/main" → "git fetch --depth=1 origin main". */
export function fetchHint(ref: string, remotes: string[]): string {
  const slash = ref.indexOf('/');
  // With no remotes configured yet, "origin/main" still most likely means remote origin, branch main.
  if (slash > 0 && (remotes.includes(ref.slice(0, slash)) || !remotes.length)) return `git fetch --depth=1 ${ref.slice(0, slash)} ${ref.slice(slash + 1)}`;
  return `git fetch --depth=1 ${remotes[0] ?? 'origin'} ${ref}`;
}

export function gitChanges(ref: string, cwd = process.cwd()): Changes {
  let root: string;
  try { root = git(['rev-parse', '--show-toplevel'], cwd).trim(); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ChangedSinceError('--changed-since needs git, and git is not on PATH');
    throw new ChangedSinceError(`--changed-since needs a git repository, and ${cwd} is not in one`);
  }
  if (ref.startsWith('-') || gitOrUndefined(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root) === undefined) {
    const remotes = (gitOrUndefined(['remote'], root) ?? '').split('\n').filter(Boolean);
    throw new ChangedSinceError(`ref '${ref}' not found — fetch it, e.g. ${fetchHint(ref, remotes)}`);
  }
  const base = gitOrUndefined(['merge-base', ref, 'HEAD'], root)?.trim();
  const notice = base ? undefined : `no common ancestor of '${ref}' and HEAD (shallow history?) — comparing with '${ref}' itself`;
  const diff = git(['diff', '-U0', '--no-color', '--no-ext-diff', base || ref, '--'], root);
  const files = new Map<string, ChangedLines>();
  for (const [rel, lines] of parseZeroContextDiff(diff)) files.set(realPath(path.join(root, rel)), lines);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], root).split('\0').filter(Boolean);
  for (const rel of untracked) files.set(realPath(path.join(root, rel)), 'all');
  return { files, ...(notice ? { notice } : {}) };
}

function realPath(p: string): string {
  try { return realpathSync(p); } catch { return path.resolve(p); }
}

/** The changed lines of one file, or undefined when it did not change. */
export function changesOf(changes: Changes, file: string): ChangedLines | undefined {
  return changes.files.get(realPath(file));
}

/**
 * `git diff -U0` output → the new-side lines each file's hunks touch. A pure deletion touches the
 * lines on either side of the gap, so a finding about the section that lost text still counts.
 * Deleted files (`+++ /dev/null`) are left out.
 */
export function parseZeroContextDiff(diff: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4).replace(/\t$/, ''));
      current = name === '/dev/null' ? undefined : new Set();
      if (current) out.set(name.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk || !current) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count === 0) {
      current.add(Math.max(1, start));
      current.add(start + 1);
    } else for (let l = start; l < start + count; l++) current.add(l);
  }
  return out;
}

/** git writes a path with unusual characters as a C string: "b/caf\303\251 \"x\".md". */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') { bytes.push(...Buffer.from(body[i])); continue; }
    const next = body[i + 1];
    if (/[0-7]/.test(next)) { bytes.push(parseInt(body.slice(i + 1, i + 4), 8)); i += 3; } else { bytes.push(simple[next] ?? next.charCodeAt(0)); i++; }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Each step's sections as 1-based inclusive line spans (from the doc model; empty when the step is missing). */
export type StepSections = Record<string, [number, number][]>;

/**
 * Whether a finding is part of what changed: its own range touches a changed line, or a section of
 * its step does; a finding about a step with no section (a missing step) touches when anything changed.
 */
export function touchesChange(f: ReportFinding, sections: StepSections, changed: ChangedLines): boolean {
  if (changed === 'all') return true;
  if (!changed.size) return false;
  const hits = (from: number, to: number) => {
    for (const l of changed) if (l >= from && l <= to) return true;
    return false;
  };
  if (hits(f.line, f.endLine)) return true;
  const step = typeof f.data.step === 'string' ? f.data.step : undefined;
  if (!step) return false;
  const spans = sections[step] ?? [];
  if (!spans.length) return true;
  return spans.some(([from, to]) => hits(from, to));
}
