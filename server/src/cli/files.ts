/** Command-line file arguments → file paths: files as given, folders searched for Markdown, globs expanded. */
import { statSync } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';

export interface Expanded { files: string[]; missing: string[] }

export function expandArgs(args: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => { if (!seen.has(f)) { seen.add(f); files.push(f); } };
  for (const arg of args) {
    let stat;
    try { stat = statSync(arg); } catch { stat = undefined; }
    if (stat?.isFile()) add(arg);
    else if (stat?.isDirectory()) {
      globSync(['**/*.md', '**/*.markdown'], { cwd: arg, ignore: ['**/node_modules/**', '**/.git/**'], dot: false })
        .sort()
        .forEach((f) => add(`${arg.replace(/\/+$/, '')}/${f}`));
    } else if (isDynamicPattern(arg)) {
      const matched = globSync(arg, { cwd, ignore: ['**/node_modules/**'], dot: false }).sort();
      if (matched.length) matched.forEach(add);
      else missing.push(arg);
    } else missing.push(arg);
  }
  return { files, missing };
}
