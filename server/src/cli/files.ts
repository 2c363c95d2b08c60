/**
 * Command-line file arguments → file paths: files as given, folders searched for Markdown, globs
 * expanded. An argument that names something that is not a readable Markdown source — a FIFO, a
 * device, a symbolic link loop or a dangling link, a folder with no Markdown in it — is a `problem`
 * saying what it is (the CLI exits 2), not a silent "0 files" or a misleading "no file matches".
 * Files found by searching a folder or expanding a glob skip what git ignores; a file named
 * directly is always taken (it was asked for).
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { gitIgnored } from './git-ignored';

export interface Expanded {
  files: string[];
  /** The files of `files` that were found by a folder search or a glob, not named directly. */
  searched: Set<string>;
  /** Arguments that match nothing at all. */
  missing: string[];
  /** One line per argument that exists but cannot be linted, e.g. "a.md is not a regular file (a FIFO)". */
  problems: string[];
}

function kind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file or folder';
}

/** Why a path that `stat` cannot follow is not lintable, or undefined when there is simply nothing there. */
function unreachable(arg: string, e: NodeJS.ErrnoException): string | undefined {
  if (e.code === 'ELOOP') return `${arg} is not a regular file (a symbolic link loop)`;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `${arg} cannot be read (permission denied)`;
  if (e.code === 'ENOTDIR') return undefined;
  let link;
  try { link = lstatSync(arg); } catch { return undefined; }
  if (link.isSymbolicLink()) return `${arg} is not a regular file (a symbolic link to a missing file)`;
  return e.code === 'ENOENT' ? undefined : `${arg} cannot be read (${e.code ?? e.message})`;
}

export function expandArgs(args: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const searched = new Set<string>();
  const add = (f: string, found = false) => {
    if (seen.has(f)) return;
    seen.add(f);
    files.push(f);
    if (found) searched.add(f);
  };
  for (const arg of args) {
    let stat: Stats | undefined;
    let error: NodeJS.ErrnoException | undefined;
    try { stat = statSync(arg); } catch (e) { error = e as NodeJS.ErrnoException; }
    if (stat?.isFile()) add(arg);
    else if (stat?.isDirectory()) {
      const all = globSync(['**/*.md', '**/*.markdown'], { cwd: arg, ignore: ['**/node_modules/**', '**/.git/**'], dot: false }).sort();
      const ignored = gitIgnored(arg, all);
      const found = all.filter((f) => !ignored.has(f));
      found.forEach((f) => add(`${arg.replace(/\/+$/, '')}/${f}`, true));
      if (!all.length) {
        problems.push(/\.(md|markdown)\/*$/i.test(arg)
          ? `${arg} is a folder, not a Markdown file (and has no Markdown files in it)`
          : `no Markdown files in folder '${arg}'`);
      }
    } else if (stat) problems.push(`${arg} is not a regular file (${kind(stat)})`);
    else if (error && unreachable(arg, error)) problems.push(unreachable(arg, error)!);
    else if (isDynamicPattern(arg)) {
      const matched = globSync(arg, { cwd, ignore: ['**/node_modules/**'], dot: false }).sort();
      const ignored = gitIgnored(cwd, matched);
      if (matched.length) matched.filter((f) => !ignored.has(f)).forEach((f) => add(f, true));
      else missing.push(arg);
    } else missing.push(arg);
  }
  return { files, searched, missing, problems };
}
