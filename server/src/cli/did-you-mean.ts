/** "Did you mean …?" for a mistyped command, flag or name: the closest known name by edit distance. */

/** Levenshtein distance (insert, delete, substitute), two rows at a time. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * The known name closest to `typed`, when it is close enough to be a typo: at most a third of the
 * longer name's letters wrong (and at least one allowed), so "lnt" finds "lint" but "force" finds nothing.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) { best = name; bestDistance = d; }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(typed.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** " — did you mean 'x'?" or nothing. */
export function suggestion(typed: string, known: readonly string[], quote = (s: string) => `'${s}'`): string {
  const hit = closest(typed, known);
  return hit === undefined ? '' : ` — did you mean ${quote(hit)}?`;
}
