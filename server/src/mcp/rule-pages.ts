/** A rule's documentation page (docs/rules/<id>.md, shipped beside the bundle), for `explain` and resources. */
import { readFileSync } from 'node:fs';
import type { Rule } from '../core/rules/rule';
import { ruleDocPath } from '../host/rule-docs';

export const ruleUri = (id: string) => `mlsd://rules/${id}`;
export const caseStudyUri = (id: string) => `mlsd://case-studies/${id}`;

/** The page, or (when the docs folder is missing from an install) a short page from the rule's metadata. */
export function rulePage(rule: Rule): string {
  try {
    return readFileSync(ruleDocPath(rule.meta.id), 'utf8');
  } catch {
    return `# ${rule.meta.id}\n\n${rule.meta.description}\n\nDefault severity: ${rule.meta.defaultSeverity}\n`;
  }
}
