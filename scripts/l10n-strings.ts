/**
 * The English message bundle (`l10n/bundle.l10n.json`): every `t()` / `vscode.l10n.t()` call in
 * client/src and server/src, found by `@vscode/l10n-dev` as `l10n-dev export` finds them, plus the
 * shipped framework's and lexicon's display strings, which are data and reach `t()` as variables
 * (core/l10n.ts: `frameworkText`, `shippedText`). `npm run l10n:extract` writes it; the l10n unit
 * test fails when it is stale or a translation misses a key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { defaultFramework } from '../server/src/knowledge/framework';
import { lexicon } from '../server/src/core/lexicon';
import { SKIP_REASONS } from '../server/src/core/skip-reasons';
import practice from '../server/src/knowledge/practice.json';

export const root = join(__dirname, '..');
export const bundleDir = join(root, 'l10n');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** The shipped framework's text a reader sees: step titles, questions, topic labels and reasons. */
export function frameworkStrings(): string[] {
  const out: string[] = [];
  for (const s of defaultFramework.steps) {
    out.push(s.title, ...s.questions);
    for (const t of s.topics) out.push(t.label, ...(t.why ? [t.why] : []), ...Object.values(t.whyByTask ?? {}));
  }
  return out;
}

/** Other shipped text that reaches the reader: the lexicon's placeholder kinds, the metrics a task
 * should report and the document kinds, the practice plan's questions (its step titles are the framework's). */
export function lexiconStrings(): string[] {
  return [...lexicon.placeholders.map((p) => p.label), ...Object.values(lexicon.taskMetrics).map((m) => m.suggest),
    ...lexicon.documentKinds.map((k) => k.label), ...lexicon.boundedQuantities.quantities.map((q) => q.label), ...SKIP_REASONS, ...practice.steps.flatMap((s) => s.questions)];
}

/** Keys used in code (by `t()` calls), from these folders. */
export async function codeStrings(folders = ['client/src', 'server/src']): Promise<Record<string, string>> {
  const files = folders.flatMap((f) => sources(join(root, f))).map((p) => ({ contents: readFileSync(p, 'utf8'), extension: '.ts' }));
  const json = await getL10nJson(files);
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : v.message]));
}

/** The English bundle as it should be on disk: sorted keys, each its own message. */
export async function englishBundle(): Promise<Record<string, string>> {
  const all: Record<string, string> = await codeStrings();
  for (const s of [...frameworkStrings(), ...lexiconStrings()]) all[s] = s;
  return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
}

export function renderBundle(bundle: Record<string, string>): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
