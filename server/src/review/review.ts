/**
 * A doc's analysis → the reviewer's reading of it: what kind of file mlsd took it for, each step's
 * status with the headings it was read from, and the findings with the framework's question behind
 * each one; and that as plain text a language model (or a person) can read. Shared by the MCP
 * server's `lint` tool and the language server's `mlsd/review` request (the VS Code language-model
 * tool), so both answer alike. No file system here: the shells hand in what they analysed.
 */
import * as l10n from '@vscode/l10n';
import type { StepModel } from '../core/types';
import { toReportFinding } from '../cli/report';
import { frameworkOf } from '../host/frameworks';
import type { AnalysisSummary } from '../host/summary';
import type { Review, ReviewStepStatus } from '../protocol';
import { reviewerQuestion } from '../report/questions';
import { frameworkText } from '../core/l10n';
import { STATUS_SYMBOL } from '../report/status-labels';
import { severityText, stepStatusText } from './status-text';

export interface Reviewed {
  /** Where the doc lives (a path, or a URI for a doc with no file). */
  file?: string;
  summary: AnalysisSummary;
  /** The framework file's text the analysis used (validated); none = the built-in framework. */
  frameworkText?: string;
  configProblems: string[];
  /** The analysis did not finish and a too-complex result stands in. */
  fellBack: boolean;
}

function statusOf(s: StepModel): ReviewStepStatus {
  return s.notStarted ? 'not started' : s.status;
}

export function toReview(a: Reviewed): Review {
  const { doc, findings, suggestedCaseStudy } = a.summary;
  const framework = frameworkOf(a.frameworkText);
  return {
    ...(a.file ? { file: a.file } : {}),
    kind: { isDesignDoc: doc.isDesignDoc, kind: doc.kind, reason: doc.kindReason },
    steps: doc.steps.map((s) => ({
      id: s.id,
      title: frameworkText(framework, s.title),
      status: statusOf(s),
      ...(s.inPassing ? { inPassing: true } : {}),
      headings: s.headings.map((h) => ({ text: h.text, line: h.range.start.line + 1 })),
    })),
    findings: findings.map((f) => {
      const r = toReportFinding(f);
      const stepId = typeof r.data.step === 'string' ? r.data.step : undefined;
      const fwStep = stepId ? framework.steps.find((s) => s.id === stepId) : undefined;
      const question = fwStep ? reviewerQuestion(fwStep, { message: r.message, data: r.data }, (q) => frameworkText(framework, q)) : undefined;
      return {
        rule: r.ruleId, severity: r.severity, message: r.message,
        line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn,
        ...(stepId ? { step: stepId } : {}),
        ...(question ? { question } : {}),
      };
    }),
    configProblems: a.configProblems,
    ...((doc.caseStudy ?? suggestedCaseStudy) ? { suggestedCaseStudy: doc.caseStudy ?? suggestedCaseStudy } : {}),
    complete: !a.fellBack,
  };
}

const SYMBOL: Record<ReviewStepStatus, string> = { ...STATUS_SYMBOL, 'not started': '○' };

/** The last path segment (no node:path: this runs in the web worker too). */
function baseName(file: string): string {
  return decodeURIComponent(file.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? file);
}

/** `caseStudyHint` names how the reader gets the suggested case study (a tool name). */
export function renderReview(r: Review, caseStudyHint: string): string {
  const name = r.file ? baseName(r.file) : l10n.t('The doc');
  const what = r.kind.kind === 'template' ? l10n.t('a design-doc template (structure and the topics it asks about)') : r.kind.isDesignDoc ? l10n.t('a design doc') : l10n.t('not a design doc ({0})', r.kind.kind);
  const out = [l10n.t('{0} is {1}: {2}.', name, what, r.kind.reason)];
  if (!r.complete) out.push(l10n.t('The analysis did not finish; the result below is partial.'));
  out.push('', l10n.t('Steps:'));
  for (const s of r.steps) {
    const where = s.headings.length ? ` — ${s.headings.map((h) => l10n.t('"{0}" (line {1})', h.text, h.line)).join(', ')}` : '';
    out.push(`  ${SYMBOL[s.status]} ${s.title}: ${stepStatusText(s.status)}${s.inPassing ? ` ${l10n.t('(in passing)')}` : ''}${where}`);
  }
  out.push('', r.findings.length ? l10n.t('Findings ({0}):', r.findings.length) : l10n.t('No findings.'));
  for (const f of r.findings) {
    out.push(`  ${l10n.t('line {0}: {1} {2} — {3}', f.line, severityText(f.severity), f.rule, f.message)}`);
    if (f.question) out.push(`    ${l10n.t('Reviewer question: {0}', f.question)}`);
  }
  if (r.configProblems.length) out.push('', l10n.t('Config problems:'), ...r.configProblems.map((p) => `  ${p}`));
  if (r.suggestedCaseStudy) out.push('', l10n.t('Closest case study: {0} ({1}).', r.suggestedCaseStudy, caseStudyHint));
  return out.join('\n');
}
