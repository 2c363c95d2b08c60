/** Inline comments that switch rules off and on: `<!-- mlsd-disable-next-line rule-id -->` and friends. */
import type { InlineDirective } from './types';

const DIRECTIVE = /<!--\s*mlsd-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

export function parseDirectives(html: string, startLine: number): InlineDirective[] {
  const found: InlineDirective[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(html); m; m = DIRECTIVE.exec(html)) {
    const line = startLine + html.slice(0, m.index).split('\n').length - 1;
    const rules = m[2].split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
    found.push({ kind: m[1] as InlineDirective['kind'], rules, line });
  }
  return found;
}
