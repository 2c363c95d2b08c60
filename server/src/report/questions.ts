/**
 * The reviewer's question behind a finding: of its step's guiding questions, the one that shares the
 * most words with what the finding is about (its topics' labels and phrases, its message). A finding
 * that names nothing more specific gets the step's first question, which frames the whole step.
 * The message is in the UI language, so it is compared with the questions as the reader sees them
 * (`display`); the topic words are the framework's own. In English both are the same text.
 */
import type { FindingData, FrameworkStep } from '../core/types';

const SHORT = 3;

function words(text: string): Set<string> {
  // A crude stem (first five letters) lets "drift"/"drifting" and "retrain"/"retraining" meet.
  return new Set((text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > SHORT).map((w) => w.slice(0, 5)));
}

export function reviewerQuestion(step: FrameworkStep, finding: { message: string; data: FindingData }, display: (question: string) => string = (q) => q): string | undefined {
  if (!step.questions.length) return undefined;
  const topicIds = new Set([finding.data.topic, ...(Array.isArray(finding.data.topics) ? finding.data.topics : [])].filter(Boolean).map(String));
  const topics = step.topics.filter((t) => topicIds.has(t.id));
  // Topic words count double: they say precisely what is missing; the message adds context.
  const strong = words(topics.map((t) => `${t.label} ${t.phrases.join(' ')}`).join(' '));
  const weak = words(finding.message);
  let best = step.questions[0];
  let bestScore = 0;
  for (const q of step.questions) {
    let score = 0;
    for (const w of words(q)) score += strong.has(w) ? 2 : 0;
    for (const w of words(display(q))) score += weak.has(w) ? 1 : 0;
    if (score > bestScore) { best = q; bestScore = score; }
  }
  return display(best);
}
