/**
 * `mlsd report`: help and flag checking here, the work in server/src/report/command.ts. That module
 * parses its own flags with node's parseArgs, whose errors are codes, not words; checking the same
 * flags first with the CLI's parser gives report the same plain messages as every other command.
 * REPORT_FLAGS must list what report/command.ts accepts.
 */
import { report as runReport } from '../../report/command';
import { parseFlags } from '../args';
import { printUsage } from '../usage';

const REPORT_FLAGS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  timeout: { type: 'string' },
} as const;

export function report(args: string[], workerPath: string): Promise<number> | number {
  const { help } = parseFlags('report', args, REPORT_FLAGS);
  if (help) return printUsage('report');
  return runReport(args, workerPath);
}
