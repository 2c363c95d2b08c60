/** `mlsd rules`: every rule with its default severity and description. */
import { rules } from '../../core/rules';
import { parseFlags } from '../args';
import { printUsage } from '../usage';
import { UsageError } from '../usage-error';

export function listRules(args: string[]): number {
  const { positionals, help } = parseFlags('rules', args, {});
  if (help) return printUsage('rules');
  if (positionals.length) throw new UsageError(`rules takes no arguments (got '${positionals[0]}'); for one rule's page: mlsd explain ${positionals[0]}`, 'rules');
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  for (const r of rules) process.stdout.write(`${r.meta.id.padEnd(width)}  ${String(r.meta.defaultSeverity).padEnd(7)}  ${r.meta.description}\n`);
  return 0;
}
