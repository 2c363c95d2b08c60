/**
 * The framework a doc was analysed with, for the steps' titles and reviewer questions. Same rule as
 * the worker (host/run-analysis.ts): a custom framework file that does not parse or validate falls back
 * to the built-in seven steps (the problems were already reported).
 */
import { validateFramework } from '../core/framework';
import type { Framework } from '../core/types';
import { defaultFramework } from '../knowledge/framework';
import { withLanguages } from '../knowledge/languages';

const loaded = new Map<string, Framework>();

export function frameworkInUse(frameworkText: string | undefined): Framework {
  if (!frameworkText) return defaultFramework;
  let f = loaded.get(frameworkText);
  if (!f) {
    let data: unknown;
    try { data = JSON.parse(frameworkText); } catch { return defaultFramework; }
    const valid = validateFramework(data).framework;
    f = valid ? withLanguages(valid) : defaultFramework;
    loaded.set(frameworkText, f);
  }
  return f;
}
