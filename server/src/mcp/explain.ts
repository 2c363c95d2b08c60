/**
 * The `explain` tool: a rule id → its documentation page, an ML term → its glossary entry (the same
 * two lookups as `mlsd explain`); anything else → an error that lists the closest names.
 */
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { findRule, rules } from '../core/rules';
import { formatEntry, glossary, lookupTerm } from '../knowledge/glossary';
import { closeMatches } from './close-matches';
import { guarded, ok, ToolInputError } from './result';
import { rulePage, ruleUri } from './rule-pages';

export const explainInput = {
  name: z.string().describe('A rule id (missing-step, missing-topic…) or an ML term (AUC, cold start, two-tower…).'),
};

export const explainOutput = {
  kind: z.enum(['rule', 'term']),
  name: z.string(),
  markdown: z.string(),
  rule: z.object({ id: z.string(), defaultSeverity: z.string(), description: z.string(), uri: z.string() }).optional(),
  term: z.object({
    term: z.string(), aliases: z.array(z.string()), category: z.string(),
    definition: z.string(), whenToUse: z.string(), pitfall: z.string(),
  }).optional(),
};

function explain(name: string): CallToolResult {
  const wanted = name.trim();
  if (!wanted) throw new ToolInputError('name must be a rule id or an ML term, e.g. missing-step or AUC');
  const rule = findRule(wanted) ?? findRule(wanted.toLowerCase());
  if (rule) {
    const markdown = rulePage(rule);
    const { id, defaultSeverity, description } = rule.meta;
    return ok({ kind: 'rule', name: id, markdown, rule: { id, defaultSeverity: String(defaultSeverity), description, uri: ruleUri(id) } }, markdown);
  }
  const entry = lookupTerm(wanted);
  if (entry) {
    const markdown = formatEntry(entry, true);
    const term = { term: entry.term, aliases: entry.aliases ?? [], category: entry.category, definition: entry.definition, whenToUse: entry.whenToUse, pitfall: entry.pitfall };
    return ok({ kind: 'term', name: entry.term, markdown, term }, markdown);
  }
  const names = [...rules.map((r) => r.meta.id), ...glossary.flatMap((e) => [e.term, ...(e.aliases ?? [])])];
  const close = closeMatches(wanted, names);
  throw new ToolInputError(`'${wanted}' is neither a rule nor a glossary term.${close.length ? ` Close matches: ${close.join(', ')}.` : ''} The rules tool lists every rule.`);
}

export const explainTool = (args: { name: string }): Promise<CallToolResult> => guarded(() => explain(args.name));
