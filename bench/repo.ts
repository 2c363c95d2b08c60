/**
 * Repo benchmark: `mlsd lint` run as users run it (a process, bin/mlsd.js) over a folder of design
 * docs (bench/repo-folder.ts), next to markdownlint over the same folder as the in-run reference.
 * Each run times, taking turns so a machine that slows down slows them all: cold `--jobs 1`, cold
 * default jobs, markdownlint, and warm `--cache` (the folder unchanged since the run that wrote the
 * cache). Wall time is the figure; each process's CPU time (all its threads) is kept beside it, so
 * a poor parallel speed-up can be told apart from a machine with no idle core.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeRepoFolder } from './repo-folder';

const ROOT = path.resolve(__dirname, '..');
const MLSD = path.join(ROOT, 'bin/mlsd.js');
const MARKDOWNLINT = path.join(ROOT, 'bench/markdownlint-folder.mjs');
const CPU_HOOK = path.join(ROOT, 'bench/cpu-on-exit.mjs');

export interface Timing { wallMs: number; cpuMs: number }
type Case = 'jobs1' | 'jobsDefault' | 'markdownlint' | 'warm';

/** Runs `node args…` in `cwd` with the CPU hook preloaded; exit 1 (findings) is a normal lint result. */
function timeProcess(args: string[], cwd: string, cpuFile: string): Timing {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, ...args], {
    cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MLSD_BENCH_CPU_FILE: cpuFile }, maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return { wallMs, cpuMs: Number(readFileSync(cpuFile, 'utf8')) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface RepoResult {
  docs: number;
  lines: number;
  runs: number;
  jobs: number;
  /** Medians per case. */
  median: Record<Case, Timing>;
  /** The run that wrote the cache (cold, default jobs, --cache), timed once. */
  cacheWrite: Timing;
  /** 1-minute load average before and after: how much else the machine was running. */
  load: [number, number];
}

export function measureRepo(docs: number, runs: number): RepoResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-repo-'));
  const folder = path.join(dir, 'docs');
  const cacheFile = path.join(dir, 'lint.cache');
  const cpuFile = path.join(dir, 'cpu');
  const loadBefore = os.loadavg()[0];
  try {
    const lines = writeRepoFolder(folder, docs);
    const lint = (...flags: string[]) => [MLSD, 'lint', ...flags, '.'];
    const cases: Record<Case, string[]> = {
      jobs1: lint('--jobs', '1'),
      jobsDefault: lint(),
      markdownlint: [MARKDOWNLINT, '.'],
      warm: lint('--cache-location', cacheFile),
    };
    // Writes the cache the warm runs read; nothing changes in the folder after it.
    const cacheWrite = timeProcess(lint('--cache-location', cacheFile), folder, cpuFile);
    const samples: Record<Case, Timing[]> = { jobs1: [], jobsDefault: [], markdownlint: [], warm: [] };
    const order = Object.keys(cases) as Case[];
    for (let run = 0; run < runs; run++) {
      // Rotate the order each run, so no case always follows the same neighbour.
      for (let k = 0; k < order.length; k++) {
        const c = order[(run + k) % order.length];
        samples[c].push(timeProcess(cases[c], folder, cpuFile));
      }
    }
    const med = Object.fromEntries(order.map((c) => [c, {
      wallMs: median(samples[c].map((s) => s.wallMs)),
      cpuMs: median(samples[c].map((s) => s.cpuMs)),
    }])) as Record<Case, Timing>;
    return { docs, lines, runs, jobs: defaultJobs(), median: med, cacheWrite, load: [loadBefore, os.loadavg()[0]] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `mlsd lint` picks with no --jobs (server/src/cli/parallel.ts): one per core it may use. */
function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export const REPO_HEADING = '## Repo lint (`mlsd lint` as a process, next to markdownlint)';

/** The results.md section's lines, after its heading. */
export function describeRepo(r: RepoResult): string[] {
  const m = r.median;
  const row = (label: string, t: Timing) => `| ${label} | ${s(t.wallMs)} | ${s(t.cpuMs)} | ${(t.cpuMs / t.wallMs).toFixed(2)} |`;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const busy = m.jobs1.cpuMs / m.jobs1.wallMs;
  return [
    `${r.docs.toLocaleString('en')} docs (${r.lines.toLocaleString('en')} lines: bench/generate.ts docs and copies of examples/), each tool a separate`,
    `process (\`node bin/mlsd.js lint …\`, \`node bench/markdownlint-folder.mjs\`); median of ${r.runs} runs, the cases taking turns.`,
    `CPU = user + system time of the whole process, all threads. Default jobs here: ${r.jobs}. Load average (1 min) ` +
      `${r.load[0].toFixed(1)} before, ${r.load[1].toFixed(1)} after: on a shared machine the wall figures include waiting for a core.`,
    '',
    '| case | wall s | CPU s | cores busy (CPU ÷ wall) |',
    '| --- | ---: | ---: | ---: |',
    row('mlsd lint --jobs 1 (cold)', m.jobs1),
    row(`mlsd lint (cold, default jobs = ${r.jobs})`, m.jobsDefault),
    row('markdownlint, default rules', m.markdownlint),
    row('mlsd lint --cache (warm: folder unchanged)', m.warm),
    row('mlsd lint --cache (cold: writes the cache; once)', r.cacheWrite),
    '',
    `- default jobs ÷ --jobs 1: ${x(m.jobs1.wallMs, m.jobsDefault.wallMs)} faster (target ≥ 1.70× on 2 cores); ` +
      `CPU used ${x(m.jobsDefault.cpuMs, m.jobs1.cpuMs)} of --jobs 1's`,
    `- cold default vs markdownlint: ${x(m.markdownlint.wallMs, m.jobsDefault.wallMs)} (> 1 = mlsd faster; target > 1); ` +
      `CPU ${x(m.jobsDefault.cpuMs, m.markdownlint.cpuMs)} of markdownlint's`,
    `- warm --cache vs cold default: ${x(m.jobsDefault.wallMs, m.warm.wallMs)} faster (target ≥ 10×)`,
    // Why the parallel figure has a ceiling below the core count: one analysis worker is not one busy
    // core, V8 compiles hot code and collects garbage on background threads beside it. On a machine
    // already busy with other work that reading means nothing, so it is replaced by a warning.
    Math.max(...r.load) < cores
      ? `- --jobs 1 kept ${busy.toFixed(2)} cores busy, so ${cores} cores leave --jobs ${r.jobs} at most ` +
        `${x(cores, busy)} over it, less the extra CPU the second worker costs (its own JIT warm-up)`
      : `- the machine was busy with other work (load ${Math.max(...r.load).toFixed(1)} on ${cores} cores): the wall ratios ` +
        'show what this machine gave, not what the tools need; the CPU ratios are the steadier figures',
  ];
}

/** results.md with its repo section replaced by `section` (or added before the language-server one). */
export function withRepoSection(results: string, section: string[]): string {
  const lines = results.split('\n');
  const start = lines.indexOf(REPO_HEADING);
  const block = [REPO_HEADING, '', ...section, ''];
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    if (end < 0) end = lines.length;
    lines.splice(start, end - start, ...block);
  } else {
    let at = lines.findIndex((l) => l.startsWith('## Language server'));
    if (at < 0) at = lines.length;
    lines.splice(at, 0, ...block);
  }
  return lines.join('\n');
}

// `node --import tsx bench/repo.ts [--quick] [--write]`: this section alone (npm run bench includes it);
// --write puts it into bench/results.md in place of the one there, stamped as a separate run.
if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const r = measureRepo(quick ? 100 : 1000, quick ? 1 : 5);
  const when = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const section = [`Measured on its own (\`node --import tsx bench/repo.ts --write\`), ${when}; the other sections come from the run dated at the top.`, '', ...describeRepo(r)];
  console.log(section.join('\n'));
  if (process.argv.includes('--write') && !quick) {
    const file = path.join(ROOT, 'bench/results.md');
    writeFileSync(file, withRepoSection(readFileSync(file, 'utf8'), section));
  }
}
