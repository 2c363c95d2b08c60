/** ESLint-"stylish"-like report, with a one-line step summary per file. */
import type { FileReport } from '../report';
import { colourEnabled, palette } from './colour';

const MARK: Record<string, string> = { covered: '✓', thin: '~', missing: '✗' };

/** `verbose` adds the kind's reason and how each heading was read. */
export function formatText(reports: FileReport[], verbose = false, colour = colourEnabled()): string {
  const { red, yellow, blue, dim, bold, underline } = palette(colour);
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    out.push(underline(r.file));
    if (r.error) {
      out.push(`  ${red('error')}  ${r.error}`);
      totals.error++;
      out.push('');
      continue;
    }
    const covered = r.steps.filter((s) => s.status === 'covered').length;
    if (!r.isDesignDoc && !r.findings.length) {
      // mlsd judged the file to be something else: say what and why, and how to lint it anyway.
      out.push(dim(`  not a design doc (${r.kind?.reason ?? 'too few steps'}) — skipped; add 'mlsd: true' front matter to lint it`));
      if (verbose) for (const h of r.headings ?? []) out.push(dim(`  ${String(h.line).padStart(5)}  ${'#'.repeat(Math.min(6, h.level))} ${h.text.slice(0, 60)}  → ${h.steps.join(' + ') || '—'}`));
      out.push('');
      continue;
    }
    const kind = r.kind?.kind === 'template' ? 'design-doc template (structural checks only)' : r.isDesignDoc ? 'design doc' : 'not a design doc';
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
  const summary = `${problems ? '✖' : '✔'} ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')}) in ${reports.length} file${reports.length === 1 ? '' : 's'}`;
  out.push(bold(totals.error ? red(summary) : totals.warning ? yellow(summary) : summary));
  return out.join('\n');
}
