import * as l10n from '@vscode/l10n';
import { frameworkText } from '../l10n';
import type { Rule } from './rule';
import { stepAnchor } from './helpers';

/** Steps outside the longest run that follows the framework's order are the ones out of place. */
export const stepOrder: Rule = {
  meta: {
    id: 'step-order',
    description: "Steps appear in a different order from the framework's.",
    defaultSeverity: 'off', // real docs order steps deliberately; available for teams that want it
    tags: ['structure'],
    fixable: false,
    templates: true,
  },
  check(doc, ctx) {
    const order = new Map(ctx.framework.steps.map((s, i) => [s.id, i]));
    const present = doc.steps.filter((s) => s.firstLine !== undefined).sort((a, b) => a.firstLine! - b.firstLine!);
    const idx = present.map((s) => order.get(s.id)!);
    // Longest increasing subsequence (n ≤ number of steps, so the quadratic version is fine).
    const len = idx.map(() => 1);
    const prev = idx.map(() => -1);
    for (let i = 0; i < idx.length; i++) {
      for (let j = 0; j < i; j++) if (idx[j] < idx[i] && len[j] + 1 > len[i]) { len[i] = len[j] + 1; prev[i] = j; }
    }
    let end = len.indexOf(Math.max(0, ...len));
    const keep = new Set<number>();
    while (end >= 0) { keep.add(end); end = prev[end]; }
    const out = [];
    for (let i = 0; i < present.length; i++) {
      if (keep.has(i)) continue;
      const s = present[i];
      const kept = present.filter((_, k) => keep.has(k));
      const laterButEarlier = kept.find((p) => p.firstLine! > s.firstLine! && order.get(p.id)! < order.get(s.id)!);
      const earlierButLater = [...kept].reverse().find((p) => p.firstLine! < s.firstLine! && order.get(p.id)! > order.get(s.id)!);
      const title = frameworkText(ctx.framework, s.title);
      const message = laterButEarlier
        ? l10n.t("'{0}' comes before '{1}', but the framework puts it after. Reviewers read the steps in the framework's order.", title, frameworkText(ctx.framework, laterButEarlier.title))
        : l10n.t("'{0}' comes after '{1}', but the framework puts it before. Reviewers read the steps in the framework's order.", title, earlierButLater ? frameworkText(ctx.framework, earlierButLater.title) : l10n.t('a later step'));
      out.push({
        message,
        range: stepAnchor(s)!,
        data: { step: s.id },
      });
    }
    return out;
  },
};
