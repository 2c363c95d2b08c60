/**
 * Files → analysis summaries, along the same path `mlsd lint` takes: the nearest `.mlsd.json` (or
 * `--config`), the framework it names, and the analysis worker with its time limit. Problems with
 * inputs or config files are returned as messages rather than thrown, so one bad file never stops a
 * report. (This mirrors the loop in cli/main.ts `lint`; when that loop moves into host/, use it here.)
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisHost } from '../host/analysis-host';
import { ConfigFiles } from '../host/config-files';
import { readRegularFileSync } from '../host/bounded-read';
import { decodeText, readSmallTextFileSync } from '../host/read-text';
import { parseConfig, type MlsdConfig } from '../core/config';
import type { AnalysisSummary } from '../host/summary';

export type FileOutcome =
  | { file: string; summary: AnalysisSummary; frameworkText?: string }
  | { file: string; unreadable: string };

export interface Analysed { outcomes: FileOutcome[]; problems: string[] }

/** Where the search for .mlsd.json stops: the enclosing repository, else the current folder (as lint). */
function projectRoot(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) break;
  }
  const cwd = process.cwd();
  return file.startsWith(cwd + path.sep) ? cwd : undefined;
}

/** A NUL byte in the first 8 KB means a binary file renamed .md; UTF-16 text starts with a byte order mark. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

export async function analyseFiles(files: string[], opts: { configFile?: string; timeoutMs: number; workerPath: string }): Promise<Analysed> {
  const problems: string[] = [];
  const outcomes: FileOutcome[] = [];
  const reported = new Set<string>();
  const once = (key: string, lines: string[]) => { if (!reported.has(key)) { reported.add(key); problems.push(...lines); } };

  let fixed: { config: MlsdConfig; dir: string } | undefined;
  if (opts.configFile) {
    const text = readSmallTextFileSync(opts.configFile); // the command turns a failure into a usage error
    const { config, problems: p } = parseConfig(text);
    problems.push(...p.map((x) => `${opts.configFile}${x.line !== undefined ? `:${x.line + 1}` : ''}: ${x.message} (using defaults for that part)`));
    fixed = { config, dir: path.dirname(path.resolve(opts.configFile)) };
  }

  const configFiles = new ConfigFiles();
  const host = new AnalysisHost(opts.workerPath, opts.timeoutMs);
  try {
    for (const file of files) {
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
      let config = fixed?.config;
      let configDir = fixed?.dir;
      if (!fixed) {
        const found = configFiles.find(path.resolve(file), projectRoot(path.resolve(file)));
        if (found) {
          config = found.config;
          configDir = path.dirname(found.path);
          once(found.path, found.problems.map((p) => `${path.relative(process.cwd(), found.path) || found.path}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message} (using defaults for that part)`));
        }
      }
      let frameworkText: string | undefined;
      if (config?.framework) {
        const fwPath = path.resolve(configDir ?? process.cwd(), config.framework);
        const fw = configFiles.framework(fwPath);
        once(fwPath, fw.problems.map((p) => `${fwPath}: ${p.message}`));
        frameworkText = fw.text;
      }
      const result = await host.analyze({ text: decodeText(bytes), config, frameworkText });
      if (result.summary) outcomes.push({ file, summary: result.summary, frameworkText });
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
