import type { Rule, RuleFinding } from './rule';
import { stepAnchor } from './helpers';

export const emptyStep: Rule = {
  meta: {
    id: 'empty-step',
    description: 'A step has a heading but almost no content, or only template prompts (not started).',
    defaultSeverity: 'warning',
    tags: ['structure'],
    fixable: false,
  },
  check(doc, ctx) {
    const out: RuleFinding[] = [];
    for (const s of doc.steps) {
      const anchor = stepAnchor(s);
      if (s.status !== 'thin' || !anchor) continue;
      const def = ctx.framework.steps.find((f) => f.id === s.id);
      const min = def?.minWords ?? 30;
      const question = def?.questions[0];
      if (s.notStarted) {
        // One finding for the step, not one per prompt line (unfilled-placeholder stays quiet here).
        const n = s.promptCount ?? 0;
        out.push({
          message: `'${s.title}' is not started: its section holds only template prompts (${n} unanswered).${question ? ` Start with: ${question}` : ''}`,
          range: anchor,
          data: { step: s.id, words: 0, minWords: min, prompts: n, notStarted: true },
        });
        continue;
      }
      out.push({
        message: `'${s.title}' has ${s.wordCount} word${s.wordCount === 1 ? '' : 's'} of content (at least ${min} expected).${question ? ` Start with: ${question}` : ''}`,
        range: anchor,
        data: { step: s.id, words: s.wordCount, minWords: min },
      });
    }
    return out;
  },
};
