/**
 * `mlsd report <files or folders> [--format html|md] [--output FILE]`: analyse as `lint` does, then
 * write one review report. Input problems (a path that matches nothing, a folder with no Markdown, a
 * binary file) are said on stderr and make the exit code 2, but the files that could be read are
 * still reported; with nothing to report, no report is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expandArgs } from '../cli/files';
import type { Values } from '../cli/args';
import { readSmallTextFileSync } from '../host/read-text';
import { analyseFiles } from './analyse-files';
import { collect } from './collect';
import { renderHtml } from './render-html';
import { renderMd } from './render-md';

/** The flags `mlsd report` accepts; cli/commands/report.ts parses them with the CLI's own parser. */
export const REPORT_FLAGS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  timeout: { type: 'string' },
} as const;
export type ReportOptions = Values<typeof REPORT_FLAGS>;

class ReportUsageError extends Error {}

/** Usage errors are said here, the way main.ts says its own, so the command stays one dispatch line there. */
export async function report(values: ReportOptions, positionals: string[], workerPath: string): Promise<number> {
  try {
    return await run(values, positionals, workerPath);
  } catch (e) {
    if (!(e instanceof ReportUsageError)) throw e;
    process.stderr.write(`mlsd: ${e.message}\nRun 'mlsd --help' for usage.\n`);
    return 2;
  }
}

async function run(values: ReportOptions, positionals: string[], workerPath: string): Promise<number> {
  const format = values.format ?? (/\.(md|markdown)$/i.test(values.output ?? '') ? 'md' : 'html');
  if (format !== 'html' && format !== 'md') throw new ReportUsageError(`--format must be html or md (got '${format}')`);
  if (!positionals.length) throw new ReportUsageError('report needs at least one file or folder');
  if (values.config) {
    try { readSmallTextFileSync(values.config); } catch (e) {
      throw new ReportUsageError(`cannot read config file ${values.config} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
  }

  const { files, searched, missing, problems } = expandArgs(positionals);
  const complaints = [...missing.map((a) => `no file matches '${a}'`), ...problems];
  const analysed = await analyseFiles(files, {
    configFile: values.config,
    searched,
    timeoutMs: Number(values.timeout) || Number(process.env.MLSD_ANALYSIS_TIMEOUT_MS) || 10000,
    workerPath,
  });
  complaints.push(...analysed.problems);
  complaints.forEach((c) => process.stderr.write(`mlsd: ${c}\n`));
  if (!analysed.outcomes.length) {
    process.stderr.write('mlsd: nothing to report (no readable Markdown files)\n');
    return 2;
  }

  // Links in the report are relative to where it is read from: the output file's folder, else here.
  const output = values.output ? path.resolve(values.output) : undefined;
  const data = collect(analysed.outcomes, output ? path.dirname(output) : process.cwd());
  const text = format === 'md' ? renderMd(data) : renderHtml(data);
  if (output) {
    try {
      mkdirSync(path.dirname(output), { recursive: true });
      writeFileSync(output, text);
    } catch (e) {
      throw new ReportUsageError(`cannot write ${values.output} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
    process.stderr.write(`mlsd: wrote ${values.output} (${data.docs.length} design docs, ${data.skipped.length} skipped)\n`);
  } else process.stdout.write(text);
  return complaints.length ? 2 : 0;
}
