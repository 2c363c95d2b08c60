/**
 * ESLint-"stylish"-like report, with a one-line step summary per file that has findings. Clean
 * files and skipped ones (not design docs) are counted in the summary line, and listed with --verbose.
 */
import type { FileReport } from '../report';
import { colourEnabled, palette } from './colour';

const MARK: Record<string, string> = { covered: '✓', thin: '~', missing: '✗' };

/** `verbose` adds the kind's reason and how each heading was read. */
export function formatText(reports: FileReport[], verbose = false, colour = colourEnabled()): string {
  const { red, yellow, blue, dim, bold, underline } = palette(colour);
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    if (r.error) {
      out.push(underline(r.file));
      out.push(`  ${red('error')}  ${r.error}`);
      totals.error++;
      out.push('');
      continue;
    }
    if (r.skipped) {
      // Not a design doc: listed (with what mlsd took it for) only when asked, never with findings.
      if (verbose) {
        out.push(underline(r.file));
        out.push(dim(`  skipped: ${r.kind?.kind ?? 'not a design doc'} — ${r.kind?.reason ?? 'too few steps'} (lint it anyway: --all, 'mlsd: true' front matter, or designDocGlobs in .mlsd.json)`));
        for (const h of r.headings ?? []) out.push(dim(`  ${String(h.line).padStart(5)}  ${'#'.repeat(Math.min(6, h.level))} ${h.text.slice(0, 60)}  → ${h.steps.join(' + ') || '—'}`));
        out.push('');
      }
      continue;
    }
    // A clean file is not printed: the summary line says how many were linted.
    if (!r.findings.length && !verbose) continue;
    out.push(underline(r.file));
    const covered = r.steps.filter((s) => s.status === 'covered').length;
    const kind = r.kind?.kind === 'template' ? 'design-doc template (structure and topics only)' : r.isDesignDoc ? 'design doc' : `${r.kind?.kind ?? 'not a design doc'}, linted as a design doc`;
    out.push(dim(`  ${kind} · ${covered}/${r.steps.length} steps covered · `) +
      r.steps.map((s) => `${MARK[s.status]}${s.id}`).join(' '));
    if (verbose) {
      out.push(dim(`  kind: ${r.kind?.kind ?? '?'} — ${r.kind?.reason ?? ''}`));
      for (const h of r.headings ?? []) {
        const steps = h.steps.length ? h.steps.join(' + ') : '—';
        out.push(dim(`  ${String(h.line).padStart(5)}  ${'#'.repeat(Math.min(6, h.level))} ${h.text.slice(0, 60)}  → ${steps}${h.why ? ` (${h.why})` : ''}`));
      }
    }
    const posWidth = Math.max(0, ...r.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of r.findings) {
      totals[f.severity]++;
      const sev = f.severity === 'error' ? red('error  ') : f.severity === 'warning' ? yellow('warning') : blue(f.severity.padEnd(7));
      out.push(`  ${dim(`${f.line}:${f.column}`.padEnd(posWidth))}  ${sev}  ${f.message}  ${dim(f.ruleId)}`);
    }
    out.push('');
  }
  const problems = totals.error + totals.warning + totals.info + totals.hint;
  const parts = [`${totals.error} error${totals.error === 1 ? '' : 's'}`, `${totals.warning} warning${totals.warning === 1 ? '' : 's'}`, `${totals.info + totals.hint} info`];
  const skipped = reports.filter((r) => r.skipped).length;
  const linted = reports.length - skipped;
  const skippedNote = skipped ? ` · ${skipped} skipped (not design docs${verbose ? '' : '; --verbose lists them'})` : '';
  const summary = `${problems ? '✖' : '✔'} ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')}) in ${linted} file${linted === 1 ? '' : 's'}${skippedNote}`;
  out.push(bold(totals.error ? red(summary) : totals.warning ? yellow(summary) : summary));
  return out.join('\n');
}
