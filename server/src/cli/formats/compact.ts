/**
 * `--format compact`: one `file:line:col: severity message [rule]` line per finding, 1-based — the
 * shape terminals make clickable and the `mlsd` problem matcher in package.json reads. The matcher
 * knows error, warning and info, so a hint is printed as info; a message is kept on one line.
 */
import type { FileReport } from '../report';

const SEVERITY = { error: 'error', warning: 'warning', info: 'info', hint: 'info' } as const;

/** Collapses line breaks and runs of spaces: the matcher reads one line, and its message ends at " [rule]". */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function formatCompact(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    // A file that could not be read is an error at its first character, under its own pseudo-rule id.
    if (r.error) out.push(`${r.file}:1:1: error ${oneLine(r.error)} [file-error]`);
    for (const f of r.findings) out.push(`${r.file}:${f.line}:${f.column}: ${SEVERITY[f.severity]} ${oneLine(f.message)} [${f.ruleId}]`);
  }
  return out.join('\n');
}
