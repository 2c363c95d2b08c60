/**
 * What a shell shows when an analysis did not finish (over the time limit, or the worker failed):
 * the last good result if there is one, else an empty model with the steps of the framework in use,
 * plus one `too-complex` finding saying why. Written once for the server and the CLI.
 */
import * as l10n from '@vscode/l10n';
import type { Framework } from '../core/types';
import type { AnalysisSummary } from './summary';

export interface Failure { timedOut?: boolean; error?: string }

export function failureReason(failure: Failure, timeoutMs: number): string {
  if (failure.timedOut) return timeoutMs < 1000 ? l10n.t('analysis took longer than {0} ms and was stopped', timeoutMs) : l10n.t('analysis took longer than {0} s and was stopped', Math.round(timeoutMs / 1000));
  return l10n.t('analysis failed ({0})', (failure.error ?? l10n.t('unknown error')).split('\n')[0]);
}

export function fallbackSummary(failure: Failure, timeoutMs: number, framework: Framework, previous?: AnalysisSummary): AnalysisSummary {
  const base = previous ?? emptySummary(framework);
  // A timeout replaces an earlier timeout's finding: one too-complex, not one per attempt.
  const findings = base.findings.filter((f) => !(f.ruleId === 'too-complex' && (f.data?.reason === 'time' || f.data?.reason === 'error')));
  findings.unshift({
    ruleId: 'too-complex',
    severity: 'warning',
    message: previous
      ? l10n.t('Too complex to analyse: {0}. Showing the last complete result. Splitting very long or deeply nested parts helps.', failureReason(failure, timeoutMs))
      : l10n.t('Too complex to analyse: {0}. Splitting very long or deeply nested parts helps.', failureReason(failure, timeoutMs)),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    data: { reason: failure.timedOut ? 'time' : 'error' },
    fixes: [],
  });
  return { ...base, findings, doc: { ...base.doc, isDesignDoc: previous ? base.doc.isDesignDoc : true } };
}

function emptySummary(framework: Framework): AnalysisSummary {
  return {
    findings: [],
    doc: {
      lineCount: 0, headings: [], skipped: [], isDesignDoc: false, designDocReason: 'not analysed', kind: 'other', kindReason: 'not analysed',
      steps: framework.steps.map((st) => ({ id: st.id, title: st.title, status: 'missing', headings: [], sections: [], wordCount: 0, topics: [] })),
    },
  };
}
