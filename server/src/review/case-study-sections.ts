/**
 * A case study's Markdown cut into its step sections, from the core's reading of it (the way the
 * case-study panel finds its step anchors). Shared by the MCP `case_study` tool and the language
 * server's `mlsd/caseStudyText` request.
 */
import { splitLines } from '../core/text';
import type { AnalysisSummary } from '../host/summary';

export function stepSections(markdown: string, doc: AnalysisSummary['doc']): Map<string, string> {
  const lines = splitLines(markdown);
  const found = new Map<string, string>();
  for (const step of doc.steps) {
    const parts = step.sections.map((r) => lines.slice(r.start.line, r.end.line + 1).join('\n').trimEnd());
    if (parts.length) found.set(step.id, parts.join('\n\n'));
  }
  return found;
}
