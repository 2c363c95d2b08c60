/** One analysis as the worker runs it: framework + config + cache → summary. */
import { analyze } from '../core/analyze';
import { ParseCache } from '../core/parse-cache';
import { validateFramework } from '../core/framework';
import type { Framework } from '../core/types';
import { defaultFramework } from '../knowledge/framework';
import { withLanguages } from '../knowledge/languages';
import { caseStudyIds, suggestCaseStudy } from '../knowledge/case-studies';
import type { AnalyzeMessage } from './analysis-request';
import { summarise, type AnalysisSummary } from './summary';

const frameworks = new Map<string, Framework>();

function frameworkFrom(text: string | undefined): Framework {
  if (!text) return defaultFramework;
  let f = frameworks.get(text);
  if (!f) {
    let data: unknown;
    try { data = JSON.parse(text); } catch { return defaultFramework; }
    const valid = validateFramework(data).framework; // the shell reports the problems
    f = valid ? withLanguages(valid) : defaultFramework;
    if (frameworks.size > 8) frameworks.clear();
    frameworks.set(text, f);
  }
  return f;
}

export function runAnalysis(msg: Pick<AnalyzeMessage, 'text' | 'config' | 'frameworkText' | 'asDesignDoc'>, cache?: ParseCache): AnalysisSummary {
  const framework = frameworkFrom(msg.frameworkText);
  const { doc, findings, lines } = analyze(msg.text, { framework, config: msg.config, cache, caseStudyIds: caseStudyIds(), asDesignDoc: msg.asDesignDoc });
  const suggested = doc.caseStudy ? undefined : suggestCaseStudy(doc, lines);
  return summarise(doc, findings, suggested);
}

export { ParseCache };
