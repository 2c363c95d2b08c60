/**
 * `npm run bench`: one table, every figure measured in this run on the same seeded docs, each next to
 * an anchor measured in the same run (bare remark-parse, markdownlint) so ratios survive a noisy machine.
 * Writes bench/results.md. Timings live here only; tests assert behaviour, never time.
 */
import { coldStartLine, editorColdStartLine, measureColdStart } from './cold-start';
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as os from 'node:os';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyze } from '../server/src/core/analyze';
import { ParseCache } from '../server/src/core/parse-cache';
import { defaultFramework } from '../server/src/knowledge/framework';
import { generateDoc, generateHeadingsDoc } from './generate';
import { rssMb, startServer } from './lsp-client';
import { describeOpenClose, openCloseCycles } from './open-close';
import { describeRepo, measureRepo, REPO_HEADING } from './repo';

const quick = process.argv.includes('--quick');
const sizes = quick ? [300, 3000] : [300, 3000, 30000];
const runsFor = (lines: number) => (lines >= 30000 ? 5 : lines >= 3000 ? 11 : 21);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}
/** Median wall time of fn(i) over runs, after one warm-up call (JIT, regex compilation, module init). */
function time(fn: (run: number) => void, runs: number): number {
  fn(-1);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** A one-character edit inside a step, about two thirds into the doc, alternating insert and delete. */
function editAt(text: string, n: number): { text: string; line: number; character: number; insert: boolean } {
  const lines = text.split('\n');
  let line = Math.floor(lines.length * 0.66);
  while (line < lines.length - 1 && !/^[A-Z]/.test(lines[line])) line++;
  const insert = n % 2 === 0;
  const character = 3;
  lines[line] = insert ? `${lines[line].slice(0, character)}x${lines[line].slice(character)}` : `${lines[line].slice(0, character)}${lines[line].slice(character + 1)}`;
  return { text: lines.join('\n'), line, character, insert };
}

async function main() {
  const rows: string[][] = [];
  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);
  const docs = new Map(sizes.map((n) => [n, generateDoc(n, 42)]));
  const full = new Map<number, number>();
  const barePer = new Map<number, number>();

  for (const [n, text] of docs) {
    const runs = runsFor(n);
    // Cold figures use a different doc of the same size on every run (seeds 1000+), the same docs
    // for all three tools, so no tool is helped by caches from an earlier run on the same text.
    // The three tools take turns on each doc, so a machine that slows down mid-run slows all three.
    const variants = Array.from({ length: runs + 1 }, (_, i) => generateDoc(n, 1000 + i));
    const samples = { bare: [] as number[], lint: [] as number[], full: [] as number[] };
    const clock = (fn: () => void) => { const t0 = performance.now(); fn(); return performance.now() - t0; };
    for (let i = 0; i <= runs; i++) {
      const d = variants[i];
      const b = clock(() => bare.parse(d));
      const l = clock(() => markdownlint({ strings: { doc: d } }));
      const f = clock(() => analyze(d, { framework: defaultFramework }));
      if (i === 0) continue; // warm-up
      samples.bare.push(b); samples.lint.push(l); samples.full.push(f);
    }
    const tBare = median(samples.bare);
    const tLint = median(samples.lint);
    const tFull = median(samples.full);
    const cache = new ParseCache();
    let current = text;
    analyze(current, { framework: defaultFramework, cache });
    let k = 0;
    const tIncr = time(() => { current = editAt(current, k++).text; analyze(current, { framework: defaultFramework, cache }); }, Math.max(runs, 21));
    full.set(n, tFull);
    barePer.set(n, tBare);
    rows.push([`${n} lines`, ms(tBare), ms(tLint), ms(tFull), ratio(tFull, tBare), ms(tIncr), ratio(tIncr, tLint)]);
  }

  const out: string[] = [];
  const host = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  out.push(`# mlsd benchmark`, '', `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${host}`, '');
  out.push('Docs are generated by bench/generate.ts (seeded). Median of several runs after a warm-up; all in this run. Cold', 'figures (bare, markdownlint, mlsd full) take turns on a fresh doc of the same size each run; incremental edits one doc with a warm cache.', '');
  out.push('## Analysis (in process)', '');
  out.push('| doc | bare remark-parse+gfm+frontmatter ms | markdownlint ms | mlsd full ms | full ÷ bare | mlsd incremental (1-char edit) ms | incremental ÷ markdownlint |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  if (full.has(30000) && full.has(3000)) {
    out.push('', `Growth: mlsd full 30,000 ÷ 3,000 lines = ${ratio(full.get(30000)!, full.get(3000)!)} (bare remark-parse: ${ratio(barePer.get(30000)!, barePer.get(3000)!)}); 10× the lines.`);
  }

  // ---- many headings: time must grow linearly with the number of sections (issue 11) ----
  out.push('', '## Many headings (in process)', '');
  out.push('Each section is a `##` heading and one short paragraph (bench/generate.ts `generateHeadingsDoc`); cold analyses, median of several runs after a warm-up.', '');
  out.push('| doc | 5,000 sections ms | 50,000 sections ms | 50,000 ÷ 5,000 (10× the sections; linear = 10×) |');
  out.push('| --- | ---: | ---: | ---: |');
  for (const variant of ['plain', 'steps'] as const) {
    const small = generateHeadingsDoc(5000, variant);
    const large = generateHeadingsDoc(quick ? 10000 : 50000, variant);
    const tSmall = time(() => analyze(small, { framework: defaultFramework }), 5);
    const tLarge = time(() => analyze(large, { framework: defaultFramework }), quick ? 1 : 3);
    const label = variant === 'plain' ? '"Section N" headings (no step)' : 'step-named headings (seven steps in turn)';
    out.push(`| ${label} | ${ms(tSmall)} | ${quick ? `(10,000: ${ms(tLarge)})` : ms(tLarge)} | ${quick ? '—' : ratio(tLarge, tSmall)} |`);
  }

  // ---- a docs folder linted by the CLI, as a process (bench/repo.ts) ----
  out.push('', REPO_HEADING, '');
  out.push(...describeRepo(measureRepo(quick ? 100 : 1000, quick ? 1 : 5)));

  // ---- the language server over stdio ----
  out.push('', '## Language server (JSON-RPC over stdio, debounce 0)', '');
  const inits: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { server, initMs } = await startServer();
    inits.push(initMs);
    await server.close();
  }
  out.push(`- server start → initialize result: median ${ms(median(inits))} ms (5 starts)`);

  for (const n of sizes.filter((s) => s >= 3000)) {
    const { server } = await startServer();
    const uri = `file:///bench/doc-${n}.md`;
    let text = docs.get(n)!;
    let version = 1;
    const first = server.diagnosticsFor(uri, version);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await first;
    const rssFirst = rssMb(server.proc.pid!);
    const lat: number[] = [];
    const edits = n >= 30000 ? 1000 : 200;
    for (let k = 0; k < edits; k++) {
      const e = editAt(text, k);
      text = e.text;
      version++;
      const done = server.diagnosticsFor(uri, version);
      const t0 = performance.now();
      await server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [e.insert
          ? { range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } }, text: 'x' }
          : { range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + 1 } }, text: '' }],
      });
      await done;
      lat.push(performance.now() - t0);
    }
    const rssAfter = rssMb(server.proc.pid!);
    out.push(`- ${n}-line doc, keystroke → publishDiagnostics: median ${ms(median(lat))} ms, p95 ${ms(p95(lat))} ms (${edits} one-character edits)`);
    out.push(`  - server RSS: ${rssFirst.toFixed(0)} MB after the first analysis, ${rssAfter.toFixed(0)} MB after ${edits} edits (${ratio(rssAfter, rssFirst)})`);
    await server.close();
  }

  out.push(describeOpenClose(await openCloseCycles(quick ? 1000 : 3000)));

  // ---- sizes and activation ----
  out.push('', '## Sizes and activation', '');
  const dist = path.resolve(__dirname, '../dist');
  for (const f of existsSync(dist) ? readdirSync(dist).filter((x) => x.endsWith('.js')).sort() : []) {
    out.push(`- dist/${f}: ${(statSync(path.join(dist, f)).size / 1024).toFixed(0)} KB`);
  }
  // The web extension (package.json `browser`): what a browser downloads, raw and gzip-compressed.
  const web = path.join(dist, 'web');
  for (const f of existsSync(web) ? readdirSync(web).filter((x) => x.endsWith('.js')).sort() : []) {
    const bytes = readFileSync(path.join(web, f));
    out.push(`- dist/web/${f} (web extension): ${(bytes.length / 1024).toFixed(0)} KB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzipped`);
  }
  const vsix = path.resolve(__dirname, '../mlsd.vsix');
  out.push(existsSync(vsix) ? `- mlsd.vsix: ${(statSync(vsix).size / 1024).toFixed(0)} KB` : '- mlsd.vsix: not built (run `npm run package`)');
  const act = path.resolve(__dirname, '../.test-artifacts/activation.json');
  if (existsSync(act)) {
    try {
      const a = JSON.parse(readFileSync(act, 'utf8')) as { activationMsInside?: number; activateMs?: number; serverReadyMs?: number; measuredAt?: string };
      out.push(`- extension activation (extension-host suite, ${a.measuredAt ?? 'last e2e run'}): activate() body ${ms(a.activationMsInside ?? NaN)} ms; ` +
        `activate() including loading the bundle ${ms(a.activateMs ?? NaN)} ms; server ready ${ms(a.serverReadyMs ?? NaN)} ms`);
    } catch { /* no figure */ }
  } else out.push('- extension activation: run `npm run test:e2e` first (the extension-host suite records it)');
  out.push(coldStartLine(await measureColdStart()));
  const editorCold = editorColdStartLine();
  if (editorCold) out.push(editorCold);

  const report = out.join('\n') + '\n';
  process.stdout.write(report);
  if (!quick) writeFileSync(path.resolve(__dirname, 'results.md'), report);
}

main().catch((e) => { console.error(e); process.exit(1); });
