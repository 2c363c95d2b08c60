/**
 * `mlsd new`: write a design doc from a template (or print it). Never overwrites anything — not a
 * file, not a folder, not a symbolic link, even a dangling one (the write uses 'wx', which also
 * wins a race) — and every failure is one clear line on stderr with exit code 2, never a stack trace.
 */
import { lstatSync, mkdirSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findTemplate, renderTemplate, templates } from '../knowledge/templates';
import { parseFlags } from './args';
import { printUsage } from './usage';

const fail = (message: string): number => {
  process.stderr.write(`mlsd: ${message}\n`);
  return 2;
};
const usage = (message: string): number => fail(`${message}\nRun 'mlsd new --help' for usage.`);

export function newDoc(args: string[]): number {
  // No --force: mlsd new never overwrites, so a --force flag would promise what it does not do.
  const { values, positionals, help } = parseFlags('new', args, {
    title: { type: 'string', short: 't' },
    template: { type: 'string' },
    list: { type: 'boolean' },
  });
  if (help) return printUsage('new');
  if (values.list) {
    const list = templates();
    const width = Math.max(...list.map((t) => t.id.length));
    for (const t of list) process.stdout.write(`${t.id.padEnd(width)}  ${t.title} — ${t.description}\n`);
    return 0;
  }
  const templateId = values.template ?? 'seven-step';
  const template = findTemplate(templateId);
  if (!template) return usage(`unknown template '${templateId}' (try: ${templates().map((t) => t.id).join(', ')})`);
  if (!values.title) return usage('new needs --title "Your system"');
  if (positionals.length > 1) return usage('new writes one file');
  const text = renderTemplate(template, values.title, 'text');
  const file = positionals[0];
  if (!file) {
    process.stdout.write(text);
    return 0;
  }
  const taken = whatIsThere(file);
  if (taken) return fail(`${file} ${taken}; not overwriting it. Choose another name.`);
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' }); // 'wx' fails rather than overwrite, even in a race
  } catch (e) {
    return fail(`cannot create ${file}: ${reason(file, e as NodeJS.ErrnoException)}`);
  }
  process.stdout.write(`Created ${file} from template '${template.id}'. Run: mlsd lint ${file}\n`);
  return 0;
}

/** Why `file` cannot be written because something is already there, or undefined when the name is free. */
function whatIsThere(file: string): string | undefined {
  let st;
  try { st = lstatSync(file); } catch { return undefined; } // ENOENT, or a parent problem reported by the write
  if (st.isSymbolicLink()) {
    let target = '';
    try { target = readlinkSync(file); } catch { /* unreadable link */ }
    let dangling = false;
    try { statSync(file); } catch { dangling = true; }
    return `is a symbolic link${target ? ` to ${target}` : ''}${dangling ? ' (which does not exist)' : ''}`;
  }
  if (st.isDirectory()) return 'is a folder';
  return 'already exists';
}

/** One line for a failed mkdir or write. */
function reason(file: string, e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOTDIR':
    case 'EEXIST': {
      const blocker = fileInThePath(file);
      if (blocker) return `${blocker} is a file, not a folder`;
      return e.code === 'EEXIST' ? 'something with that name appeared meanwhile; not overwriting it' : 'a part of the path is not a folder';
    }
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'no space left on the device';
    case 'ELOOP': return 'too many symbolic links in the path';
    case 'ENAMETOOLONG': return 'the name is too long';
    case 'EISDIR': return 'it is a folder';
    default: return e.code ?? String(e.message ?? e).split('\n')[0];
  }
}

/** The nearest ancestor of `file` that exists but is not a folder (so nothing can be created under it). */
function fileInThePath(file: string): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) return path.relative(process.cwd(), dir) || dir;
      return undefined;
    } catch { /* missing: look further up */ }
  }
  return undefined;
}
