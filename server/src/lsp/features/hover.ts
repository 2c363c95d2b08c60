/** Hover: a step heading shows its guiding questions and topic coverage; an ML term shows its glossary entry. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Framework } from '../../core/types';
import type { DocSummary } from '../../host/summary';
import { knowledge } from './knowledge-requests';
import { markdownText } from './markdown-text';

export function hover(line: string, position: Position, doc: DocSummary | undefined, framework: Framework): Hover | null {
  const heading = doc?.headings.find((h) => h.range.start.line === position.line && h.stepId && h.depth <= 6);
  if (heading && doc) {
    const step = doc.steps.find((s) => s.id === heading.stepId);
    const def = framework.steps.find((s) => s.id === heading.stepId);
    if (step && def) {
      // Titles, questions and topic labels may come from a custom framework file: shown as text.
      const topics = step.topics.map((t) => `- ${t.covered ? '✓' : '✗'} ${markdownText(t.label)}`).join('\n');
      const value = [
        `**${markdownText(def.title)}** — ${step.status} (${step.wordCount} words)`, '',
        'Questions to answer:', ...def.questions.map((q) => `- ${markdownText(q)}`), '',
        'Topics:', topics,
      ].join('\n');
      return { contents: { kind: MarkupKind.Markdown, value }, range: heading.range };
    }
  }
  const { termAt, formatEntry } = knowledge();
  const term = termAt(line, position.character);
  if (!term) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: formatEntry(term.entry, true) },
    range: { start: { line: position.line, character: term.start }, end: { line: position.line, character: term.end } },
  };
}
