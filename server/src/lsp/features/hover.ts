/** Hover: a finding explains its check (what, why, an example); a step heading shows its guiding questions
 * and topic coverage; an ML term shows its glossary entry. */
import * as l10n from '@vscode/l10n';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Finding, Framework } from '../../core/types';
import { comparePositions } from '../../core/text';
import type { DocSummary } from '../../host/summary';
import type { KnowledgeService } from '../platform';
import { markdownText } from './markdown-text';
import { frameworkText } from '../../core/l10n';
import { stepStatusText } from '../../review/status-text';

/** `findings`: the published ones (none when the doc is not linted); `ruleUrl`: each rule's page. */
export function hover(line: string, position: Position, doc: DocSummary | undefined, framework: Framework, knowledge: () => KnowledgeService,
  findings: readonly Finding[] = [], ruleUrl?: (ruleId: string) => string): Hover | null {
  const explained = explainFindings(findings, position, knowledge, ruleUrl);
  const rest = otherHover(line, position, doc, framework, knowledge);
  if (!explained) return rest;
  // What is under the cursor (a heading's step, a term) first; the checks that fired there after it.
  const value = rest ? `${(rest.contents as { value: string }).value}\n\n---\n\n${explained.value}` : explained.value;
  return { contents: { kind: MarkupKind.Markdown, value }, range: rest?.range ?? explained.range };
}

/** Each rule with a finding under the cursor, once: its one line, why it matters, and an example that fires. */
function explainFindings(findings: readonly Finding[], position: Position, knowledge: () => KnowledgeService, ruleUrl?: (ruleId: string) => string) {
  const here = findings.filter((f) => comparePositions(f.range.start, position) <= 0 && comparePositions(position, f.range.end) <= 0);
  const ids = [...new Set(here.map((f) => f.ruleId))];
  const parts = ids.flatMap((id) => {
    const e = knowledge().ruleExplanation(id);
    if (!e) return [];
    return [[
      `**${id}** — ${e.description}`, '',
      e.why, '',
      ...(e.example ? [l10n.t('For example, this fires:'), '', '````markdown', e.example, '````', ''] : []),
      ...(ruleUrl ? [`[${l10n.t('About {0}', id)}](${ruleUrl(id)})`] : []),
    ].join('\n').trim()];
  });
  return parts.length ? { value: parts.join('\n\n---\n\n'), range: here[0].range } : undefined;
}

function otherHover(line: string, position: Position, doc: DocSummary | undefined, framework: Framework, knowledge: () => KnowledgeService): Hover | null {
  const heading = doc?.headings.find((h) => h.range.start.line === position.line && h.depth <= 6);
  if (heading && doc && doc.isDesignDoc) {
    // Which step the heading was taken for, and why — so a user can see the mapping and correct it.
    const stepId = heading.sectionStepId;
    const step = doc.steps.find((s) => s.id === stepId);
    const def = framework.steps.find((s) => s.id === stepId);
    const title = (id: string) => `**${markdownText(frameworkText(framework, framework.steps.find((f) => f.id === id)?.title ?? id))}**`;
    const others = (heading.sectionStepIds?.length ?? 0) > 1 ? heading.sectionStepIds!.slice(1).map(title).join(', ') : '';
    const readAs = stepId ? (others ? l10n.t('Read as {0} and {1}', title(stepId), others) : l10n.t('Read as {0}', title(stepId))) : l10n.t('Read as no step');
    const mapping = `${readAs}: ${markdownText(heading.why ?? '')}. ${l10n.t('To change it, put {0} on the line above.', '`<!-- mlsd-step: step-id -->`')}`;
    if (!step || !def) return { contents: { kind: MarkupKind.Markdown, value: mapping }, range: heading.range };
    {
      // Titles, questions and topic labels may come from a custom framework file: shown as text.
      const topics = step.topics.map((topic) => `- ${topic.covered ? '✓' : '✗'} ${markdownText(frameworkText(framework, topic.label))}`).join('\n');
      const value = [
        mapping, '',
        `**${markdownText(frameworkText(framework, def.title))}** — ${l10n.t('{0} ({1} words)', stepStatusText(step.status), step.wordCount)}`, '',
        l10n.t('Questions to answer:'), ...def.questions.map((q) => `- ${markdownText(frameworkText(framework, q))}`), '',
        l10n.t('Topics:'), topics,
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
