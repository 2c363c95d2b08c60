/**
 * The `lint` tool: a design doc → what kind of file mlsd took it for, each step's status with the
 * headings it was read from, and the findings with the reviewer's question behind each one. The
 * analysis is the CLI's (see analysis.ts); review/review.ts shapes the answer (the editor's language-model tool gives the same).
 */
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { renderReview, toReview } from '../review/review';
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

export function toLintResult(a: Analysed): LintResult {
  return toReview(a);
}

export function renderLint(r: LintResult): string {
  return renderReview(r, 'case_study tool');
}

export function lintTool(analyzer: DocAnalyzer) {
  return (args: { path?: string; text?: string; filename?: string; config?: Record<string, unknown>; asDesignDoc?: boolean }): Promise<CallToolResult> =>
    guarded(async () => {
      const result = toLintResult(await analyzer.analyse(args));
      return ok(result, renderLint(result));
    });
}
