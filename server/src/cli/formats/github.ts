/**
 * `--format github`: one GitHub Actions workflow command per finding, which the runner turns into an
 * annotation on the pull request's diff:
 *
 *   ::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=9,title=mlsd missing-step::message
 *
 * The runner splits properties at `,` and the message off at `::`, and reads one line per command, so
 * (as the runner and actions/toolkit define it) the message escapes `%`, CR and LF as %25, %0D, %0A,
 * and a property value additionally `:` and `,` as %3A and %2C. Paths are relative to the current
 * folder with forward slashes — the runner resolves them against the checkout it runs in.
 */
import * as path from 'node:path';
import type { FileReport } from '../report';

/** Workflow commands have three annotation levels; info and hint are notices. */
const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** `%` first, or the `%` of an escape just made would be escaped again. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A path as the runner wants it: relative to the cwd, forward slashes. */
export function workspacePath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/') || file;
}

function command(kind: string, props: [string, string | number][], message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${kind} ${list}::${escapeData(message)}`;
}

export function formatGithub(reports: FileReport[], cwd = process.cwd()): string {
  const out: string[] = [];
  for (const r of reports) {
    const file = workspacePath(r.file, cwd);
    // A file that could not be read is an error on its first line, as in the other formats.
    if (r.error) out.push(command('error', [['file', file], ['line', 1], ['title', 'mlsd file-error']], r.error));
    for (const f of r.findings) {
      out.push(command(COMMAND[f.severity], [
        ['file', file], ['line', f.line], ['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn],
        ['title', `mlsd ${f.ruleId}`],
      ], f.message));
    }
  }
  return out.join('\n');
}
