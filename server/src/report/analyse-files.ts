/**
 * Files → analysis summaries, along the same path `mlsd lint` takes: the nearest `.mlsd.json` (or
 * `--config`), the framework it names, and the analysis worker with its time limit. Problems with
 * inputs or config files are returned as messages rather than thrown, so one bad file never stops a
 * report. Config and framework lookup is host/file-settings.ts, shared with `lint`.
 */
import * as path from 'node:path';
import { AnalysisHost } from '../host/analysis-host';
import { FileSettings } from '../host/file-settings';
import { readRegularFileSync } from '../host/bounded-read';
import { decodeText, readSmallTextFileSync } from '../host/read-text';
import { parseConfig, type MlsdConfig } from '../core/config';
import type { AnalysisSummary } from '../host/summary';
import { ConfigIgnores } from '../cli/config-ignores';

export type FileOutcome =
  /** `asDesignDoc`: reported as a design doc whatever it looks like (designDocGlobs, lintMode allMarkdown). */
  | { file: string; summary: AnalysisSummary; frameworkText?: string; asDesignDoc?: boolean }
  | { file: string; unreadable: string };

export interface Analysed { outcomes: FileOutcome[]; problems: string[] }

/** A NUL byte in the first 8 KB means a binary file renamed .md; UTF-16 text starts with a byte order mark. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

/** `searched`: the files a folder search or glob found; `ignores` in `.mlsd.json` leaves those out,
 * as `mlsd lint` does, while a file named on the command line is always analysed. */
export async function analyseFiles(files: string[], opts: { configFile?: string; timeoutMs: number; workerPath: string; searched?: ReadonlySet<string> }): Promise<Analysed> {
  const problems: string[] = [];
  const outcomes: FileOutcome[] = [];

  let fixed: { config: MlsdConfig; dir: string } | undefined;
  if (opts.configFile) {
    const text = readSmallTextFileSync(opts.configFile); // the command turns a failure into a usage error
    const { config, problems: p } = parseConfig(text);
    problems.push(...p.map((x) => `${opts.configFile}${x.line !== undefined ? `:${x.line + 1}` : ''}: ${x.message} (using defaults for that part)`));
    fixed = { config, dir: path.dirname(path.resolve(opts.configFile)) };
  }

  const settings = new FileSettings(fixed, (line) => problems.push(line));
  const configIgnores = new ConfigIgnores(fixed && { ignores: fixed.config.ignores, dir: fixed.dir });
  const host = new AnalysisHost(opts.workerPath, opts.timeoutMs);
  try {
    for (const file of files) {
      if (opts.searched?.has(file) && configIgnores.ignores(file)) continue;
      let bytes: Uint8Array;
      try { bytes = readRegularFileSync(file); } catch (e) {
        outcomes.push({ file, unreadable: `cannot read file (${(e as NodeJS.ErrnoException).code ?? e})` });
        problems.push(`${file}: cannot read file (${(e as NodeJS.ErrnoException).code ?? e})`);
        continue;
      }
      if (looksBinary(bytes)) {
        outcomes.push({ file, unreadable: 'a binary file, not Markdown text' });
        problems.push(`${file} is a binary file, not Markdown text — skipped`);
        continue;
      }
      const { config, frameworkText, declaredDesignDoc } = settings.for(file);
      const asDesignDoc = declaredDesignDoc || config?.lintMode === 'allMarkdown' || undefined;
      const result = await host.analyze({ text: decodeText(bytes), config, frameworkText, asDesignDoc });
      if (result.summary) outcomes.push({ file, summary: result.summary, frameworkText, asDesignDoc });
      else {
        const why = result.timedOut ? `too complex to analyse (took longer than ${host.timeoutMs} ms)` : `analysis failed: ${String(result.error).split('\n')[0]}`;
        outcomes.push({ file, unreadable: why });
        problems.push(`${file}: ${why}`);
      }
    }
  } finally {
    host.dispose();
  }
  return { outcomes, problems };
}
