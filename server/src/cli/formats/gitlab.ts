/**
 * `--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality), a JSON array of
 * issues with description, check_name, fingerprint, severity and location.path/lines.begin.
 *
 * GitLab tells new issues from old ones in a merge request by fingerprint, so it is built from what
 * the finding is about — the baseline key (rule, step, topic, heading text, hash of the flagged text)
 * and the file relative to the cwd — never from the line number: editing lines above a finding keeps
 * its fingerprint. GitLab shows only the first of several issues with one fingerprint, so identical
 * findings in one file are told apart by their order.
 */
import { createHash } from 'node:crypto';
import type { FindingKey } from '../baseline';
import type { FileReport } from '../report';
import { workspacePath } from './github';

/** GitLab's scale is info, minor, major, critical, blocker; blocker is left for nothing mlsd says. */
const SEVERITY = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' } as const;

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

const fingerprint = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

/** `keys[i][j]` is the baseline key of `reports[i].findings[j]`. */
export function gitlabIssues(reports: FileReport[], keys: FindingKey[][], cwd = process.cwd()): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  reports.forEach((r, i) => {
    const file = workspacePath(r.file, cwd);
    if (r.error) {
      issues.push({ description: r.error, check_name: 'file-error', fingerprint: fingerprint(['file-error', file]), severity: 'critical', location: { path: file, lines: { begin: 1 } } });
    }
    const seen = new Map<string, number>();
    r.findings.forEach((f, j) => {
      const k = keys[i]?.[j];
      const about = [f.ruleId, file, k?.step ?? '', k?.topic ?? '', k?.heading ?? '', k?.hash ?? f.message];
      const id = JSON.stringify(about);
      const nth = seen.get(id) ?? 0;
      seen.set(id, nth + 1);
      issues.push({
        description: f.message,
        check_name: f.ruleId,
        fingerprint: fingerprint(nth ? [...about, nth] : about),
        severity: SEVERITY[f.severity],
        location: { path: file, lines: { begin: f.line } },
      });
    });
  });
  return issues;
}

export function formatGitlab(reports: FileReport[], keys: FindingKey[][], cwd = process.cwd()): string {
  return JSON.stringify(gitlabIssues(reports, keys, cwd), null, 2);
}
