import * as l10n from '@vscode/l10n';
import type { Rule } from './rule';
import { shownSkipReason } from '../skip-reasons';

/** Reports the parts of a doc that exceeded the analysis budget and were read as plain text. */
export const tooComplex: Rule = {
  meta: {
    id: 'too-complex',
    description: 'Part of the doc is too large or too deeply nested to analyse as Markdown.',
    defaultSeverity: 'warning',
    tags: ['robustness'],
    fixable: false,
    templates: true,
  },
  check(doc, ctx) {
    return doc.skipped.map((s) => ({
      message: l10n.t('Too complex to analyse: {0}. mlsd read lines {1}–{2} as plain text, so steps and topics there may be missed.', shownSkipReason(s.reason), s.range.start.line + 1, s.range.end.line + 1),
      // On the region's first line (its end character belongs to its last line).
      range: { start: s.range.start, end: { line: s.range.start.line, character: Math.min((ctx.lines[s.range.start.line] ?? '').length, 200) } },
      data: { reason: s.reason },
    }));
  },
};
