/**
 * `--format junit`: the JUnit XML that CI test-report views read (GitLab, Jenkins, Azure, CircleCI).
 * One testsuite "mlsd"; one testcase per linted file, named by its path. A file with error or warning
 * findings fails with one <failure> listing them all (a testcase carries at most one failure in the
 * common JUnit schemas); a file with only info and hint findings passes and lists them in
 * <system-out>; a file that could not be read is an <error>; a file that is not a design doc is
 * <skipped>. Counts on the suite are derived from the testcases so they always agree.
 */
import type { FileReport, ReportFinding } from '../report';
import { xmlAttr, xmlText } from './xml';

const FAILS = new Set(['error', 'warning']);

const findingLine = (file: string, f: ReportFinding) => `${file}:${f.line}:${f.column}: ${f.severity} ${f.message.replace(/\s+/g, ' ').trim()} [${f.ruleId}]`;

interface Case { xml: string; outcome: 'pass' | 'failure' | 'error' | 'skipped' }

function testcase(r: FileReport): Case {
  const open = `    <testcase classname="mlsd" name="${xmlAttr(r.file)}" file="${xmlAttr(r.file)}">`;
  if (r.error) {
    return { outcome: 'error', xml: `${open}\n      <error message="${xmlAttr(r.error)}" type="file-error">${xmlText(r.error)}</error>\n    </testcase>` };
  }
  if (r.skipped) {
    const why = `not a design doc (${r.kind?.kind ?? 'unknown kind'}: ${r.kind?.reason ?? 'too few steps'})`;
    return { outcome: 'skipped', xml: `${open}\n      <skipped message="${xmlAttr(why)}"/>\n    </testcase>` };
  }
  const failing = r.findings.filter((f) => FAILS.has(f.severity));
  const body = xmlText(r.findings.map((f) => findingLine(r.file, f)).join('\n'));
  if (failing.length) {
    const counts = ['error', 'warning', 'info', 'hint']
      .map((s) => [s, r.findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ');
    const type = failing.some((f) => f.severity === 'error') ? 'error' : 'warning';
    return { outcome: 'failure', xml: `${open}\n      <failure message="${xmlAttr(counts)}" type="${type}">${body}</failure>\n    </testcase>` };
  }
  if (r.findings.length) return { outcome: 'pass', xml: `${open}\n      <system-out>${body}</system-out>\n    </testcase>` };
  return { outcome: 'pass', xml: `${open.slice(0, -1)}/>` };
}

export function formatJunit(reports: FileReport[]): string {
  const cases = reports.map(testcase);
  const count = (o: Case['outcome']) => cases.filter((c) => c.outcome === o).length;
  const counts = `tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mlsd" ${counts}>`,
    `  <testsuite name="mlsd" ${counts}>`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}
