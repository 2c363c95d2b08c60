/** `mlsd case-studies [ID]`: the list of reference case studies, or one of them in full. */
import { caseStudies, findCaseStudy } from '../../knowledge/case-studies';
import { parseFlags } from '../args';
import { suggestion } from '../did-you-mean';
import { printUsage } from '../usage';
import { UsageError } from '../usage-error';

export function listCaseStudies(args: string[]): number {
  const { positionals, help } = parseFlags('case-studies', args, {});
  if (help) return printUsage('case-studies');
  const list = caseStudies();
  if (positionals.length > 1) throw new UsageError('case-studies takes at most one id', 'case-studies');
  if (positionals[0]) {
    const cs = findCaseStudy(positionals[0]);
    if (!cs) throw new UsageError(`unknown case study '${positionals[0]}'${suggestion(positionals[0], list.map((c) => c.id))} (try: mlsd case-studies)`, 'case-studies');
    process.stdout.write(cs.markdown.endsWith('\n') ? cs.markdown : `${cs.markdown}\n`);
    return 0;
  }
  const width = Math.max(...list.map((c) => c.id.length));
  for (const c of list) process.stdout.write(`${c.id.padEnd(width)}  ${c.title} — ${c.summary}\n`);
  return 0;
}
