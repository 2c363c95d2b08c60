/**
 * The one framework cache: framework file text → the Framework the core runs with (the file's steps
 * plus the language packs' vocabulary). Shared by the worker (analysis), the fallback (steps of a doc
 * whose analysis failed) and the server (hover, completion, insert step), so they agree on the steps.
 *
 * The text must already have passed `validateFramework`: a shell only ever holds framework text that
 * did (`FrameworkFile.text` is set only then; in the server the worker validated it), so no JSON
 * Schema check — ajv's compile costs hundreds of milliseconds — runs on a shell's main thread here.
 */
import type { Framework } from '../core/types';
import { defaultFramework } from '../knowledge/framework';
import { withLanguages } from '../knowledge/languages';

const MAX_FRAMEWORKS = 8;
const cache = new Map<string, Framework>();

export function frameworkOf(validText: string | undefined): Framework {
  if (!validText) return defaultFramework;
  let f = cache.get(validText);
  if (!f) {
    try { f = withLanguages(JSON.parse(validText) as Framework); } catch { f = defaultFramework; }
    if (cache.size >= MAX_FRAMEWORKS) cache.clear();
    cache.set(validText, f);
  }
  return f;
}
