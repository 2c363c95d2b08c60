/** Names close to one that was not found: same words in another order, a prefix, or a typo or two. */
import { editDistance } from '../core/edit-distance';

const norm = (s: string) => s.toLowerCase().replace(/[\s\-_/]+/g, ' ').trim();

export function closeMatches(name: string, candidates: readonly string[], limit = 5): string[] {
  const wanted = norm(name);
  if (!wanted) return [];
  const scored: { c: string; score: number }[] = [];
  for (const c of new Set(candidates)) {
    const n = norm(c);
    let score: number | undefined;
    if (n.includes(wanted) || wanted.includes(n)) score = 0;
    else {
      const d = editDistance(wanted, n);
      // Allow about one typo per four letters, at least one.
      if (d <= Math.max(1, Math.floor(Math.min(wanted.length, n.length) / 4))) score = d;
      else if (wanted.split(' ').some((w) => w.length > 3 && n.split(' ').includes(w))) score = 3;
    }
    if (score !== undefined) scored.push({ c, score });
  }
  return scored.sort((x, y) => x.score - y.score || x.c.length - y.c.length).slice(0, limit).map((s) => s.c);
}
