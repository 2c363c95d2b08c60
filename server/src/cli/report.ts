/** The CLI's per-file result, with 1-based positions (the shape of `--format json`). */
import type { DocKind, Finding, FindingData, Severity, StepStatus } from '../core/types';
import type { AnalysisSummary } from '../host/summary';

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: FindingData;
  /** Other places the finding points at (1-based), e.g. the second value of an inconsistent number. */
  related?: { line: number; column: number; message: string }[];
}

export interface FileReport {
  file: string;
  isDesignDoc: boolean;
  /** What kind of file mlsd took it for, and why (only design docs get design findings). */
  kind?: { kind: DocKind; reason: string };
  steps: { id: string; title: string; status: StepStatus; line: number | null }[];
  findings: ReportFinding[];
  /** How each heading was read: the step(s) its section was taken for (null: title, TOC, references…). */
  headings?: ReportHeading[];
  /** The file could not be read or analysed at all. */
  error?: string;
  /** Not linted: mlsd read it as something other than a design doc (see `kind`); `lint --all` lints it anyway. */
  skipped?: boolean;
}

export interface ReportHeading { line: number; text: string; level: number; step: string | null; steps: string[]; why?: string }

export function toReport(file: string, s: AnalysisSummary): FileReport {
  return {
    file,
    isDesignDoc: s.doc.isDesignDoc,
    kind: { kind: s.doc.kind, reason: s.doc.kindReason },
    steps: s.doc.steps.map((st) => ({ id: st.id, title: st.title, status: st.status, line: st.headings[0] ? st.headings[0].range.start.line + 1 : null })),
    findings: s.findings.map(toReportFinding),
    headings: s.doc.headings.map((h) => ({
      line: h.range.start.line + 1,
      text: h.text,
      level: h.depth,
      step: h.sectionStepId ?? null,
      steps: h.sectionStepIds ? [...h.sectionStepIds] : [],
      ...(h.why ? { why: h.why } : {}),
    })),
  };
}

export function toReportFinding(f: Finding): ReportFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    data: f.data ?? {},
    ...(f.related?.length ? { related: f.related.map((r) => ({ line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message })) } : {}),
  };
}
