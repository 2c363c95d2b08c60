/**
 * The `lint` tool: a design doc → what kind of file mlsd took it for, each step's status with the
 * headings it was read from, and the findings with the reviewer's question behind each one. The
 * analysis is the CLI's (see analysis.ts); this file only shapes the answer.
 */
import * as path from 'node:path';
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { StepModel } from '../core/types';
import { toReportFinding } from '../cli/report';
import { frameworkOf } from '../host/frameworks';
import { reviewerQuestion } from '../report/questions';
import { STATUS_SYMBOL } from '../report/status-labels';
import type { Analysed, DocAnalyzer } from './analysis';
import { guarded, ok } from './result';

export const lintInput = {
  path: z.string().optional().describe('A Markdown file inside the client\'s roots (relative paths start at the first root). Give this or `text`.'),
  text: z.string().optional().describe('The doc\'s Markdown itself. Give this or `path`.'),
  filename: z.string().optional().describe('With `text`: where the doc lives or will live, so the nearest .mlsd.json applies.'),
  config: z.record(z.string(), z.unknown()).optional().describe('An .mlsd.json object (rules, topics, extraTopics, framework, lintMode…) used instead of the nearest .mlsd.json.'),
  asDesignDoc: z.boolean().optional().describe('Lint with every rule whatever kind of file it looks like.'),
};

const STEP_STATUSES = ['covered', 'thin', 'not started', 'missing'] as const;
type McpStepStatus = (typeof STEP_STATUSES)[number];

export const lintOutput = {
  file: z.string().optional(),
  kind: z.object({ isDesignDoc: z.boolean(), kind: z.string(), reason: z.string() }),
  steps: z.array(z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(STEP_STATUSES),
    inPassing: z.boolean().optional(),
    headings: z.array(z.object({ text: z.string(), line: z.number() })),
  })),
  findings: z.array(z.object({
    rule: z.string(),
    severity: z.enum(['error', 'warning', 'info', 'hint']),
    message: z.string(),
    line: z.number(),
    column: z.number(),
    endLine: z.number(),
    endColumn: z.number(),
    step: z.string().optional(),
    question: z.string().optional(),
  })),
  configProblems: z.array(z.string()),
  suggestedCaseStudy: z.string().optional(),
  /** False when the analysis did not finish and a too-complex result stands in. */
  complete: z.boolean(),
};

type LintResult = z.infer<z.ZodObject<typeof lintOutput>>;

function statusOf(s: StepModel): McpStepStatus {
  return s.notStarted ? 'not started' : s.status;
}

export function toLintResult(a: Analysed): LintResult {
  const { doc, findings, suggestedCaseStudy } = a.summary;
  const framework = frameworkOf(a.frameworkText);
  return {
    ...(a.file ? { file: a.file } : {}),
    kind: { isDesignDoc: doc.isDesignDoc, kind: doc.kind, reason: doc.kindReason },
    steps: doc.steps.map((s) => ({
      id: s.id,
      title: s.title,
      status: statusOf(s),
      ...(s.inPassing ? { inPassing: true } : {}),
      headings: s.headings.map((h) => ({ text: h.text, line: h.range.start.line + 1 })),
    })),
    findings: findings.map((f) => {
      const r = toReportFinding(f);
      const stepId = typeof r.data.step === 'string' ? r.data.step : undefined;
      const fwStep = stepId ? framework.steps.find((s) => s.id === stepId) : undefined;
      const question = fwStep ? reviewerQuestion(fwStep, { message: r.message, data: r.data }) : undefined;
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

const SYMBOL: Record<McpStepStatus, string> = { ...STATUS_SYMBOL, 'not started': '○' };

export function renderLint(r: LintResult): string {
  const name = r.file ? path.basename(r.file) : 'The doc';
  const what = r.kind.kind === 'template' ? 'a design-doc template (structural checks only)' : r.kind.isDesignDoc ? 'a design doc' : `not a design doc (${r.kind.kind})`;
  const out = [`${name} is ${what}: ${r.kind.reason}.`];
  if (!r.complete) out.push('The analysis did not finish; the result below is partial.');
  out.push('', 'Steps:');
  for (const s of r.steps) {
    const where = s.headings.length ? ` — ${s.headings.map((h) => `"${h.text}" (line ${h.line})`).join(', ')}` : '';
    out.push(`  ${SYMBOL[s.status]} ${s.title}: ${s.status}${s.inPassing ? ' (in passing)' : ''}${where}`);
  }
  out.push('', r.findings.length ? `Findings (${r.findings.length}):` : 'No findings.');
  for (const f of r.findings) {
    out.push(`  line ${f.line}: ${f.severity} ${f.rule} — ${f.message}`);
    if (f.question) out.push(`    Reviewer question: ${f.question}`);
  }
  if (r.configProblems.length) out.push('', 'Config problems:', ...r.configProblems.map((p) => `  ${p}`));
  if (r.suggestedCaseStudy) out.push('', `Closest case study: ${r.suggestedCaseStudy} (case_study tool).`);
  return out.join('\n');
}

export function lintTool(analyzer: DocAnalyzer) {
  return (args: { path?: string; text?: string; filename?: string; config?: Record<string, unknown>; asDesignDoc?: boolean }): Promise<CallToolResult> =>
    guarded(async () => {
      const result = toLintResult(await analyzer.analyse(args));
      return ok(result, renderLint(result));
    });
}
