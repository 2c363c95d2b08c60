/** `mlsd lint`: expand the arguments, analyse each file in the worker, print one report. */
import * as path from 'node:path';
import { FileSettings } from '../../host/file-settings';
import { readSmallTextFileSync, readText } from '../../host/read-text';
import { parseConfig, type MlsdConfig } from '../../core/config';
import { parseFlags } from '../args';
import { suggestion } from '../did-you-mean';
import { expandArgs } from '../files';
import { ConfigIgnores } from '../config-ignores';
import { FORMATS, render, type FormatName } from '../formats/select';
import { PIPELINE_FLAGS, pipelineOptions, runPipeline } from '../lint-pipeline';
import { writeReportFile } from '../output-file';
import { readStdin, STDIN_NAME } from '../stdin';
import type { FindingKey } from '../baseline';
import type { FileReport } from '../report';
import { printUsage } from '../usage';
import { UsageError } from '../usage-error';
import pkg from '../../../../package.json';

const LINT_FLAGS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  verbose: { type: 'boolean', short: 'V' },
  all: { type: 'boolean' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'output-file': { type: 'string', short: 'o' },
  'stdin-filename': { type: 'string' },
  ...PIPELINE_FLAGS,
} as const;

export async function lint(args: string[], workerPath: string): Promise<number> {
  const { values, positionals, help } = parseFlags('lint', args, LINT_FLAGS);
  if (help) return printUsage('lint');
  const pipeline = pipelineOptions(values);
  if (typeof pipeline === 'string') throw new UsageError(pipeline, 'lint');
  const format = (values.format ?? 'text') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)} (got '${format}')${suggestion(format, FORMATS)}`, 'lint');
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings must be a whole number', 'lint');
  if (!positionals.length && !pipeline.changedSince) throw new UsageError('lint needs at least one file, folder or glob', 'lint');
  const outputFile = values['output-file'];
  if (outputFile !== undefined && !outputFile.trim()) throw new UsageError('--output-file needs a file name', 'lint');
  const stdin = stdinRequest(positionals, values['stdin-filename'], pipeline.changedSince);

  let configError = false;
  const complain = (msg: string) => { configError = true; process.stderr.write(`mlsd: ${msg}\n`); };

  let fixedConfig: { config: MlsdConfig; dir: string } | undefined;
  if (values.config) {
    let text: string;
    try { text = readSmallTextFileSync(values.config); } catch (e) {
      throw new UsageError(`cannot read config file ${values.config} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 'lint');
    }
    const { config, problems } = parseConfig(text);
    problems.forEach((p) => complain(`${values.config}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message} (using defaults for that part)`));
    fixedConfig = { config, dir: path.dirname(path.resolve(values.config)) };
  }

  let files: string[];
  let read: ((file: string) => string) | undefined;
  if (stdin) {
    const text = await readStdin();
    files = [stdin.name];
    read = (file) => (file === stdin.name ? text : readText(file));
  } else {
    const expanded = expandArgs(positionals);
    expanded.missing.forEach((m) => complain(`no file matches '${m}'`));
    expanded.problems.forEach(complain);
    // `ignores` leaves out what a folder search or glob found; a file named directly is still linted.
    const configIgnores = new ConfigIgnores(fixedConfig && { ignores: fixedConfig.config.ignores, dir: fixedConfig.dir });
    files = expanded.files.filter((f) => !expanded.searched.has(f) || !configIgnores.ignores(f));
  }
  const settings = new FileSettings(fixedConfig, complain);
  const outcome = await runPipeline(files, {
    settings, workerPath, version: pkg.version, options: pipeline, filesNamed: positionals.length > 0, all: values.all === true, read,
    timeoutMs: Number(values.timeout) || Number(process.env.MLSD_ANALYSIS_TIMEOUT_MS) || 10000,
  });
  if ('fatal' in outcome) {
    process.stderr.write(`mlsd: ${outcome.fatal}\n`);
    return 2;
  }
  // --quiet: what is not an error is neither shown nor counted (as ESLint's --quiet).
  const { reports, keys } = values.quiet ? errorsOnly(outcome.reports, outcome.keys) : outcome;
  const errors = reports.reduce((n, r) => n + (r.error ? 1 : 0) + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);

  const input = { reports, keys, version: pkg.version, verbose: values.verbose === true };
  if (outputFile) {
    // A file gets no colour codes, whatever the terminal is.
    const problem = writeReportFile(outputFile, `${render(format, { ...input, colour: false })}\n`);
    if (problem) { process.stderr.write(`mlsd: ${problem}\n`); return 2; }
    if (format === 'text') process.stdout.write(`mlsd: wrote the report to ${outputFile} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`);
  } else {
    const text = render(format, input);
    // The line-per-finding formats print nothing at all for a clean run.
    if (text || format === 'text') process.stdout.write(`${text}\n`);
  }

  if (configError) return 2;
  if (warnings > maxWarnings && format === 'text') process.stderr.write(`mlsd: ${warnings} warnings (more than --max-warnings ${maxWarnings})\n`);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function errorsOnly(reports: FileReport[], keys: FindingKey[][]): { reports: FileReport[]; keys: FindingKey[][] } {
  return {
    reports: reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })),
    keys: keys.map((k, i) => k.filter((_, j) => reports[i].findings[j].severity === 'error')),
  };
}

/** `-` among the files: the name stdin is linted under, after checking it is asked for on its own. */
function stdinRequest(positionals: string[], stdinFilename: string | undefined, changedSince: string | undefined): { name: string } | undefined {
  const wantsStdin = positionals.includes('-');
  if (stdinFilename !== undefined && !wantsStdin) throw new UsageError("--stdin-filename names the doc read from stdin; add '-' to read it (mlsd lint - --stdin-filename docs/a.md)", 'lint');
  if (!wantsStdin) return undefined;
  if (positionals.length > 1) throw new UsageError("'-' (stdin) is linted on its own: name no other files with it", 'lint');
  if (changedSince) throw new UsageError("--changed-since picks files from git; it cannot be combined with '-' (stdin)", 'lint');
  if (stdinFilename !== undefined && !stdinFilename.trim()) throw new UsageError('--stdin-filename needs a file name', 'lint');
  return { name: stdinFilename ?? STDIN_NAME };
}
