/** The CLI's per-file result, with 1-based positions (the shape of `--format json`). */
import type { Finding, Severity, StepStatus } from '../core/types';
import type { AnalysisSummary } from '../host/summary';

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, string | number | boolean>;
}

export interface FileReport {
  file: string;
  isDesignDoc: boolean;
  steps: { id: string; title: string; status: StepStatus; line: number | null }[];
  findings: ReportFinding[];
  /** The file could not be read or analysed at all. */
  error?: string;
}

export function toReport(file: string, s: AnalysisSummary): FileReport {
  return {
    file,
    isDesignDoc: s.doc.isDesignDoc,
    steps: s.doc.steps.map((st) => ({ id: st.id, title: st.title, status: st.status, line: st.headings[0] ? st.headings[0].range.start.line + 1 : null })),
    findings: s.findings.map(toReportFinding),
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
  };
}
