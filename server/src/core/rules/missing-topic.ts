import * as l10n from '@vscode/l10n';
import { frameworkText } from '../l10n';
import type { Rule, RuleContext, RuleFinding } from './rule';
import type { DesignDoc, Severity } from '../types';
import { docAnchor, lowerFirst, stepAnchor } from './helpers';
import { detectTask, docMentions } from './task';
import { missingBaseline } from './missing-baseline';
import { insertStepEdit } from '../fixes';

/** Rules that report a topic's gap more precisely (`reportedBy` in the framework). */
const PRECISE: Record<string, Rule> = { 'missing-baseline': missingBaseline };

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * One finding per step: a thin monitoring section is one gap, not five warnings. Templates get it
 * too (a topic the template never asks about is one every doc written from it will skip), phrased
 * for the template's author. A step the doc touches only in passing, with no section of its own,
 * gets one finding saying both: where it is touched, and what it never mentions (empty-step then
 * leaves that step to this rule).
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
  // empty-step asks for the same answer in the same lint run (which steps in passing have gaps):
  // one computation per doc and context.
  check(doc, ctx) {
    const kept = checked.get(doc);
    if (kept && kept.ctx === ctx) return kept.findings;
    const findings = topicGaps(doc, ctx);
    checked.set(doc, { ctx, findings });
    return findings;
  },
};

const checked = new WeakMap<DesignDoc, { ctx: RuleContext; findings: RuleFinding[] }>();

function topicGaps(doc: DesignDoc, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  const task = detectTask(doc, ctx);
  // Some topics only make sense for some tasks (class imbalance for a classifier): unknown task, no finding.
  const preciseFires = new Map<string, boolean>();
  const applies = (stepId: string, topicId: string) => {
    const def = ctx.framework.steps.find((f) => f.id === stepId)?.topics.find((t) => t.id === topicId);
    // A template serves every kind of system, so what a doc's subject decides does not apply to it.
    const template = doc.kind === 'template';
    if (!template && def?.appliesTo && (task === undefined || !def.appliesTo.includes(task))) return false;
    // Some only when the doc shows what makes them matter (people ranked or judged, for fairness).
    if (!template && def?.appliesWhenMentioned && !docMentions(doc, def.appliesWhenMentioned)) return false;
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
    const anchor = stepAnchor(s) ?? (s.inPassing ? docAnchor(doc, ctx.lines) : undefined);
    // A step not started yet has one finding already (empty-step): its topics are all still to come.
    if (s.status === 'missing' || s.notStarted || !anchor) continue;
    const gaps = s.topics
      .map((t) => ({ t, severity: ctx.topicSeverities[`${s.id}.${t.id}`] ?? t.severity }))
      .filter((g) => !g.t.covered && g.severity !== 'off' && applies(s.id, g.t.id));
    if (!gaps.length) continue;
    const severity = gaps.reduce<Severity>((best, g) => (RANK[g.severity as Severity] > RANK[best] ? (g.severity as Severity) : best), 'hint');
    const labels = gaps.map((g) => lowerFirst(frameworkText(ctx.framework, g.t.label)));
    const named = labels.length === 1 ? labels[0] : l10n.t('{0} or {1}', labels.slice(0, -1).join(', '), labels[labels.length - 1]);
    const def = ctx.framework.steps.find((f) => f.id === s.id);
    // The reason is the first gap's, in the doc's own terms (a classifier gets no recommender advice).
    const firstDef = def?.topics.find((t) => t.id === gaps[0].t.id);
    const why = ` ${frameworkText(ctx.framework, (task && firstDef?.whyByTask?.[task]) || gaps[0].t.why)}`;
    const title = frameworkText(ctx.framework, s.title);
    const data = { step: s.id, topic: gaps[0].t.id, topics: gaps.map((g) => g.t.id) };
    if (!stepAnchor(s)) {
      // Touched in passing: say where, what is never said, and offer the section.
      const shown = s.topics.filter((t) => t.covered && t.evidence);
      const where = shown.map((t) => l10n.t('{0} at line {1}', lowerFirst(frameworkText(ctx.framework, t.label)), t.evidence!.start.line + 1)).join(', ');
      const edit = insertStepEdit(doc, ctx.lines, ctx.framework, s.id);
      out.push({
        message: `${l10n.t("'{0}' has no section of its own; the doc touches it only in passing ({1}) and never mentions {2}.", title, where, named)}${why}`,
        range: anchor,
        severity,
        data: { ...data, inPassing: true },
        fixes: edit ? [{ title: l10n.t("Insert '{0}' section", title), edits: [edit], preferred: true }] : undefined,
      });
      continue;
    }
    // A template is the team's standard: a topic it never asks about is one its docs will skip.
    const message = doc.kind === 'template'
      ? l10n.t("The template's '{0}' asks nothing about {1}: docs written from it will likely leave it out.", title, named)
      : l10n.t("'{0}' does not mention {1}.", title, named);
    out.push({ message: `${message}${why}`, range: anchor, severity, data });
  }
  return out;
}

/** The steps touched only in passing that missing-topic reports (empty-step leaves them to it). */
export function passingStepsWithGaps(doc: DesignDoc, ctx: RuleContext): Set<string> {
  return new Set(missingTopic.check(doc, ctx).filter((f) => (f.data as { inPassing?: boolean })?.inPassing).map((f) => (f.data as { step: string }).step));
}
