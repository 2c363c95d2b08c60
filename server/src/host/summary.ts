/**
 * What crosses the worker boundary after an analysis: the doc model without its prose blocks
 * (the shells only need steps, headings and flags) and the findings. Plain data.
 */
import type { DesignDoc, Finding } from '../core/types';

export type DocSummary = Omit<DesignDoc, 'blocks' | 'directives' | 'segments'>;

export interface AnalysisSummary {
  doc: DocSummary;
  findings: Finding[];
  /** Suggested case study when the doc does not name one. */
  suggestedCaseStudy?: string;
}

export function summarise(doc: DesignDoc, findings: Finding[], suggestedCaseStudy?: string): AnalysisSummary {
  const { blocks: _blocks, directives: _directives, segments: _segments, ...rest } = doc;
  return { doc: rest, findings, suggestedCaseStudy };
}
