/**
 * "Did you mean …?" for a mistyped command, flag or name. The distance lives in the core
 * (config.ts needs it for misspelt rule keys in .mlsd.json); this is the CLI's phrasing of it.
 */
import { closestName } from '../core/config';

/**
 * The nearest known name; a swap of two neighbouring letters counts as one typo too, so short
 * names are caught ("--quite" → "--quiet"), where plain edit distance sees two.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  return closestName(typed, known) ?? known.find((k) => isOneSwap(typed.toLowerCase(), k.toLowerCase()));
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** " — did you mean 'x'?" or nothing. */
export function suggestion(typed: string, known: readonly string[], quote = (s: string) => `'${s}'`): string {
  const hit = closest(typed, known);
  return hit === undefined ? '' : ` — did you mean ${quote(hit)}?`;
}
