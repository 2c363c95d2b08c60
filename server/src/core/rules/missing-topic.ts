import type { Rule } from './rule';
import type { Severity } from '../types';
import { lowerFirst, stepAnchor } from './helpers';

export const missingTopic: Rule = {
  meta: {
    id: 'missing-topic',
    description: 'A step is present but does not cover a topic the framework expects of it.',
    defaultSeverity: 'warning',
    tags: ['content'],
    fixable: false,
  },
  check(doc, ctx) {
    const out = [];
    for (const s of doc.steps) {
      const anchor = stepAnchor(s);
      if (s.status === 'missing' || !anchor) continue;
      for (const t of s.topics) {
        const severity = ctx.topicSeverities[`${s.id}.${t.id}`] ?? t.severity;
        if (t.covered || severity === 'off') continue;
        out.push({
          message: `'${s.title}' does not mention ${lowerFirst(t.label)}. ${t.why}`,
          range: anchor,
          severity: severity as Severity,
          data: { step: s.id, topic: t.id },
        });
      }
    }
    return out;
  },
};
