import type { Rule } from './rule';
import type { Severity } from '../types';
import { lowerFirst, stepAnchor } from './helpers';
import { detectTask, docMentions } from './task';
import { missingBaseline } from './missing-baseline';

/** Rules that report a topic's gap more precisely (`reportedBy` in the framework). */
const PRECISE: Record<string, Rule> = { 'missing-baseline': missingBaseline };

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * One finding per step: a thin monitoring section is one gap, not five warnings. Templates get it
 * too (a topic the template never asks about is one every doc written from it will skip), phrased
 * for the template's author.
 */
export const missingTopic: Rule = {
  meta: {
    id: 'missing-topic',
    description: 'A step is present but does not cover topics the framework expects of it (one finding per step, naming them all).',
    defaultSeverity: 'warning',
    tags: ['content'],
    fixable: false,
    templates: true,
  },
  check(doc, ctx) {
    const out = [];
    const task = detectTask(doc, ctx);
    // Some topics only make sense for some tasks (class imbalance for a classifier): unknown task, no finding.
    const preciseFires = new Map<string, boolean>();
    const applies = (stepId: string, topicId: string) => {
      const def = ctx.framework.steps.find((f) => f.id === stepId)?.topics.find((t) => t.id === topicId);
      if (def?.appliesTo && (task === undefined || !def.appliesTo.includes(task))) return false;
      // Some only when the doc shows what makes them matter (people ranked or judged, for fairness).
      if (def?.appliesWhenMentioned && !docMentions(doc, def.appliesWhenMentioned)) return false;
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
      const labels = gaps.map((g) => lowerFirst(g.t.label));
      const named = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
      // The reason is the first gap's, in the doc's own terms (a classifier gets no recommender advice).
      const firstDef = ctx.framework.steps.find((f) => f.id === s.id)?.topics.find((t) => t.id === gaps[0].t.id);
      const why = ` ${(task && firstDef?.whyByTask?.[task]) || gaps[0].t.why}`;
      // A template is the team's standard: a topic it never asks about is one its docs will skip.
      const message = doc.kind === 'template'
        ? `The template's '${s.title}' asks nothing about ${named}: docs written from it will likely leave it out.${why}`
        : `'${s.title}' does not mention ${named}.${why}`;
      out.push({
        message,
        range: anchor,
        severity,
        data: { step: s.id, topic: gaps[0].t.id, topics: gaps.map((g) => g.t.id) },
      });
    }
    return out;
  },
};
