import * as l10n from '@vscode/l10n';
import { shippedText } from '../l10n';
import type { Rule } from './rule';
import type { MetricEntry } from '../lexicon';
import { detectTask, imbalanceStatement } from './task';
import { locateInBlock, proseBlocks, stepIdsWithRole } from './helpers';
import { createVocabulary, findFirst, matchesAny } from '../phrases';

const vocabularies = new WeakMap<MetricEntry[], ReturnType<typeof createVocabulary<MetricEntry>>>();
function vocabularyFor(metrics: MetricEntry[]) {
  let v = vocabularies.get(metrics);
  if (!v) vocabularies.set(metrics, (v = createVocabulary(metrics)));
  return v;
}

export const metricTaskMismatch: Rule = {
  meta: {
    id: 'metric-task-mismatch',
    description: "The offline metrics do not fit the ML task (ranking measured by accuracy alone; a rare-positive classifier measured by accuracy).",
    defaultSeverity: 'warning',
    tags: ['evaluation'],
    fixable: false,
  },
  check(doc, ctx) {
    let task = detectTask(doc, ctx);
    if (!task) return [];
    if (task === 'classification') {
      if (!imbalanceStatement(doc, ctx)) return [];
      task = 'classification-imbalanced';
    }
    const expectation = ctx.lexicon.taskMetrics[task];
    if (!expectation) return [];
    const blocks = proseBlocks(doc, stepIdsWithRole(ctx, 'evaluation'));
    const used = new Map<string, { block: (typeof blocks)[number]; label: string }>();
    const vocabulary = vocabularyFor(ctx.lexicon.metrics);
    // The task is judged by its offline metrics: in an A/B test or a pilot, "response accuracy"
    // names a business measure. A block that says offline, or a test set, stays offline.
    const { onlineEvaluationCues: online, offlineEvaluationCues: offline } = ctx.lexicon;
    const isOnline = (b: (typeof blocks)[number]) => {
      if (matchesAny(b.text, offline)) return false;
      const heading = b.sectionIndex >= 0 ? doc.headings[b.sectionIndex] : undefined;
      return matchesAny(b.text, online) || (!!heading && matchesAny(heading.text, online));
    };
    for (const b of blocks) {
      if (isOnline(b)) continue;
      for (const { entry } of vocabulary.scan(b.text)) {
        if (!used.has(entry.id)) used.set(entry.id, { block: b, label: entry.label });
      }
    }
    if (!used.size || expectation.fitting.some((id) => used.has(id))) return [];
    const misfits = expectation.misfit.filter((id) => used.has(id));
    if (!misfits.length) return [];
    const first = used.get(misfits[0])!;
    const metric = ctx.lexicon.metrics.find((m) => m.id === misfits[0])!;
    const taskWords: Record<string, string> = {
      ranking: l10n.t('a ranking task'),
      'classification-imbalanced': l10n.t('a classifier whose positives are rare'),
      regression: l10n.t('a regression task'),
      detection: l10n.t('a detection task'),
    };
    const named = misfits.map((id) => used.get(id)!.label).join(', ');
    return [{
      message: l10n.t('{0} alone does not fit {1}. Which of {2} will you report?', `${named.charAt(0).toUpperCase()}${named.slice(1)}`, taskWords[task] ?? task, shippedText(expectation.suggest)),
      range: locateInBlock(first.block, ctx.lines, (line) => {
        const hit = findFirst(line, metric.phrases);
        return hit && { index: hit.index, length: hit.text.length };
      }),
      data: { step: first.block.stepId ?? '', task, metric: misfits[0] },
    }];
  },
};
