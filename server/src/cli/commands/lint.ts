/** `mlsd lint`: expand the arguments, analyse each file in the worker, print one report. */
import * as path from 'node:path';
import { FileSettings } from '../../host/file-settings';
import { readSmallTextFileSync } from '../../host/read-text';
import { parseConfig, type MlsdConfig } from '../../core/config';
import { parseFlags } from '../args';
import { expandArgs } from '../files';
import { ConfigIgnores } from '../config-ignores';
import { formatText } from '../formats/text';
import { formatSarif } from '../formats/sarif';
import { formatCompact } from '../formats/compact';
import { PIPELINE_FLAGS, pipelineOptions, runPipeline } from '../lint-pipeline';
import { printUsage } from '../usage';
import { UsageError } from '../usage-error';
import pkg from '../../../../package.json';

const FORMATS = ['text', 'compact', 'json', 'sarif'];

const LINT_FLAGS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  verbose: { type: 'boolean', short: 'V' },
  all: { type: 'boolean' },
  timeout: { type: 'string' },
  ...PIPELINE_FLAGS,
} as const;

export async function lint(args: string[], workerPath: string): Promise<number> {
  const { values, positionals, help } = parseFlags('lint', args, LINT_FLAGS);
  if (help) return printUsage('lint');
  const pipeline = pipelineOptions(values);
  if (typeof pipeline === 'string') throw new UsageError(pipeline, 'lint');
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)} (got '${format}')`, 'lint');
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings must be a whole number', 'lint');
  if (!positionals.length && !pipeline.changedSince) throw new UsageError('lint needs at least one file, folder or glob', 'lint');

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

  const expanded = expandArgs(positionals);
  expanded.missing.forEach((m) => complain(`no file matches '${m}'`));
  expanded.problems.forEach(complain);
  // `ignores` leaves out what a folder search or glob found; a file named directly is still linted.
  const configIgnores = new ConfigIgnores(fixedConfig && { ignores: fixedConfig.config.ignores, dir: fixedConfig.dir });
  const files = expanded.files.filter((f) => !expanded.searched.has(f) || !configIgnores.ignores(f));
  const settings = new FileSettings(fixedConfig, complain);
  const outcome = await runPipeline(files, {
    settings, workerPath, version: pkg.version, options: pipeline, filesNamed: positionals.length > 0, all: values.all === true,
    timeoutMs: Number(values.timeout) || Number(process.env.MLSD_ANALYSIS_TIMEOUT_MS) || 10000,
  });
  if ('fatal' in outcome) {
    process.stderr.write(`mlsd: ${outcome.fatal}\n`);
    return 2;
  }
  const { reports } = outcome;

  if (format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (format === 'compact') { const text = formatCompact(reports); if (text) process.stdout.write(`${text}\n`); }
  else if (format === 'sarif') process.stdout.write(`${formatSarif(reports, pkg.version)}\n`);
  else process.stdout.write(`${formatText(reports, values.verbose === true)}\n`);

  if (configError) return 2;
  const errors = reports.reduce((n, r) => n + (r.error ? 1 : 0) + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (warnings > maxWarnings && format === 'text') process.stderr.write(`mlsd: ${warnings} warnings (more than --max-warnings ${maxWarnings})\n`);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
