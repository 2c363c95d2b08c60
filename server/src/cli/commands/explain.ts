/** `mlsd explain <rule-id | term>`: a rule's docs page, else a glossary entry. */
import { readFileSync } from 'node:fs';
import { rules, findRule } from '../../core/rules';
import { ruleDocPath } from '../../host/rule-docs';
import { formatEntry, lookupTerm } from '../../knowledge/glossary';
import { parseFlags } from '../args';
import { printUsage } from '../usage';
import { UsageError } from '../usage-error';

export function explain(args: string[]): number {
  const { positionals, help } = parseFlags('explain', args, {});
  if (help) return printUsage('explain');
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('explain needs a rule id or a term, e.g. mlsd explain missing-step', 'explain');
  const rule = findRule(name);
  if (rule) {
    let page: string;
    try { page = readFileSync(ruleDocPath(rule.meta.id), 'utf8'); } catch {
      page = `# ${rule.meta.id}\n\n${rule.meta.description}\n\nDefault severity: ${rule.meta.defaultSeverity}\n`;
    }
    // The markers around generated tables are for `npm run generate`, not for a reader in a terminal.
    page = page.replace(/^<!-- \/?generated:[^\n]*-->\n/gm, '');
    process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
    return 0;
  }
  const term = lookupTerm(name);
  if (term) {
    process.stdout.write(`${formatEntry(term, false)}\n`);
    return 0;
  }
  throw new UsageError(`'${name}' is neither a rule (${rules.map((r) => r.meta.id).join(', ')}) nor a glossary term`, 'explain');
}
