/**
 * What the language server needs from where it runs. The LSP logic (server-core.ts) is the same in
 * Node (server.ts: the analysis in a worker thread with a time limit, config files read from disk)
 * and in the web extension's worker (browser/server.ts: the analysis in-process with the core's own
 * budget, config files read through the editor's `workspace.fs`).
 */
import type { AnalyzeMessage } from '../host/analysis-request';
import type { SettledResult } from '../host/analysis-host';
import type { AnalysisSummary } from '../host/summary';
import type { EditorSettings, Effective, EffectiveOptions } from './effective';

export type KnowledgeService = typeof import('../knowledge/service');

export interface Analyser {
  /** Analyse; if that fails, the fallback (host/fallback.ts) built from `previous` or the request's framework. */
  analyzeOrFallback(request: Omit<AnalyzeMessage, 'type' | 'id'>, previous?: AnalysisSummary): Promise<SettledResult>;
  /** Drop what is kept for a closed document. */
  forget(key: string): void;
  warmUp(): void;
}

export interface ServerPlatform {
  analysis: Analyser;
  /** Workspace folder URI → how this platform names a root (a path in Node, the URI in the web); undefined: not usable. */
  root(folderUri: string): string | undefined;
  /** Editor settings + nearest `.mlsd.json` + framework file → the document's effective configuration. */
  effectiveConfig(uri: string, settings: EditorSettings | undefined, roots: string[], options: EffectiveOptions): Promise<Effective>;
  /** Config files may have changed: forget what was read. */
  invalidateConfig(): void;
  /** The document as `mlsd.designDocGlobs` match it: relative to `root`, '/'-separated; undefined when it has no path. */
  globPath(uri: string, root: string | undefined): string | undefined;
  /** The URI of a file named in `Effective.problems`. */
  problemUri(file: string): string;
  /** How a review names the document (a path when it has one). */
  displayName(uri: string): string;
  /** A rule's docs page, when the client did not say where they are. */
  ruleDocUrl(ruleId: string): string;
  knowledge(): KnowledgeService;
  warmUpKnowledge(): void;
  /** A document was closed (Node: maybe collect garbage once idle). */
  closed(): void;
}
