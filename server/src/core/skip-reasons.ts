/**
 * Why part of a doc was read as plain text. The reason is data in English (a finding's
 * `data.reason`, the same in every UI language); the message shows it in the UI language. Both come
 * from one list of templates, so a new reason cannot be shown untranslated by accident
 * (scripts/l10n-strings.ts puts them in the bundle).
 */
import * as l10n from '@vscode/l10n';

export const SKIP_REASONS = [
  'section is {0} k characters (limit {1} k)',
  'a line is {0} characters long (limit {1})',
  'nesting is {0} levels deep (limit {1})',
  'a paragraph has {0} emphasis or link markers (limit {1})',
  'its paragraphs have {0} emphasis or link markers between them, too many to pair up quickly',
  'nesting too deep for the Markdown parser',
  'Markdown parser failed: {0}',
] as const;

type Template = (typeof SKIP_REASONS)[number];

/** The reason as data: the template filled in, in English. */
export function skipReason(template: Template, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

const matchers = SKIP_REASONS.map((template) => ({
  template,
  re: new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d+\\\}/g, '(.*?)')}$`, 's'),
}));

/** The reason in the UI language (a reason from elsewhere is shown as it is). */
export function shownSkipReason(reason: string): string {
  for (const { template, re } of matchers) {
    const m = re.exec(reason);
    if (m) return l10n.t(template, ...m.slice(1));
  }
  return reason;
}
