/** `mlsd report`: flags parsed by the CLI's parser (plain-word errors, `--help`), the work in report/command.ts. */
import { report as runReport, REPORT_FLAGS } from '../../report/command';
import { parseFlags } from '../args';
import { printUsage } from '../usage';

export function report(args: string[], workerPath: string): Promise<number> | number {
  const { help, values, positionals } = parseFlags('report', args, REPORT_FLAGS);
  if (help) return printUsage('report');
  return runReport(values, positionals, workerPath);
}
