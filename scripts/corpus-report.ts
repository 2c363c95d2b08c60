/**
 * Runs mlsd over the shared corpus of real design docs (../shared/corpus, not part of the repo)
 * and prints: steps found per doc, whether it counts as a design doc, and the most common findings.
 * Then, when the corpus has reviewer labels, prints the labelled score (score.mjs).
 * Usage: npm run corpus [-- path/to/corpus/docs]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { defaultFramework } from '../server/src/knowledge/framework';

const dir = process.argv[2] ?? path.resolve(__dirname, '../../shared/corpus/docs');
let files: string[];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
} catch {
  console.error(`corpus not found at ${dir} (pass its docs folder as the first argument)`);
  process.exit(2);
}

const byRule = new Map<string, number>();
const mark = { covered: '✓', thin: '~', missing: '·' } as const;
console.log(`${'file'.padEnd(58)} doc  steps  ${defaultFramework.steps.map((s) => s.id.slice(0, 4)).join(' ')}  findings  ms`);
for (const f of files) {
  const text = readFileSync(path.join(dir, f), 'utf8');
  const t0 = performance.now();
  const { doc, findings } = analyze(text, { framework: defaultFramework });
  const ms = performance.now() - t0;
  for (const x of findings) byRule.set(x.ruleId, (byRule.get(x.ruleId) ?? 0) + 1);
  const found = doc.steps.filter((s) => s.status !== 'missing').length;
  console.log(`${f.slice(0, 57).padEnd(58)} ${doc.isDesignDoc ? (doc.kind === 'template' ? 'tpl' : 'yes') : 'no '}  ${found}/7    ${doc.steps.map((s) => `${mark[s.status]}   `).join(' ')}  ${String(findings.length).padStart(8)}  ${ms.toFixed(0)}`);
}
console.log('\nfindings by rule:');
for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${rule}`);

// The reviewer's labels, when the shared corpus has them: the score the issue targets are measured by.
const scorer = path.resolve(dir, '../score.mjs');
if (existsSync(scorer)) {
  console.log('\nLabelled score (../shared/corpus/score.mjs):');
  spawnSync(process.execPath, [scorer], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') });
}
