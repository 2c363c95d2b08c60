/** The `rules` tool: the rule catalogue, as `mlsd rules` prints it, with each rule's page URI. */
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { rules } from '../core/rules';
import { ok } from './result';
import { ruleUri } from './rule-pages';

export const rulesOutput = {
  rules: z.array(z.object({
    id: z.string(),
    defaultSeverity: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    fixable: z.boolean(),
    onTemplates: z.boolean(),
    uri: z.string(),
  })),
};

export function rulesTool(): CallToolResult {
  const list = rules.map((r) => ({
    id: r.meta.id,
    defaultSeverity: String(r.meta.defaultSeverity),
    description: r.meta.description,
    tags: [...r.meta.tags],
    fixable: r.meta.fixable,
    onTemplates: r.meta.templates === true,
    uri: ruleUri(r.meta.id),
  }));
  const text = list.map((r) => `${r.id} (${r.defaultSeverity}): ${r.description}`).join('\n');
  return ok({ rules: list }, text);
}
