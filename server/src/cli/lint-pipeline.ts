/**
 * What `mlsd lint` does between "these are the files" and "print these reports", for the team and CI
 * flags: pick the files changed since a ref, analyse them on `--jobs` workers through the `--cache`,
 * show progress on a terminal, then take out findings recorded in the `--baseline` and findings
 * outside the changed lines. The lint command itself keeps flag parsing, output and exit codes.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { FileSettings } from '../host/file-settings';
import { readText } from '../host/read-text';
import type { AnalysisSummary } from '../host/summary';
import { baselinePath, findingKeys, matchBaseline, nextBaseline, readBaseline, writeBaselineFile, type BaselineEntry, type FindingKey } from './baseline';
import { changesOf, ChangedSinceError, gitChanges, touchesChange, type Changes, type StepSections } from './changed-since';
import { buildId, LintCache } from './lint-cache';
import { HostPool, mapInOrder, parseJobs } from './parallel';
import { Progress } from './progress';
import { toReport, type FileReport } from './report';

/** The flags this adds to `mlsd lint` (the shape both node's parseArgs and the CLI's flag parser take). */
export const PIPELINE_FLAGS = {
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'changed-since': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
} as const;

/** Their lines in `mlsd lint --help`, in the same columns as the other options. */
export const PIPELINE_HELP = `      --baseline FILE     report only findings not recorded in FILE (stale entries counted on stderr)
      --write-baseline FILE  record the current findings in FILE (prunes entries that no longer match)
      --changed-since REF lint only Markdown changed since the git ref; only findings in changed parts
      --cache             reuse results of unchanged files (kept in .mlsdcache)
      --cache-location PATH  where --cache keeps them (implies --cache)
  -j, --jobs N            files analysed in parallel (default: one per core)`;

export interface PipelineOptions {
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  cacheLocation?: string;
  jobs: number;
}

type FlagValues = { [K in keyof typeof PIPELINE_FLAGS]?: string | boolean };

/** Flag values → options, or a one-line usage problem. */
export function pipelineOptions(values: FlagValues): PipelineOptions | string {
  const jobs = parseJobs(values.jobs as string | undefined);
  if (typeof jobs === 'string') return jobs;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  for (const name of ['baseline', 'write-baseline', 'changed-since', 'cache-location'] as const) {
    if (values[name] !== undefined && !str(values[name])?.trim()) return `--${name} needs a value`;
  }
  const cacheLocation = str(values['cache-location']) ?? (values.cache === true ? '.mlsdcache' : undefined);
  return {
    jobs,
    ...(str(values.baseline) ? { baseline: str(values.baseline) } : {}),
    ...(str(values['write-baseline']) ? { writeBaseline: str(values['write-baseline']) } : {}),
    ...(str(values['changed-since']) ? { changedSince: str(values['changed-since']) } : {}),
    ...(cacheLocation ? { cacheLocation } : {}),
  };
}

/** One file's result as the pipeline keeps (and caches) it. */
export interface LintResult {
  report: FileReport;
  /** Baseline key of each finding, in the report's order. */
  keys: FindingKey[];
  sections: StepSections;
}

export interface PipelineContext {
  settings: FileSettings;
  workerPath: string;
  timeoutMs: number;
  version: string;
  options: PipelineOptions;
  /** False when no files were named: with --changed-since, every changed Markdown file under the cwd. */
  filesNamed: boolean;
  /** Reads a file's text (stdin support can hand in its own). */
  read?: (file: string) => string;
  /** `--all`: lint every file as a design doc (as does a config's `lintMode: allMarkdown`). */
  all?: boolean;
}

/** `keys[i][j]` is the baseline key of `reports[i].findings[j]` (the gitlab format's fingerprints). */
export type PipelineOutcome = { reports: FileReport[]; keys: FindingKey[][] } | { fatal: string };

const say = (line: string) => process.stderr.write(`mlsd: ${line}\n`);
const MARKDOWN = /\.(md|markdown)$/i;

export async function runPipeline(files: string[], ctx: PipelineContext): Promise<PipelineOutcome> {
  const { options } = ctx;
  let previousBaseline: BaselineEntry[] | undefined;
  try {
    if (options.baseline) previousBaseline = readBaseline(options.baseline);
  } catch (e) { return { fatal: (e as Error).message }; }

  let changes: Changes | undefined;
  if (options.changedSince) {
    try { changes = gitChanges(options.changedSince); } catch (e) {
      if (e instanceof ChangedSinceError) return { fatal: e.message };
      throw e;
    }
    if (changes.notice) say(changes.notice);
    files = ctx.filesNamed ? files.filter((f) => changesOf(changes!, f)) : changedMarkdownUnderCwd(changes);
    if (!files.length) say(`no Markdown files changed since '${options.changedSince}'`);
  }

  const results = await analyseAll(files, ctx);
  let kept = results.map((r) => r.report.findings.map(() => true));

  if (options.baseline || options.writeBaseline) {
    const applied = applyBaselines(files, results, previousBaseline, ctx, kept);
    if (typeof applied === 'string') return { fatal: applied };
    kept = applied;
  }
  if (changes) {
    kept = kept.map((flags, i) => {
      const changed = changesOf(changes, files[i]);
      return flags.map((k, j) => k && changed !== undefined && touchesChange(results[i].report.findings[j], results[i].sections, changed));
    });
  }
  return {
    reports: results.map((r, i) => ({ ...r.report, findings: r.report.findings.filter((_, j) => kept[i][j]) })),
    keys: results.map((r, i) => r.keys.filter((_, j) => kept[i][j])),
  };
}

function changedMarkdownUnderCwd(changes: Changes): string[] {
  const cwd = process.cwd();
  return [...changes.files.keys()]
    .filter((abs) => MARKDOWN.test(abs) && existsSync(abs) && !path.relative(cwd, abs).startsWith('..'))
    .map((abs) => path.relative(cwd, abs).split(path.sep).join('/'))
    .sort();
}

async function analyseAll(files: string[], ctx: PipelineContext): Promise<LintResult[]> {
  const cache = ctx.options.cacheLocation
    ? new LintCache<LintResult>(ctx.options.cacheLocation, buildId(ctx.version, [ctx.workerPath, __filename]), say)
    : undefined;
  const pool = new HostPool(ctx.workerPath, ctx.timeoutMs);
  const progress = new Progress(process.stderr, files.length);
  const read = ctx.read ?? readText;
  try {
    return await mapInOrder(files, ctx.options.jobs, async (file, _i, lane) => {
      progress.start(file);
      try {
        return await analyseOne(file, lane);
      } finally {
        progress.finish();
      }
    });
  } finally {
    pool.dispose();
    progress.end();
    cache?.save();
    if (process.env.MLSD_DEBUG_RUN) say(`debug: ${files.length} files, ${cache?.hits ?? 0} from cache, ${pool.analyses} analysed, ${ctx.options.jobs} jobs`);
  }

  async function analyseOne(file: string, lane: number): Promise<LintResult> {
    let text: string;
    try { text = read(file); } catch (e) {
      return { report: { file, isDesignDoc: false, steps: [], findings: [], error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? e})` }, keys: [], sections: {} };
    }
    const { config, frameworkText, declaredDesignDoc } = ctx.settings.for(file);
    // Part of the request, so part of the cache key.
    const asDesignDoc = ctx.all === true || config?.lintMode === 'allMarkdown' || declaredDesignDoc;
    const request = { text, config, frameworkText, asDesignDoc };
    const key = cache?.key(request);
    if (cache && key) {
      const hit = cache.get(file, key);
      if (isLintResult(hit)) return { ...hit, report: { ...hit.report, file } };
    }
    // A file over the time limit (or a worker failure) still gets a report: the host's fallback.
    const result = await pool.host(lane).analyzeOrFallback(request);
    if (!result.summary) {
      return { report: { file, isDesignDoc: false, steps: [], findings: [], error: `analysis did not finish (${result.error ?? 'cancelled'})` }, keys: [], sections: {} };
    }
    const report = toReport(file, result.summary);
    // The core gave a file it does not read as a design doc no rules: say it was skipped, not "clean".
    if (!asDesignDoc && !report.isDesignDoc && !report.findings.length) report.skipped = true;
    const lintResult: LintResult = { report, keys: findingKeys(report, text), sections: stepSections(result.summary) };
    // A fallback is not the file's result, only this run's: a later run may well finish in time.
    if (cache && key && !result.fellBack) cache.set(file, key, lintResult);
    return lintResult;
  }
}

function stepSections(summary: AnalysisSummary): StepSections {
  const out: StepSections = {};
  for (const step of summary.doc.steps) out[step.id] = step.sections.map((r) => [r.start.line + 1, r.end.line + 1]);
  return out;
}

/** A cached value is only trusted if it has the shape this build writes. */
function isLintResult(v: unknown): v is LintResult {
  const r = v as LintResult | undefined;
  return !!r && typeof r === 'object' && !!r.report && Array.isArray(r.report.findings) && Array.isArray(r.keys)
    && r.keys.length === r.report.findings.length && typeof r.sections === 'object' && r.sections !== null;
}

/**
 * Suppresses baselined findings (and, with --write-baseline, records the current ones, after which
 * all of them count as baselined). Says on stderr what was suppressed, stale or written; a baseline
 * that cannot be written is the one-line problem returned.
 */
function applyBaselines(files: string[], results: LintResult[], previous: BaselineEntry[] | undefined, ctx: PipelineContext, kept: boolean[][]): boolean[][] | string {
  const { baseline, writeBaseline } = ctx.options;
  const keys = results.map((r) => r.keys);
  if (baseline && previous) {
    const names = files.map((f) => baselinePath(f, baseline));
    const match = matchBaseline(names, keys, previous);
    kept = kept.map((flags, i) => flags.map((k, j) => k && !match.suppressed[i][j]));
    const stale = match.stale.length
      ? `, ${match.stale.length} stale entr${match.stale.length === 1 ? 'y' : 'ies'} no longer match (run with --write-baseline ${baseline} to prune)`
      : '';
    say(`baseline ${baseline}: ${match.suppressedCount} finding${match.suppressedCount === 1 ? '' : 's'} suppressed${stale}`);
  }
  if (writeBaseline) {
    const names = files.map((f) => baselinePath(f, writeBaseline));
    let old: BaselineEntry[] = [];
    if (existsSync(writeBaseline)) {
      try { old = readBaseline(writeBaseline); } catch (e) { say(`${(e as Error).message}; writing a new one`); }
    }
    const entries = nextBaseline(names, keys, old, writeBaseline);
    const pruned = matchBaseline(names, keys, old).stale.length;
    try {
      writeBaselineFile(writeBaseline, entries, ctx.version);
    } catch (e) {
      return `cannot write baseline ${writeBaseline} (${(e as NodeJS.ErrnoException).code ?? e})`;
    }
    say(`wrote ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} to ${writeBaseline}${pruned ? ` (${pruned} stale pruned)` : ''}`);
    kept = kept.map((flags) => flags.map(() => false));
  }
  return kept;
}
