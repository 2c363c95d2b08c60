/** The help texts: `mlsd --help` gives the overview, `mlsd <command> --help` that command's usage. */
import pkg from '../../../package.json';
import { PIPELINE_HELP } from './lint-pipeline';

export const COMMAND_USAGE: Record<string, string> = {
  lint: `Usage: mlsd lint [options] <files, folders or globs…>
       mlsd lint [options] - [--stdin-filename PATH]

Lint ML system design docs. Folders are searched for Markdown (respecting .gitignore and the
"ignores" globs of .mlsd.json); only files mlsd reads as design docs, or that match the
"designDocGlobs" of .mlsd.json (default design-docs/ folders and *.mlsd.md), are linted unless --all.
'-' reads one doc from stdin.

Options:
  -f, --format FORMAT     text (default), compact, json, sarif, github (Actions annotations),
                          junit (JUnit XML) or gitlab (GitLab Code Quality JSON)
  -o, --output-file FILE  write the report to FILE (stdout gets a one-line note in text format)
  -q, --quiet             report errors only; warnings and notes neither print nor count
      --stdin-filename PATH  with '-': the name stdin's doc is reported under and configured by
  -c, --config FILE       use this config file instead of the nearest .mlsd.json
      --max-warnings N    fail (exit 1) when there are more than N warnings
      --all               lint every Markdown file as a design doc
  -V, --verbose           list skipped files with their kind; show how every heading was read
      --timeout MS        time limit per file (default 10000)
      --locale LANG       messages in this language (en, ru; default: LC_ALL / LC_MESSAGES / LANG)
${PIPELINE_HELP}
  -h, --help              show this help`,

  new: `Usage: mlsd new --title TITLE [--template ID] [FILE]
       mlsd new --list

Write a new design doc from a template (to stdout without FILE). Never overwrites a file.

Options:
  -t, --title TITLE       the system's name, used as the doc's title
      --template ID       template to start from (default seven-step; see --list)
      --list              list the templates
  -h, --help              show this help`,

  explain: `Usage: mlsd explain <rule-id | term>

Print a rule's page (e.g. mlsd explain missing-step) or a glossary entry (e.g. mlsd explain NDCG).

Options:
  -h, --help              show this help`,

  'case-studies': `Usage: mlsd case-studies [ID]

List the reference case studies, or print the one with this id.

Options:
  -h, --help              show this help`,

  rules: `Usage: mlsd rules

List the rules with their default severity.

Options:
  -h, --help              show this help`,

  report: `Usage: mlsd report [--format html|md] [--output FILE] [--config FILE] <files or folders…>

Write a review report: each doc's steps, a coverage matrix of docs × steps, findings by step.

Options:
  -f, --format FORMAT     html (default, or md when --output ends in .md) or md
  -o, --output FILE       write the report here instead of stdout
  -c, --config FILE       use this config file instead of the nearest .mlsd.json
      --timeout MS        time limit per file (default 10000)
  -h, --help              show this help`,

  mcp: `Usage: mlsd mcp

Serve mlsd's review to an AI assistant over the Model Context Protocol (stdio): tools lint, explain,
case_study, scaffold and rules. Register 'mlsd mcp' as a stdio server in your MCP client.

Options:
  -h, --help              show this help`,
};

export const COMMANDS = Object.keys(COMMAND_USAGE);

export const HELP = `mlsd ${pkg.version} — lint ML system design docs against the seven-step framework

Usage:
  mlsd lint [--format text|compact|json|sarif|github|junit|gitlab] [--quiet] [--output-file FILE] [--config FILE] [--max-warnings N] [--all] [--verbose] <files, folders, globs… | ->
  mlsd new --title TITLE [--template ID] [FILE]     write a new design doc (stdout without FILE)
  mlsd new --list                                   list templates
  mlsd explain <rule-id | term>                     print a rule's page or a glossary entry
  mlsd case-studies [ID]                            list the reference case studies, or print one
  mlsd rules                                        list the rules
  mlsd report [--format html|md] [--output FILE] <files or folders…>   review report: steps, coverage matrix, findings by step
  mlsd mcp                                          MCP server over stdio for AI assistants

Run 'mlsd <command> --help' for a command's options.

Every command takes --locale LANG (e.g. --locale ru): messages in that language. Without it the
environment's LC_ALL, LC_MESSAGES or LANG decides (ru_RU.UTF-8 → Russian); English otherwise.
JSON, SARIF and the other machine formats keep their rule ids and data; only sentences change.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings fail, 2 usage or config error.`;

export function printUsage(command: string): number {
  process.stdout.write(`${COMMAND_USAGE[command]}\n`);
  return 0;
}
