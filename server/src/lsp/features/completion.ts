/** Completion: step headings after `#`, and glossary terms (metrics, models, techniques) in prose. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { Framework } from '../../core/types';
import type { DocSummary } from '../../host/summary';
import { knowledge } from './knowledge-requests';
import { markdownText } from './markdown-text';

export function completions(line: string, position: Position, doc: DocSummary | undefined, framework: Framework): CompletionItem[] {
  const before = line.slice(0, position.character);
  const heading = /^(#{1,6})(\s*)(.*)$/.exec(before);
  if (heading) {
    const start = heading[1].length;
    return framework.steps.map((step, i) => {
      const status = doc?.steps.find((s) => s.id === step.id)?.status ?? 'missing';
      const text = ` ${i + 1}. ${step.title}`;
      return {
        label: `${i + 1}. ${step.title}`,
        kind: CompletionItemKind.Module,
        detail: status === 'missing' ? 'missing step' : `step (${status})`,
        // Questions may come from a custom framework file: shown as text, never as Markdown.
        documentation: { kind: MarkupKind.Markdown, value: step.questions.map((q) => `- ${markdownText(q)}`).join('\n') },
        sortText: `${status === 'missing' ? '0' : '1'}${i}`,
        filterText: `${heading[1]}${text}`,
        textEdit: { range: { start: { line: position.line, character: start }, end: position }, newText: `${text}\n\n` },
        insertTextFormat: InsertTextFormat.PlainText,
      };
    });
  }
  const { glossary, formatEntry } = knowledge();
  const items: CompletionItem[] = glossary.map((e) => ({
    label: e.term,
    kind: e.category === 'metric' ? CompletionItemKind.Unit : CompletionItemKind.Text,
    detail: e.category,
    documentation: { kind: MarkupKind.Markdown, value: formatEntry(e, true) },
  }));
  const stepIds = new Set(doc?.steps.map((s) => s.id));
  for (const step of framework.steps) {
    if (doc && !stepIds.has(step.id)) continue;
    for (const topic of step.topics) {
      items.push({ label: topic.label, kind: CompletionItemKind.Keyword, detail: `topic of ${step.title}`, documentation: topic.why, insertText: topic.phrases[0] });
    }
  }
  return items;
}
