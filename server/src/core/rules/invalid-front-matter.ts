import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from './rule';
import { schemas, validateAgainst } from '../validate';
import { frontMatterKeyLine } from '../model/front-matter';
import { range } from '../text';

export const invalidFrontMatter: Rule = {
  meta: {
    id: 'invalid-front-matter',
    description: 'The YAML front matter is broken or breaks schemas/frontmatter.schema.json.',
    defaultSeverity: 'error',
    tags: ['front-matter'],
    fixable: false,
    templates: true,
  },
  check(doc, ctx) {
    const fm = doc.frontMatter;
    if (!fm) return [];
    if (fm.error) return [{ message: l10n.t('Front matter is not valid YAML: {0}.', fm.error.message.replace(/[\s.]*$/, '')), range: fm.error.range, data: {} }];
    if (fm.data === null || fm.data === undefined) return [];
    if (typeof fm.data !== 'object' || Array.isArray(fm.data)) {
      return [{ message: l10n.t('Front matter must be a YAML mapping (key: value lines).'), range: fm.range, data: {} }];
    }
    const out: RuleFinding[] = [];
    const at = (key: string) => {
      const line = frontMatterKeyLine(fm, key);
      return range(line, 0, line, (ctx.lines[line] ?? '').length);
    };
    for (const p of validateAgainst(schemas.frontMatter, fm.data)) {
      const key = p.path.split('.')[0];
      out.push({ message: l10n.t("Front matter '{0}' {1}.", p.path, p.message), range: at(key), data: { key } });
    }
    const cs = (fm.data as Record<string, unknown>).caseStudy;
    if (typeof cs === 'string' && ctx.caseStudyIds.length && !ctx.caseStudyIds.includes(cs) && !out.some((f) => f.data?.key === 'caseStudy')) {
      out.push({ message: l10n.t("Front matter 'caseStudy' names '{0}', which is not a known case study ({1}).", cs, ctx.caseStudyIds.join(', ')), range: at('caseStudy'), data: { key: 'caseStudy' } });
    }
    return out;
  },
};
