/** One analysis as the worker runs it: framework + config + cache → summary. */
import { analyze } from '../core/analyze';
import { ParseCache } from '../core/parse-cache';
import { caseStudyIds, suggestCaseStudy } from '../knowledge/case-studies';
import type { AnalyzeMessage } from './analysis-request';
import { summarise, type AnalysisSummary } from './summary';
import { frameworkOf } from './frameworks';

export function runAnalysis(msg: Pick<AnalyzeMessage, 'text' | 'config' | 'frameworkText' | 'asDesignDoc'>, cache?: ParseCache): AnalysisSummary {
  const framework = frameworkOf(msg.frameworkText); // validated by the shell's ConfigFiles
  const { doc, findings, lines } = analyze(msg.text, { framework, config: msg.config, cache, caseStudyIds: caseStudyIds(), asDesignDoc: msg.asDesignDoc });
  const suggested = doc.caseStudy ? undefined : suggestCaseStudy(doc, lines);
  return summarise(doc, findings, suggested);
}

export { ParseCache };
