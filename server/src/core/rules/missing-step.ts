import * as l10n from '@vscode/l10n';
import { frameworkText } from '../l10n';
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
          message: `${l10n.t("No section for '{0}'.", frameworkText(ctx.framework, s.title))}${question ? ` ${l10n.t('A reviewer will ask: {0}', frameworkText(ctx.framework, question))}` : ''}`,
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
