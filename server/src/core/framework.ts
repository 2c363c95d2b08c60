/** Framework files: validated by schemas/framework.schema.json plus the checks a schema cannot express. */
import type { Framework } from './types';
import { schemas, validateAgainst } from './validate';

export interface FrameworkLoad { framework?: Framework; errors: string[] }

export function validateFramework(data: unknown): FrameworkLoad {
  const errors = validateAgainst(schemas.framework, data).map((p) => `${p.path || '(root)'} ${p.message}`);
  if (errors.length) return { errors };
  const framework = data as Framework;
  const seen = new Set<string>();
  for (const step of framework.steps) {
    if (seen.has(step.id)) errors.push(`steps: step id "${step.id}" appears twice`);
    seen.add(step.id);
    const topics = new Set<string>();
    for (const t of step.topics) {
      if (topics.has(t.id)) errors.push(`steps.${step.id}: topic id "${t.id}" appears twice`);
      topics.add(t.id);
      for (const key of ['patterns', 'sectionPatterns'] as const) {
        for (const p of t[key] ?? []) {
          const problem = patternProblem(p);
          if (problem) errors.push(`steps.${step.id}.topics.${t.id}.${key}: ${JSON.stringify(p)} ${problem}`);
        }
      }
    }
  }
  return errors.length ? { errors } : { framework, errors };
}

/**
 * A quantified group that itself holds an unbounded quantifier, as in `(a+)+$`: backtracking regex
 * engines can take exponential time on it, so a user's framework file could stall the analysis.
 * Bounded repeats (`(?:\w+\s+){0,3}`) are fine. Only this commonest shape is caught.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/;

/** Why a topic pattern cannot be used (compiled as the model compiles it: case-insensitive, unicode). */
function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'iu');
  } catch (e) {
    return `is not a valid regular expression (${String((e as Error).message ?? e).replace(/^Invalid regular expression: /, '')})`;
  }
  if (NESTED_QUANTIFIER.test(pattern)) return 'repeats a group that repeats itself (like (a+)+), which can take exponential time: use a single quantifier';
  return undefined;
}
