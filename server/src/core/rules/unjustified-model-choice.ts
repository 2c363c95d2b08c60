import * as l10n from '@vscode/l10n';
import type { Rule } from './rule';
import { modelMentions } from './model-choices';
import { locateInBlock } from './helpers';
import { findFirst } from '../phrases';
import { justificationStubEdit } from '../fixes';

export const unjustifiedModelChoice: Rule = {
  meta: {
    id: 'unjustified-model-choice',
    description: 'A model or algorithm is chosen with no reason in its paragraph, list item or table row.',
    defaultSeverity: 'warning',
    tags: ['model', 'reasoning'],
    fixable: true,
  },
  check(doc, ctx) {
    const out = [];
    for (const m of modelMentions(doc, ctx)) {
      if (m.justified) continue;
      const family = m.families[0];
      const r = locateInBlock(m.block, ctx.lines, (line) => {
        const hit = findFirst(line, family.phrases);
        return hit && { index: hit.index, length: hit.text.length };
      });
      const edit = justificationStubEdit(m.block, ctx.lines);
      out.push({
        message: l10n.t('No reason is given for choosing {0}. Why this model, and which alternatives did you compare it with?', family.label),
        range: r,
        data: { step: m.block.stepId ?? '', family: family.id, tier: family.tier },
        fixes: edit ? [{ title: 'Add "Why this model / Alternatives considered"', edits: [edit], preferred: true }] : undefined,
      });
    }
    return out;
  },
};
