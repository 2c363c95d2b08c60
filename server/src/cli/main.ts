/**
 * The `mlsd` command: lint, new, explain, case-studies, rules, report. Thin shell over the core:
 * files are read here and analysed in a worker with a time limit, so one pathological file is
 * reported as too complex and the run moves on. Exit codes: 0 clean, 1 findings fail, 2 usage or
 * config error. Each command lives in commands/; flags are parsed by args.ts.
 */
import * as path from 'node:path';
import { lint } from './commands/lint';
import { report } from './commands/report';
import { explain } from './commands/explain';
import { listCaseStudies } from './commands/case-studies';
import { listRules } from './commands/rules';
import { newDoc } from './new-doc';
import { suggestion } from './did-you-mean';
import { COMMAND_USAGE, COMMANDS, HELP } from './usage';
import { UsageError } from './usage-error';
import pkg from '../../../package.json';
import { takeLocale } from './args';
import { useMessages } from '../core/l10n';
import { environmentLocale, messagesFor } from '../host/locale';

/**
 * Messages in `--locale`'s language, else the environment's (LC_ALL, LC_MESSAGES, LANG); English when
 * neither names a language mlsd has. Only an explicit `--locale` mlsd lacks is worth a warning.
 * JSON and the other machine formats keep their ids and data; only the sentences change.
 */
function useLocale(flag: string | undefined): void {
  const { messages, known } = messagesFor(flag ?? environmentLocale());
  if (flag !== undefined && !known) process.stderr.write(`mlsd: no messages in '${flag}'; writing English\n`);
  useMessages(messages);
}

const WORKER = path.join(__dirname, 'analysis-worker.js');

async function main(all: string[]): Promise<number> {
  const { locale, args: argv } = takeLocale(all);
  useLocale(locale);
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint': return lint(rest, WORKER);
    case 'report': return report(rest, WORKER);
    case 'new': return newDoc(rest);
    case 'explain': return explain(rest);
    case 'case-studies': return listCaseStudies(rest);
    case 'rules': return listRules(rest);
    case 'mcp':
      if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) { process.stdout.write(`${COMMAND_USAGE.mcp}\n`); return 0; }
      return (await import('../mcp/launch')).launchMcp(rest, WORKER);
    case '--version': case '-v': process.stdout.write(`${pkg.version}\n`); return 0;
    case undefined: case '--help': case '-h': case 'help': process.stdout.write(`${HELP}\n`); return 0;
    default:
      if (command.startsWith('-')) throw new UsageError(`unknown option '${command}' (options come after a command, e.g. mlsd lint --format json docs)`);
      throw new UsageError(`unknown command '${command}'${suggestion(command, COMMANDS)}`);
  }
}

// `mlsd … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof UsageError) {
      const help = err.command ? `mlsd ${err.command} --help` : 'mlsd --help';
      process.stderr.write(`mlsd: ${err.message}\nRun '${help}' for usage.\n`);
    } else {
      process.stderr.write(`mlsd: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    }
    process.exitCode = 2;
  },
);
