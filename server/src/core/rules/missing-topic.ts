import * as l10n from '@vscode/l10n';
import { frameworkText } from '../l10n';
import type { Rule } from './rule';
import type { Severity } from '../types';
import { lowerFirst, stepAnchor } from './helpers';
import { detectTask } from './task';
import { missingBaseline } from './missing-baseline';

/** Rules that report a topic's gap more precisely (`reportedBy` in the framework). */
const PRECISE: Record<string, Rule> = { 'missing-baseline': missingBaseline };

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** One finding per step: a thin monitoring section is one gap, not five warnings. */
export const missingTopic: Rule = {
  meta: {
    id: 'missing-topic',
    description: 'A step is present but does not cover topics the framework expects of it (one finding per step, naming them all).',
    defaultSeverity: 'warning',
    tags: ['content'],
    fixable: false,
  },
  check(doc, ctx) {
    const out = [];
    const task = detectTask(doc, ctx);
    // Some topics only make sense for some tasks (class imbalance for a classifier): unknown task, no finding.
    const preciseFires = new Map<string, boolean>();
    const applies = (stepId: string, topicId: string) => {
      const def = ctx.framework.steps.find((f) => f.id === stepId)?.topics.find((t) => t.id === topicId);
      if (def?.appliesTo && (task === undefined || !def.appliesTo.includes(task))) return false;
      // One gap, one finding: the precise rule speaks for it when it fires.
      const precise = def?.reportedBy ? PRECISE[def.reportedBy] : undefined;
      if (precise) {
        let fires = preciseFires.get(precise.meta.id);
        if (fires === undefined) preciseFires.set(precise.meta.id, (fires = precise.check(doc, ctx).length > 0));
        if (fires) return false;
      }
      return true;
    };
    for (const s of doc.steps) {
      const anchor = stepAnchor(s);
      // A step not started yet has one finding already (empty-step): its topics are all still to come.
      if (s.status === 'missing' || s.notStarted || !anchor) continue;
      const gaps = s.topics
        .map((t) => ({ t, severity: ctx.topicSeverities[`${s.id}.${t.id}`] ?? t.severity }))
        .filter((g) => !g.t.covered && g.severity !== 'off' && applies(s.id, g.t.id));
      if (!gaps.length) continue;
      const severity = gaps.reduce<Severity>((best, g) => (RANK[g.severity as Severity] > RANK[best] ? (g.severity as Severity) : best), 'hint');
      const labels = gaps.map((g) => lowerFirst(frameworkText(ctx.framework, g.t.label)));
      const named = labels.length === 1 ? labels[0] : l10n.t('{0} or {1}', labels.slice(0, -1).join(', '), labels[labels.length - 1]);
      // The reason is the first gap's, in the doc's own terms (a classifier gets no recommender advice).
      const firstDef = ctx.framework.steps.find((f) => f.id === s.id)?.topics.find((t) => t.id === gaps[0].t.id);
      const why = ` ${frameworkText(ctx.framework, (task && firstDef?.whyByTask?.[task]) || gaps[0].t.why)}`;
      out.push({
        message: `${l10n.t("'{0}' does not mention {1}.", frameworkText(ctx.framework, s.title), named)}${why}`,
        range: anchor,
        severity,
        data: { step: s.id, topic: gaps[0].t.id, topics: gaps.map((g) => g.t.id) },
      });
    }
    return out;
  },
};
