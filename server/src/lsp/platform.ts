/**
 * What the language server needs from where it runs. The LSP logic (server-core.ts) is the same in
 * Node (server.ts: the analysis in a worker thread with a time limit, config files read from disk)
 * and in the web extension's worker (browser/server.ts: the analysis in-process with the core's own
 * budget, config files read through the editor's `workspace.fs`).
 */
import type { MessageBundle } from '../core/l10n';
import type { AnalyzeMessage } from '../host/analysis-request';
import type { SettledResult } from '../host/analysis-host';
import type { AnalysisSummary } from '../host/summary';
import type { Connection } from 'vscode-languageserver';
import type { EditorSettings, Effective, EffectiveOptions } from './effective';
import type { Analysed } from './workspace/workspace-lint';

export type KnowledgeService = typeof import('../knowledge/service');

export interface Analyser {
  /** Analyse; if that fails, the fallback (host/fallback.ts) built from `previous` or the request's framework. */
  analyzeOrFallback(request: Omit<AnalyzeMessage, 'type' | 'id'>, previous?: AnalysisSummary): Promise<SettledResult>;
  /** Drop what is kept for a closed document. */
  forget(key: string): void;
  warmUp(): void;
  /** The UI language's messages for analyses from now on (a worker thread needs them handed over). */
  useMessages?(messages: MessageBundle | undefined): void;
}

export interface ServerPlatform {
  /** The bundle for a locale the client names (Node reads l10n/; the web has only what the client sends). */
  messagesFor?(locale: string): MessageBundle | undefined;
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
  /** Node only: "Lint Workspace", the Design Docs view and the review report, which read the workspace's
   * files from disk and ask git what it ignores. Absent (the web), their requests are not served. */
  workspace?(core: WorkspaceCore): WorkspaceSupport;
}

/** What the LSP logic offers the workspace lint: the same settings, analysis and diagnostics as an open doc's. */
export interface WorkspaceCore {
  connection: Connection;
  roots(): string[];
  /** The editor's `section` settings for `scopeUri`; undefined when the client does not serve them. */
  configuration(scopeUri: string, section: string): Promise<unknown>;
  /** A closed document's text (from `read`) analysed with the settings and `.mlsd.json` it would have open;
   * undefined when mlsd is off for it or `read` fails. */
  analyseClosed(uri: string, read: () => Promise<string>): Promise<Analysed | undefined>;
  /** The open documents, each with its newest analysis. */
  openDocuments(): { uri: string; analysed?: Analysed }[];
  /** The newest analysis of an open document (waiting for one in flight); undefined when it is not open or has none. */
  fresh(uri: string): Promise<Omit<Analysed, 'lintable'> | undefined>;
  /** Publish (or with `undefined`, clear) a closed document's diagnostics. */
  publish(uri: string, summary: AnalysisSummary | undefined): void;
}

/** What the LSP logic tells the workspace lint. */
export interface WorkspaceSupport {
  /** Settings, config files or workspace folders changed: an index already built is brought up to date. */
  rescan(): void;
  /** A config file changed: which files are listed is decided again. */
  invalidate(): void;
  /** A Markdown file changed on disk (created, edited or deleted). */
  fileChanged(uri: string, deleted: boolean): void;
  opened(uri: string): void;
  /** A document closed: true when the workspace lint publishes its on-disk diagnostics instead (so they are not cleared). */
  closed(uri: string): boolean;
  /** An open document was analysed. */
  analysed(uri: string): void;
}
