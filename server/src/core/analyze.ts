/**
 * The core's facade: text in, document model and findings out. Synchronous, deterministic, and it
 * never throws — whatever the text. Shells (LSP server, CLI) hand it the text, config and framework;
 * it reads no files.
 */
import type { DesignDoc, Finding, Framework } from './types';
import type { MlsdConfig } from './config';
import { extraTopicsByStep } from './config';
import { buildDesignDoc } from './model/build';
import { lint } from './lint';
import { ParseCache } from './parse-cache';
import { splitLines, range } from './text';
import type { Budget } from './budget';
import { endMemoGeneration } from './memo';
import { splitIncrementally } from './incremental-split';
import type { Chunk } from './split';

export interface AnalyzeOptions {
  framework: Framework;
  config?: MlsdConfig;
  /** Re-use parsed chunks between analyses of the same document (incremental re-analysis). */
  cache?: ParseCache;
  budget?: Budget;
  caseStudyIds?: string[];
  /** Lint as a design doc whatever kind the file looks like. */
  asDesignDoc?: boolean;
}

export interface Analysis {
  doc: DesignDoc;
  findings: Finding[];
  lines: string[];
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const source = typeof text === 'string' ? text : String(text ?? '');
  let lines: string[];
  let chunks: Chunk[] | undefined;
  if (options.cache) ({ lines, chunks } = splitIncrementally(source, options.cache.split));
  else lines = splitLines(source);
  let doc: DesignDoc;
  try {
    doc = buildDesignDoc(lines, {
      framework: options.framework,
      extraTopics: options.config ? extraTopicsByStep(options.config) : undefined,
      cache: options.cache,
      budget: options.budget,
    }, chunks);
  } catch (err) {
    options.cache?.clear();
    doc = emptyDoc(lines.length, options.framework, `internal error while reading the doc: ${String((err as Error)?.message ?? err)}`);
  }
  const findings = lint(doc, lines, { framework: options.framework, config: options.config, caseStudyIds: options.caseStudyIds, asDesignDoc: options.asDesignDoc });
  endMemoGeneration();
  return { doc, findings, lines };
}

/** A doc with nothing found; used when the model cannot be built. */
export function emptyDoc(lineCount: number, framework: Framework, skippedReason?: string): DesignDoc {
  return {
    lineCount,
    headings: [],
    blocks: [],
    steps: framework.steps.map((s) => ({ id: s.id, title: s.title, status: 'missing', headings: [], sections: [], wordCount: 0, topics: [] })),
    isDesignDoc: false,
    designDocReason: 'not analysed',
    kind: 'other',
    kindReason: 'not analysed',
    directives: [],
    skipped: skippedReason ? [{ range: range(0, 0, Math.max(0, lineCount - 1), 0), reason: skippedReason }] : [],
  };
}

export { ParseCache };
