/**
 * Document symbols as the step hierarchy: each found step, its headings beneath; other headings at top level.
 * Only for design docs (and templates of them): for a README or a note VS Code's own Markdown outline is
 * enough, and ours would show as a second, redundant "ML System Design Docs" group in the Outline view.
 */
import * as l10n from '@vscode/l10n';
import { SymbolKind, type DocumentSymbol, type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { DocSummary } from '../../host/summary';
import type { Framework } from '../../core/types';
import { frameworkText } from '../../core/l10n';
import { stepStatusText } from '../../review/status-text';

/** True when mlsd's step view of the doc is worth showing (symbols, folding). */
export function hasStepOutline(doc: DocSummary): boolean {
  return doc.isDesignDoc || doc.kind === 'template';
}

export function documentSymbols(doc: DocSummary, framework?: Framework): DocumentSymbol[] {
  if (!hasStepOutline(doc)) return [];
  const symbols: { line: number; symbol: DocumentSymbol }[] = [];
  for (const step of doc.steps) {
    if (!step.range || !step.headings.length) continue;
    const children = step.headings.map<DocumentSymbol>((h) => ({
      name: h.text || l10n.t('(empty heading)'),
      kind: SymbolKind.String,
      range: h.range,
      selectionRange: h.range,
    }));
    symbols.push({
      line: step.range.start.line,
      symbol: {
        name: frameworkText(framework, step.title),
        detail: stepStatusText(step.status),
        kind: SymbolKind.Module,
        range: step.range,
        selectionRange: step.headings[0].range,
        children,
      },
    });
  }
  for (const h of doc.headings) {
    if (h.sectionStepId || h.depth > 6) continue;
    symbols.push({ line: h.range.start.line, symbol: { name: h.text || l10n.t('(empty heading)'), kind: SymbolKind.String, range: h.range, selectionRange: h.range } });
  }
  return symbols.sort((a, b) => a.line - b.line).map((s) => s.symbol);
}

export function foldingRanges(doc: DocSummary): FoldingRange[] {
  if (!hasStepOutline(doc)) return [];     // VS Code's Markdown folding already folds every heading
  const ranges: FoldingRange[] = [];
  for (const step of doc.steps) {
    for (const section of step.sections) {
      if (section.end.line > section.start.line) {
        ranges.push({ startLine: section.start.line, endLine: section.end.line, kind: FoldingRangeKind.Region });
      }
    }
  }
  return ranges;
}
