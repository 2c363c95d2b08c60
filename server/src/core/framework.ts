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
    }
  }
  return errors.length ? { errors } : { framework, errors };
}
