/**
 * "Did you mean …?" for a mistyped command, flag or name. The distance lives in the core
 * (config.ts needs it for misspelt rule keys in .mlsd.json); this is the CLI's phrasing of it.
 */
import { closestName } from '../core/config';

export const closest = closestName;

/** " — did you mean 'x'?" or nothing. */
export function suggestion(typed: string, known: readonly string[], quote = (s: string) => `'${s}'`): string {
  const hit = closestName(typed, known);
  return hit === undefined ? '' : ` — did you mean ${quote(hit)}?`;
}
