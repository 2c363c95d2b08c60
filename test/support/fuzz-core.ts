/**
 * The fuzzer behind test/unit/fuzz.test.ts (CI size) and scripts/fuzz.ts (full size): seeded
 * mutations of the examples and fixtures, each checked for the core's promises: analysis never
 * throws, every finding's range lies within its line, no input takes longer than a time budget, and a
 * warm (incremental, cached) analysis equals a cold one after every edit of a random edit chain.
 * Deterministic for a seed: a failure is reproduced by its seed and index alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { ParseCache } from '../../server/src/core/parse-cache';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { rng } from '../../bench/generate';
import { applyEdit, OPENINGS, randomEdit, randomString, STRUCTURAL_LINES, type Edit } from './fuzz-edits';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fuzzFixturesDir = join(repoRoot, 'test/unit/fixtures/fuzz');

export type FailureKind = 'throws' | 'range' | 'warm-differs' | 'slow';

export interface Failure {
  kind: FailureKind;
  /** Rule whose finding is at fault (range failures). */
  ruleId?: string;
  detail: string;
  /** The text the chain started from, and the edits up to the failing one (none: the text itself fails). */
  start: string;
  edits: Edit[];
}

export interface FuzzOptions {
  seed: number;
  /** Texts to analyse in all (each edit of a chain is one). */
  inputs: number;
  /** Edits per chain. */
  chainLength?: number;
  /** Most milliseconds one cold analysis may take. */
  timeBudgetMs?: number;
  /** Called now and then with the number of inputs done. */
  progress?: (done: number) => void;
  /** Examples kept per kind of failure (kind + rule); all are counted. */
  examplesPerKind?: number;
}

export interface FuzzReport {
  inputs: number;
  chains: number;
  /** Up to `examplesPerKind` examples of each kind of failure. */
  failures: Failure[];
  /** Failures per kind (`range:too-complex`, `warm-differs`…), all of them. */
  counts: Record<string, number>;
  slowestMs: number;
  ms: number;
}

export function failureKey(f: Pick<Failure, 'kind' | 'ruleId'>): string {
  return f.ruleId ? `${f.kind}:${f.ruleId}` : f.kind;
}

/** The seed documents: every Markdown file under examples/ and test/unit/fixtures/ (fuzz failures included). */
export function corpus(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) files.push(p);
    }
  };
  for (const name of readdirSync(join(repoRoot, 'examples')).sort()) if (name.endsWith('.md')) files.push(join(repoRoot, 'examples', name));
  walk(join(repoRoot, 'test/unit/fixtures'));
  return files.map((f) => readFileSync(f, 'utf8'));
}

/** The parts of an analysis a user sees: the model without its per-chunk cache links, and the findings. */
export function visible(a: Analysis) {
  const { segments: _segments, ...doc } = a.doc;
  return { doc, findings: a.findings, lines: a.lines };
}

/** Findings whose range is not within the doc's lines: [ruleId, description]. */
export function badRanges(a: Analysis): [string, string][] {
  const bad: [string, string][] = [];
  const lineCount = Math.max(1, a.lines.length);
  const len = (line: number) => (a.lines[line] ?? '').length;
  for (const f of a.findings) {
    const { start, end } = f.range;
    const where = `${f.ruleId} ${start.line}:${start.character}-${end.line}:${end.character}`;
    if (start.line < 0 || end.line >= lineCount || start.character < 0 || end.character < 0) bad.push([f.ruleId, `${where} outside the doc (${lineCount} lines)`]);
    else if (end.line < start.line || (end.line === start.line && end.character < start.character)) bad.push([f.ruleId, `${where} ends before it starts`]);
    else if (start.character > len(start.line) || end.character > len(end.line)) bad.push([f.ruleId, `${where} past the line end (lines ${len(start.line)}, ${len(end.line)} long)`]);
  }
  return bad;
}

/** A document from the corpus, mutated: some openings changed, lines spliced in from others, junk. */
export function mutate(docs: string[], rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let text = pick(docs);
  if (rand() < 0.4) text = pick(OPENINGS)(text);
  const rounds = Math.floor(rand() * 6);
  for (let r = 0; r < rounds; r++) {
    const lines = text.split('\n');
    const roll = rand();
    if (roll < 0.25) {
      // Splice a stretch of another document in.
      const other = pick(docs).split('\n');
      const from = Math.floor(rand() * other.length);
      lines.splice(Math.floor(rand() * (lines.length + 1)), 0, ...other.slice(from, from + 1 + Math.floor(rand() * 20)));
    } else if (roll < 0.4) {
      // Duplicate or drop a stretch of lines.
      const from = Math.floor(rand() * lines.length);
      const n = 1 + Math.floor(rand() * 10);
      if (rand() < 0.5) lines.splice(from, 0, ...lines.slice(from, from + n));
      else lines.splice(from, n);
    } else if (roll < 0.5) {
      // A run of one Markdown character, long enough to matter to the parser, short enough to stay fast.
      const run = pick(['*', '_', '~', '[', ']', '>', '`', '#', '-', '|', '<', '\\']).repeat(1 + Math.floor(rand() * 400));
      lines.splice(Math.floor(rand() * (lines.length + 1)), 0, rand() < 0.5 ? run : `${run}a${run}`);
    } else if (roll < 0.6) {
      lines.splice(Math.floor(rand() * (lines.length + 1)), 0, randomString(rand, Math.floor(rand() * 60)));
    } else {
      lines.splice(Math.floor(rand() * (lines.length + 1)), 0, pick(STRUCTURAL_LINES));
    }
    text = lines.join('\n');
  }
  if (rand() < 0.1) text = text.replace(/\n/g, pick(['\r\n', '\n', '\r']));
  return text;
}

/**
 * Runs `inputs` analyses: chains of a mutated document and random edits. Every text is analysed cold
 * (range and time checks) and warm with the chain's cache (compared with the cold result).
 */
export function runFuzz(options: FuzzOptions): FuzzReport {
  const { seed, inputs } = options;
  const chainLength = options.chainLength ?? 8;
  const timeBudgetMs = options.timeBudgetMs ?? 2_000;
  const examplesPerKind = options.examplesPerKind ?? 20;
  const counts: Record<string, number> = {};
  const docs = corpus();
  const rand = rng(seed);
  const failures: Failure[] = [];
  // One-time costs (a language pack's phrase regexes are compiled on the first text in that
  // language) belong to start-up, not to whichever input happens to come first: pay them here.
  for (const doc of docs) analyze(doc, { framework: defaultFramework });
  const t0 = performance.now();
  let done = 0;
  let chains = 0;
  let slowestMs = 0;
  while (done < inputs) {
    chains++;
    const start = mutate(docs, rand);
    const cache = new ParseCache();
    const edits: Edit[] = [];
    let text = start;
    for (let k = 0; k <= chainLength && done < inputs; k++) {
      if (k > 0) {
        const e = randomEdit(rand, text.length);
        edits.push(e);
        text = applyEdit(text, e);
      }
      done++;
      if (options.progress && done % 1000 === 0) options.progress(done);
      const fail = (kind: FailureKind, detail: string, ruleId?: string) => {
        const key = failureKey({ kind, ruleId });
        counts[key] = (counts[key] ?? 0) + 1;
        if (counts[key] <= examplesPerKind) failures.push({ kind, detail, ruleId, start, edits: [...edits] });
      };
      let cold: Analysis;
      let warm: Analysis;
      try {
        const t = performance.now();
        cold = analyze(text, { framework: defaultFramework });
        const ms = performance.now() - t;
        slowestMs = Math.max(slowestMs, ms);
        if (ms > timeBudgetMs) fail('slow', `cold analysis took ${Math.round(ms)} ms (budget ${timeBudgetMs} ms), ${text.length} characters`);
        warm = analyze(text, { framework: defaultFramework, cache });
      } catch (err) {
        fail('throws', String((err as Error)?.stack ?? err).split('\n').slice(0, 4).join(' | '));
        break;
      }
      for (const [ruleId, detail] of badRanges(cold)) fail('range', detail, ruleId);
      if (!isDeepStrictEqual(visible(warm), visible(cold))) {
        fail('warm-differs', describeDifference(visible(warm), visible(cold)));
        break; // the cache is now off track; the rest of the chain would repeat the failure
      }
    }
  }
  return { inputs: done, chains, failures, counts, slowestMs, ms: performance.now() - t0 };
}

function describeDifference(warm: ReturnType<typeof visible>, cold: ReturnType<typeof visible>): string {
  for (const key of Object.keys(cold.doc) as (keyof typeof cold.doc)[]) {
    if (!isDeepStrictEqual(warm.doc[key], cold.doc[key])) return `doc.${String(key)} differs: warm ${JSON.stringify(warm.doc[key])?.slice(0, 200)} vs cold ${JSON.stringify(cold.doc[key])?.slice(0, 200)}`;
  }
  const w = warm.findings.map((f) => `${f.ruleId}@${f.range.start.line}`).join(',');
  const c = cold.findings.map((f) => `${f.ruleId}@${f.range.start.line}`).join(',');
  return `findings differ: warm [${w.slice(0, 300)}] vs cold [${c.slice(0, 300)}]`;
}

/** Replays one saved failure: the start text, then its edits, with every check. Returns what still fails. */
export function replay(start: string, edits: Edit[], timeBudgetMs = 2_000): string[] {
  const problems: string[] = [];
  const cache = new ParseCache();
  let text = start;
  for (let k = 0; k <= edits.length; k++) {
    if (k > 0) text = applyEdit(text, edits[k - 1]);
    const t = performance.now();
    const cold = analyze(text, { framework: defaultFramework });
    const ms = performance.now() - t;
    if (ms > timeBudgetMs) problems.push(`slow: ${Math.round(ms)} ms`);
    const warm = analyze(text, { framework: defaultFramework, cache });
    for (const [, detail] of badRanges(cold)) problems.push(`range: ${detail}`);
    if (!isDeepStrictEqual(visible(warm), visible(cold))) problems.push(`warm differs: ${describeDifference(visible(warm), visible(cold))}`);
  }
  return problems;
}
