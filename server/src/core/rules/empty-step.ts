import type { Rule, RuleFinding } from './rule';
import { docAnchor, lowerFirst, stepAnchor } from './helpers';
import { insertStepEdit } from '../fixes';
import { passingStepsWithGaps } from './missing-topic';

export const emptyStep: Rule = {
  meta: {
    id: 'empty-step',
    description: 'A step is there but not written: a heading with almost no content, only template prompts (not started), or only a passing mention with no section of its own.',
    defaultSeverity: 'warning',
    tags: ['structure'],
    fixable: true,
  },
  check(doc, ctx) {
    const out: RuleFinding[] = [];
    for (const s of doc.steps) {
      if (s.status !== 'thin') continue;
      const def = ctx.framework.steps.find((f) => f.id === s.id);
      const min = def?.minWords ?? 30;
      const question = def?.questions[0];
      if (s.inPassing) {
        // One finding per step: when its topics have gaps, missing-topic says where it is touched
        // and what it never mentions, together.
        if (ctx.ruleOn?.('missing-topic') && passingStepsWithGaps(doc, ctx).has(s.id)) continue;
        // No section, but the doc touches the step elsewhere: say where, and offer the section.
        const shown = s.topics.filter((t) => t.covered && t.evidence);
        const where = shown.map((t) => `${lowerFirst(t.label)} at line ${t.evidence!.start.line + 1}`).join(', ');
        const edit = insertStepEdit(doc, ctx.lines, ctx.framework, s.id);
        out.push({
          message: `'${s.title}' has no section of its own; the doc seems to touch it only in passing (${where}).${question ? ` A reviewer will ask: ${question}` : ''}`,
          range: docAnchor(doc, ctx.lines),
          data: { step: s.id, inPassing: true, topics: shown.map((t) => t.id) },
          fixes: edit ? [{ title: `Insert '${s.title}' section`, edits: [edit], preferred: true }] : undefined,
        });
        continue;
      }
      const anchor = stepAnchor(s);
      if (!anchor) continue;
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
