/**
 * A small design doc the analysis worker reads once right after the server starts, so that the
 * first document a user opens finds the parser, the model, every rule and the phrase regexes
 * already compiled (cold, the first analysis costs several hundred milliseconds more than a warm one).
 * Front matter too: its schema check compiles a JSON Schema on first use.
 */
import type { Framework } from '../core/types';

export function warmUpText(framework: Framework): string {
  const sections = framework.steps.map((step) => {
    const topic = step.topics[0]?.phrases[0] ?? step.title;
    return `## ${step.title}\n\nThis section covers ${topic}. We compare a logistic regression baseline with gradient boosted trees on precision and recall.\n`;
  });
  return ['---', 'title: Warm-up', 'problem: recommendation', '---', '', '# Warm-up', '', ...sections].join('\n');
}
