/**
 * ESLint-"stylish"-like report, with a one-line step summary per file that has findings. Clean
 * files and skipped ones (not design docs) are counted in the summary line, and listed with --verbose.
 */
import type { FileReport } from '../report';
import * as l10n from '@vscode/l10n';
import { colourEnabled, palette } from './colour';
import { severityText } from '../../review/status-text';

const MARK: Record<string, string> = { covered: '✓', thin: '~', missing: '✗' };

/** The severity column's width: the longest severity word in the UI language ("warning" in English). */
const SEVERITY_WIDTH_OF = () => Math.max(...['error', 'warning', 'info', 'hint'].map((s) => severityText(s).length));

/** `verbose` adds the kind's reason and how each heading was read. */
export function formatText(reports: FileReport[], verbose = false, colour = colourEnabled()): string {
  const { red, yellow, blue, dim, bold, underline } = palette(colour);
  const SEVERITY_WIDTH = SEVERITY_WIDTH_OF();
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    if (r.error) {
      out.push(underline(r.file));
      out.push(`  ${red(severityText('error'))}  ${r.error}`);
      totals.error++;
      out.push('');
      continue;
    }
    if (r.skipped) {
      // Not a design doc: listed (with what mlsd took it for) only when asked, never with findings.
      if (verbose) {
        out.push(underline(r.file));
        out.push(dim(`  ${l10n.t("skipped: {0} — {1} (lint it anyway: --all, 'mlsd: true' front matter, or designDocGlobs in .mlsd.json)", r.kind?.kind ?? l10n.t('not a design doc'), r.kind?.reason ?? l10n.t('too few steps'))}`));
        for (const h of r.headings ?? []) out.push(dim(`  ${String(h.line).padStart(5)}  ${'#'.repeat(Math.min(6, h.level))} ${h.text.slice(0, 60)}  → ${h.steps.join(' + ') || '—'}`));
        out.push('');
      }
      continue;
    }
    // A clean file is not printed: the summary line says how many were linted.
    if (!r.findings.length && !verbose) continue;
    out.push(underline(r.file));
    const covered = r.steps.filter((s) => s.status === 'covered').length;
    const kind = r.kind?.kind === 'template' ? l10n.t('design-doc template (structure and topics only)') : r.isDesignDoc ? l10n.t('design doc') : l10n.t('{0}, linted as a design doc', r.kind?.kind ?? l10n.t('not a design doc'));
    out.push(dim(`  ${kind} · ${l10n.t('{0}/{1} steps covered', covered, r.steps.length)} · `) +
      r.steps.map((s) => `${MARK[s.status]}${s.id}`).join(' '));
    if (verbose) {
      out.push(dim(`  ${l10n.t('kind: {0} — {1}', r.kind?.kind ?? '?', r.kind?.reason ?? '')}`));
      for (const h of r.headings ?? []) {
        const steps = h.steps.length ? h.steps.join(' + ') : '—';
        out.push(dim(`  ${String(h.line).padStart(5)}  ${'#'.repeat(Math.min(6, h.level))} ${h.text.slice(0, 60)}  → ${steps}${h.why ? ` (${h.why})` : ''}`));
      }
    }
    const posWidth = Math.max(0, ...r.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of r.findings) {
      totals[f.severity]++;
      const sev = f.severity === 'error' ? red(severityText('error').padEnd(SEVERITY_WIDTH)) : f.severity === 'warning' ? yellow(severityText('warning').padEnd(SEVERITY_WIDTH)) : blue(severityText(f.severity).padEnd(SEVERITY_WIDTH));
      out.push(`  ${dim(`${f.line}:${f.column}`.padEnd(posWidth))}  ${sev}  ${f.message}  ${dim(f.ruleId)}`);
    }
    out.push('');
  }
  const problems = totals.error + totals.warning + totals.info + totals.hint;
  // One key per English number form; a translation may use one form for all ("ошибок: 2").
  const parts = [
    totals.error === 1 ? l10n.t('{0} error', 1) : l10n.t('{0} errors', totals.error),
    totals.warning === 1 ? l10n.t('{0} warning', 1) : l10n.t('{0} warnings', totals.warning),
    l10n.t('{0} info', totals.info + totals.hint),
  ];
  const skipped = reports.filter((r) => r.skipped).length;
  const linted = reports.length - skipped;
  const skippedNote = skipped ? ` · ${verbose ? l10n.t('{0} skipped (not design docs)', skipped) : l10n.t('{0} skipped (not design docs; --verbose lists them)', skipped)}` : '';
  const problemsText = problems === 1 ? l10n.t('{0} problem', 1) : l10n.t('{0} problems', problems);
  const filesText = linted === 1 ? l10n.t('{0} file', 1) : l10n.t('{0} files', linted);
  const summary = `${problems ? '✖' : '✔'} ${l10n.t('{0} ({1}) in {2}', problemsText, parts.join(', '), filesText)}${skippedNote}`;
  out.push(bold(totals.error ? red(summary) : totals.warning ? yellow(summary) : summary));
  return out.join('\n');
}
