/**
 * Analysis results → the report's data, with nothing about how it is drawn: per design doc its
 * steps (status, headings with their anchors), findings grouped by step with the reviewer's question,
 * and the case study; per step the totals across docs; every other file listed with why it was
 * skipped (the core's kind and reason, or why it could not be read).
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { Severity, StepStatus } from '../core/types';
import { findCaseStudy } from '../knowledge/case-studies';
import type { FileOutcome } from './analyse-files';
import { anchorsFor } from './anchors';
import { frameworkOf } from '../host/frameworks';
import { reviewerQuestion } from './questions';
import { frameworkText } from '../core/l10n';

export interface ReportHeadingLink { text: string; line: number; href: string }
export interface ReportStep { id: string; title: string; status: StepStatus; headings: ReportHeadingLink[] }
export interface ReportItem { ruleId: string; severity: Severity; message: string; line: number; href: string }
export interface FindingGroup { stepId: string | null; title: string; question?: string; items: (ReportItem & { question?: string })[] }
export interface ReportDoc {
  file: string;
  /** Link to the file from where the report is written. */
  href: string;
  title: string;
  steps: ReportStep[];
  groups: FindingGroup[];
  findingCount: number;
  caseStudy?: { id: string; title: string; summary: string };
}
export interface SkippedFile { file: string; href: string; kind: string; reason: string }
export interface StepTotals { id: string; title: string; covered: number; thin: number; missing: number }
export interface ReportData { docs: ReportDoc[]; skipped: SkippedFile[]; columns: StepTotals[] }

/** A relative URL from the report's folder to the file, each path segment encoded. */
function linkTo(file: string, fromDir: string): string {
  const rel = path.relative(fromDir, path.resolve(file)).split(path.sep);
  return rel.map(encodeURIComponent).join('/');
}

/** `link`: where a link to a file (at a 0-based line) points instead of a relative URL with the
 * heading's anchor — an editor's webview links to the line itself (mlsd/reviewReport). */
export interface CollectOptions { link?: (file: string, line?: number) => string }

export function collect(outcomes: FileOutcome[], linkFromDir: string, options: CollectOptions = {}): ReportData {
  const docs: ReportDoc[] = [];
  const skipped: SkippedFile[] = [];
  for (const o of outcomes) {
    const href = options.link ? options.link(o.file) : linkTo(o.file, linkFromDir);
    if ('unreadable' in o) { skipped.push({ file: o.file, href, kind: 'unreadable', reason: o.unreadable }); continue; }
    const { doc, findings, suggestedCaseStudy } = o.summary;
    if (!doc.isDesignDoc && !o.asDesignDoc) { skipped.push({ file: o.file, href, kind: doc.kind, reason: doc.kindReason }); continue; }
    const framework = frameworkOf(o.frameworkText);
    // Anchors are counted over real headings only: bold lines standing in for headings get none.
    const real = doc.headings.filter((h) => !h.pseudo);
    const slugs = anchorsFor(real.map((h) => h.text));
    const anchorAt = new Map(real.map((h, i) => [h.range.start.line, slugs[i]]));
    const steps: ReportStep[] = doc.steps.map((s) => ({
      id: s.id,
      title: frameworkText(framework, s.title),
      status: s.status,
      headings: s.headings.map((h) => {
        const a = h.pseudo ? undefined : anchorAt.get(h.range.start.line);
        const at = options.link ? options.link(o.file, h.range.start.line) : a ? `${href}#${a}` : href;
        return { text: h.text, line: h.range.start.line + 1, href: at };
      }),
    }));
    const groups = new Map<string | null, FindingGroup>();
    for (const s of doc.steps) groups.set(s.id, { stepId: s.id, title: frameworkText(framework, s.title), items: [] });
    groups.set(null, { stepId: null, title: l10n.t('Whole document'), items: [] });
    for (const f of findings) {
      const stepId = typeof f.data?.step === 'string' && groups.has(f.data.step) ? f.data.step : null;
      const fwStep = framework.steps.find((s) => s.id === stepId);
      const at = options.link ? options.link(o.file, f.range.start.line) : steps.find((s) => s.id === stepId)?.headings[0]?.href ?? href;
      const item = { ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.range.start.line + 1, href: at };
      const question = fwStep ? reviewerQuestion(fwStep, { message: f.message, data: f.data ?? {} }, (q) => frameworkText(framework, q)) : undefined;
      groups.get(stepId)!.items.push({ ...item, question });
    }
    const csId = doc.caseStudy ?? suggestedCaseStudy;
    const cs = csId ? findCaseStudy(csId) : undefined;
    docs.push({
      file: o.file,
      href,
      title: doc.title || path.basename(o.file),
      steps,
      groups: [...groups.values()].filter((g) => g.items.length),
      findingCount: findings.length,
      caseStudy: cs && { id: cs.id, title: cs.title, summary: cs.summary },
    });
  }
  return { docs, skipped, columns: totals(docs) };
}

/** Columns in the order steps first appear (docs may use different frameworks), counted per status. */
function totals(docs: ReportDoc[]): StepTotals[] {
  const cols = new Map<string, StepTotals>();
  for (const d of docs) {
    for (const s of d.steps) {
      let c = cols.get(s.id);
      if (!c) cols.set(s.id, (c = { id: s.id, title: s.title, covered: 0, thin: 0, missing: 0 }));
      c[s.status]++;
    }
  }
  return [...cols.values()];
}
