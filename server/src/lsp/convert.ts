/** Core values → LSP values. The only place that knows both shapes. */
import * as l10n from '@vscode/l10n';
import { frameworkText } from '../core/l10n';
import type { Framework } from '../core/types';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../core/config';
import type { Finding, Severity } from '../core/types';
import type { AnalysisSummary } from '../host/summary';
import type { DocumentModelResult } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs travels with the diagnostic, so code actions need no server state. */
export interface DiagnosticData { ruleId: string; fixes: Finding['fixes']; facts?: Finding['data'] }

/** A problem in `.mlsd.json` or a framework file, shown on that file. */
export function toConfigProblemDiagnostic(file: string, p: ConfigProblem): Diagnostic {
  const line = p.line ?? 0;
  const character = p.column ?? 0;
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: DiagnosticSeverity.Error,
    source: 'mlsd',
    code: 'invalid-config',
    message: l10n.t('{0}: {1}. mlsd uses its defaults for this part.', baseName(file), p.message),
  };
}

/** The last segment of a path or URI (no node:path: this runs in the web worker too). */
function baseName(file: string): string {
  return decodeURIComponent(file.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? file);
}

/** `ruleUrl`: where the rule's page is (a file beside the Node bundle; in the web, inside the extension).
 * `uri`: the document's, for the finding's other places (related information). */
export function toDiagnostic(f: Finding, ruleUrl: (ruleId: string) => string, uri?: string): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, fixes: f.fixes, facts: f.data };
  return {
    ...(uri && f.related?.length ? { relatedInformation: f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) } : {}),
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleUrl(f.ruleId) },
    source: 'mlsd',
    message: f.message,
    data,
  };
}

/** `framework`: the one the doc was read with; the shipped one's titles and labels reach the client translated. */
export function toDocumentModel(uri: string, version: number | null, s: AnalysisSummary, lintable: boolean, framework?: Framework): DocumentModelResult {
  const perStep = new Map<string, number>();
  for (const f of s.findings) {
    const step = f.data?.step;
    if (typeof step === 'string' && step) perStep.set(step, (perStep.get(step) ?? 0) + 1);
  }
  const steps = s.doc.steps.map((st) => ({
    id: st.id,
    title: frameworkText(framework, st.title),
    // The core keeps a prompts-only step "thin" (it is neither missing nor covered); the wire names it.
    status: st.notStarted ? 'not-started' as const : st.status,
    ...(st.notStarted && st.promptCount ? { promptCount: st.promptCount } : {}),
    ...(st.inPassing ? { inPassing: true } : {}),
    range: st.range,
    headings: st.headings.map((h) => ({ text: h.text, depth: h.depth, range: h.range, ...(h.why ? { why: h.why } : {}) })),
    topics: st.topics.map((t) => ({ id: t.id, label: frameworkText(framework, t.label), covered: t.covered, severity: t.severity, range: t.evidence })),
    findingCount: perStep.get(st.id) ?? 0,
  }));
  return {
    uri,
    version,
    isDesignDoc: lintable,
    designDocReason: s.doc.designDocReason,
    kind: s.doc.kind,
    steps,
    coveredCount: steps.filter((st) => st.status === 'covered').length,
    stepCount: steps.length,
    findingCount: lintable ? s.findings.length : 0,
    problemType: s.doc.problemType,
    caseStudy: s.doc.caseStudy ?? s.suggestedCaseStudy,
    tooComplex: s.findings.some((f) => f.ruleId === 'too-complex'),
  };
}
