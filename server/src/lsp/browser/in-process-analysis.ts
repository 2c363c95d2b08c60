/**
 * The analysis in the web extension: in the language server's own Web Worker, in-process. No
 * worker thread to stop here; the core's budget (core/budget.ts) sends oversized or deeply nested
 * parts to its plain-text fallback, and an analysis that throws becomes host/fallback.ts's result.
 */
import type { AnalyzeMessage } from '../../host/analysis-request';
import type { SettledResult } from '../../host/analysis-host';
import { fallbackSummary } from '../../host/fallback';
import { frameworkOf } from '../../host/frameworks';
import { ParseCache, runAnalysis } from '../../host/run-analysis';
import type { AnalysisSummary } from '../../host/summary';
import { warmUpText } from '../../host/warm-up';
import type { Analyser } from '../platform';

export class InProcessAnalyser implements Analyser {
  /** One parse cache per open document, for incremental re-analysis. */
  private readonly caches = new Map<string, ParseCache>();

  analyzeOrFallback(request: Omit<AnalyzeMessage, 'type' | 'id'>, previous?: AnalysisSummary): Promise<SettledResult> {
    return Promise.resolve(this.analyse(request, previous));
  }

  private analyse(request: Omit<AnalyzeMessage, 'type' | 'id'>, previous?: AnalysisSummary): SettledResult {
    const t0 = performance.now();
    let cache: ParseCache | undefined;
    if (request.key) {
      cache = this.caches.get(request.key);
      if (!cache) this.caches.set(request.key, (cache = new ParseCache()));
    }
    try {
      return { summary: runAnalysis(request, cache), ms: performance.now() - t0 };
    } catch (e) {
      const error = String((e as Error)?.stack ?? e);
      return { error, fellBack: true, ms: performance.now() - t0, summary: fallbackSummary({ error }, 0, frameworkOf(request.frameworkText), previous) };
    }
  }

  forget(key: string): void {
    this.caches.delete(key);
  }

  /** Compile the parser, rules and phrase regexes once before the first real document. */
  warmUp(): void {
    setTimeout(() => { try { runAnalysis({ text: warmUpText(frameworkOf(undefined)) }); } catch { /* a real analysis will say */ } }, 0);
  }
}
