import type { Rule } from './rule';
import { docAnchor } from './helpers';
import { insertStepEdit } from '../fixes';

export const missingStep: Rule = {
  meta: {
    id: 'missing-step',
    description: 'A step of the framework has no section in the doc.',
    defaultSeverity: 'warning',
    tags: ['structure'],
    fixable: true,
    templates: true,
  },
  check(doc, ctx) {
    const anchor = docAnchor(doc, ctx.lines);
    return doc.steps
      .filter((s) => s.status === 'missing')
      .map((s) => {
        const question = ctx.framework.steps.find((f) => f.id === s.id)?.questions[0];
        return {
          message: `No section for '${s.title}'.${question ? ` A reviewer will ask: ${question}` : ''}`,
          range: anchor,
          data: { step: s.id },
          fixes: withEdit(insertStepEdit(doc, ctx.lines, ctx.framework, s.id), `Insert '${s.title}' section`),
        };
      });
  },
};

function withEdit(edit: ReturnType<typeof insertStepEdit>, title: string) {
  return edit ? [{ title, edits: [edit], preferred: true }] : undefined;
}
