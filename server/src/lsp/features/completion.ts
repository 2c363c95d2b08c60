/** Completion: step headings after `#`, and glossary terms (metrics, models, techniques) in prose. */
import * as l10n from '@vscode/l10n';
import { frameworkText } from '../../core/l10n';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { Framework } from '../../core/types';
import type { DocSummary } from '../../host/summary';
import type { KnowledgeService } from '../platform';
import { markdownText } from './markdown-text';

/** A heading that starts with its number: "1. Requirements", "2) Framing". */
const NUMBERED = /^\d+[.)]\s/;

/**
 * The steps worth offering on a heading line: only those the doc has no section for yet (a step it
 * already has would be a duplicate heading), in framework order. Each is numbered by where it would
 * land — one more than the step sections above the cursor — when the doc numbers its step headings
 * (or has none yet, as in a fresh doc); unnumbered docs get plain titles.
 */
function headingItems(heading: RegExpExecArray, position: Position, doc: DocSummary | undefined, framework: Framework): CompletionItem[] {
  const has = new Set(doc?.steps.filter((s) => s.sections.length > 0).map((s) => s.id));
  const stepHeadings = (doc?.headings ?? []).filter((h) => h.stepId && h.range.start.line !== position.line);
  const numbered = stepHeadings.length === 0 || stepHeadings.some((h) => NUMBERED.test(h.text));
  // Steps whose first section starts above the cursor: the new heading comes after them.
  const above = (doc?.steps ?? []).filter((s) => s.sections.length > 0 && s.sections[0].start.line < position.line).length;
  const start = heading[1].length;
  const offered = framework.steps.filter((step) => !has.has(step.id));
  return offered.map((step, i) => {
    const label = numbered ? `${above + 1}. ${step.title}` : step.title;
    const text = ` ${label}`;
    return {
      label,
      kind: CompletionItemKind.Module,
      detail: l10n.t('missing step'),
      // Questions may come from a custom framework file: shown as text, never as Markdown.
      documentation: { kind: MarkupKind.Markdown, value: step.questions.map((q) => `- ${markdownText(frameworkText(framework, q))}`).join('\n') },
      sortText: String(i).padStart(3, '0'),
      filterText: `${heading[1]}${text}`,
      textEdit: { range: { start: { line: position.line, character: start }, end: position }, newText: `${text}\n\n` },
      insertTextFormat: InsertTextFormat.PlainText,
    };
  });
}

export function completions(line: string, position: Position, doc: DocSummary | undefined, framework: Framework, knowledge: () => KnowledgeService): CompletionItem[] {
  const before = line.slice(0, position.character);
  const heading = /^(#{1,6})(\s*)(.*)$/.exec(before);
  if (heading) return headingItems(heading, position, doc, framework);
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
      items.push({ label: topic.label, kind: CompletionItemKind.Keyword, detail: l10n.t('topic of {0}', frameworkText(framework, step.title)), documentation: topic.why && frameworkText(framework, topic.why), insertText: topic.phrases[0] });
    }
  }
  return items;
}
