/**
 * The `mlsd` command: lint, new, explain, case-studies, rules. Thin shell over the core: files are
 * read here and analysed in a worker with a time limit, so one pathological file is reported as
 * too complex and the run moves on. Exit codes: 0 clean, 1 findings fail, 2 usage or config error.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { AnalysisHost } from '../host/analysis-host';
import { FileSettings } from '../host/file-settings';
import { readSmallTextFileSync, readText } from '../host/read-text';
import { parseConfig, type MlsdConfig } from '../core/config';
import { rules, findRule } from '../core/rules';
import { ruleDocPath } from '../host/rule-docs';
import { caseStudies, findCaseStudy } from '../knowledge/case-studies';
import { formatEntry, lookupTerm } from '../knowledge/glossary';
import { expandArgs } from './files';
import { newDoc } from './new-doc';
import { toReport, type FileReport } from './report';
import { formatText } from './format-text';
import { formatSarif } from './format-sarif';
import { report } from '../report/command';
import pkg from '../../../package.json';

class UsageError extends Error {}

const HELP = `mlsd ${pkg.version} — lint ML system design docs against the seven-step framework

Usage:
  mlsd lint [--format text|json|sarif] [--config FILE] [--max-warnings N] [--verbose] <files, folders or globs…>
                                                    --verbose: each file's kind and how every heading was read
  mlsd new --title TITLE [--template ID] [FILE]     write a new design doc (stdout without FILE)
  mlsd new --list                                   list templates
  mlsd explain <rule-id | term>                     print a rule's page or a glossary entry
  mlsd case-studies [ID]                            list the reference case studies, or print one
  mlsd rules                                        list the rules
  mlsd report [--format html|md] [--output FILE] <files or folders…>   review report: steps, coverage matrix, findings by step

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings fail, 2 usage or config error.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint': return lint(rest);
    case 'report': return report(rest, path.join(__dirname, 'analysis-worker.js'));
    case 'new': return newDoc(rest);
    case 'explain': return explain(rest);
    case 'case-studies': return listCaseStudies(rest);
    case 'rules': return listRules();
    case '--version': case '-v': process.stdout.write(`${pkg.version}\n`); return 0;
    case undefined: case '--help': case '-h': case 'help': process.stdout.write(`${HELP}\n`); return 0;
    default: throw new UsageError(`unknown command '${command}'`);
  }
}

async function lint(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      'max-warnings': { type: 'string' },
      verbose: { type: 'boolean', short: 'V' },
      timeout: { type: 'string' },
    },
  });
  const format = values.format;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings must be a whole number');
  if (!positionals.length) throw new UsageError('lint needs at least one file, folder or glob');

  let configError = false;
  const complain = (msg: string) => { configError = true; process.stderr.write(`mlsd: ${msg}\n`); };

  let fixedConfig: { config: MlsdConfig; dir: string } | undefined;
  if (values.config) {
    let text: string;
    try { text = readSmallTextFileSync(values.config); } catch (e) {
      throw new UsageError(`cannot read config file ${values.config} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
    const { config, problems } = parseConfig(text);
    problems.forEach((p) => complain(`${values.config}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message} (using defaults for that part)`));
    fixedConfig = { config, dir: path.dirname(path.resolve(values.config)) };
  }

  const { files, missing, problems } = expandArgs(positionals);
  missing.forEach((m) => complain(`no file matches '${m}'`));
  problems.forEach(complain);
  const settings = new FileSettings(fixedConfig, complain);
  const host = new AnalysisHost(path.join(__dirname, 'analysis-worker.js'), Number(values.timeout) || Number(process.env.MLSD_ANALYSIS_TIMEOUT_MS) || 10000);
  const reports: FileReport[] = [];
  try {
    for (const file of files) {
      let text: string;
      try { text = readText(file); } catch (e) {
        reports.push({ file, isDesignDoc: false, steps: [], findings: [], error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? e})` });
        continue;
      }
      const { config, frameworkText } = settings.for(file);
      // A file over the time limit (or a worker failure) still gets a report: the host's fallback.
      const result = await host.analyzeOrFallback({ text, config, frameworkText });
      if (result.summary) reports.push(toReport(file, result.summary));
    }
  } finally {
    host.dispose();
  }

  if (format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(`${formatSarif(reports, pkg.version)}\n`);
  else process.stdout.write(`${formatText(reports, values.verbose === true)}\n`);

  if (configError) return 2;
  const errors = reports.reduce((n, r) => n + (r.error ? 1 : 0) + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (warnings > maxWarnings && format === 'text') process.stderr.write(`mlsd: ${warnings} warnings (more than --max-warnings ${maxWarnings})\n`);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

function explain(args: string[]): number {
  const name = args.join(' ').trim();
  if (!name) throw new UsageError('explain needs a rule id or a term, e.g. mlsd explain missing-step');
  const rule = findRule(name);
  if (rule) {
    let page: string;
    try { page = readFileSync(ruleDocPath(rule.meta.id), 'utf8'); } catch {
      page = `# ${rule.meta.id}\n\n${rule.meta.description}\n\nDefault severity: ${rule.meta.defaultSeverity}\n`;
    }
    process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
    return 0;
  }
  const term = lookupTerm(name);
  if (term) {
    process.stdout.write(`${formatEntry(term, false)}\n`);
    return 0;
  }
  throw new UsageError(`'${name}' is neither a rule (${rules.map((r) => r.meta.id).join(', ')}) nor a glossary term`);
}

function listCaseStudies(args: string[]): number {
  if (args[0]) {
    const cs = findCaseStudy(args[0]);
    if (!cs) throw new UsageError(`unknown case study '${args[0]}' (try: mlsd case-studies)`);
    process.stdout.write(cs.markdown.endsWith('\n') ? cs.markdown : `${cs.markdown}\n`);
    return 0;
  }
  const list = caseStudies();
  const width = Math.max(...list.map((c) => c.id.length));
  for (const c of list) process.stdout.write(`${c.id.padEnd(width)}  ${c.title} — ${c.summary}\n`);
  return 0;
}

function listRules(): number {
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  for (const r of rules) process.stdout.write(`${r.meta.id.padEnd(width)}  ${String(r.meta.defaultSeverity).padEnd(7)}  ${r.meta.description}\n`);
  return 0;
}

// `mlsd … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`mlsd: ${(err as Error).message}\nRun 'mlsd --help' for usage.\n`);
    } else {
      process.stderr.write(`mlsd: unexpected error: ${(err as Error)?.stack ?? err}\n`);
    }
    process.exitCode = 2;
  },
);
