/**
 * The mlsd language server's LSP logic: a thin adapter. It keeps per-document state, asks the
 * platform's analyser for results, and converts them to LSP. No analysis here, and nothing that
 * needs Node: server.ts starts it in Node, browser/server.ts in the web extension's worker.
 */
import * as l10n from '@vscode/l10n';
import { useMessages, type MessageBundle } from '../core/l10n';
import { DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisSummary } from '../host/summary';
import { insertStepEdit } from '../core/fixes';
import type { DesignDoc, Framework } from '../core/types';
import { frameworkOf as frameworkOfText } from '../host/frameworks';
import { InsertStepCommand, Notifications, Requests } from '../protocol';
import { handle, notify } from './wire';
import { toConfigProblemDiagnostic, toDiagnostic, toDocumentModel } from './convert';
import { matchesDesignDocGlobs as matchesGlobs } from '../host/design-doc-glob-match';
import { MARKDOWN } from './workspace/markdown';
import type { Analysed } from './workspace/workspace-lint';
import { DEFAULT_DEBOUNCE_MS, type EditorSettings, type Effective } from './effective';
import { Scheduler } from './scheduler';
import { codeActions } from './features/code-actions';
import { documentSymbols, foldingRanges } from './features/symbols';
import { hover } from './features/hover';
import { completions } from './features/completion';
import { registerKnowledgeRequests } from './features/knowledge-requests';
import { caseStudyText, reviewResult } from './features/review';
import { positionParam, uriParam } from './params';
import type { ServerPlatform, WorkspaceSupport } from './platform';

export function startServer(connection: Connection, platform: ServerPlatform): void {
  const host = platform.analysis;
  const documents = new TextDocuments(TextDocument);
  const scheduler = new Scheduler({
    analyse: (uri) => void analyseNow(uri),
    versionOf: (uri) => documents.get(uri)?.version,
  });

  interface DocState {
    summary?: AnalysisSummary;
    /** Version the summary was computed for. */
    version?: number;
    lintable: boolean;
    /** Settings of the newest analysis (its debounce paces the next change). */
    effective?: Effective;
    /** The newest analysis did not finish: a too-complex result stands in. */
    fellBack?: boolean;
  }

  const states = new Map<string, DocState>();
  const settingsCache = new Map<string, Promise<EditorSettings | undefined>>();
  const publishedConfigProblems = new Set<string>();
  const shownSettingsWarnings = new Set<string>();
  let workspaceRoots: string[] = [];
  let canReadConfiguration = false;
  let hasWorkspaceFolderEvents = false;
  /** Restricted Mode (the client says the workspace is not trusted): framework files are not read. */
  let restricted = false;
  /** Where the rule pages are, when the client says (the web extension: inside the extension). */
  let ruleDocsBase: string | undefined;
  const ruleUrl = (ruleId: string) => (ruleDocsBase ? `${ruleDocsBase.replace(/\/$/, '')}/${ruleId}.md` : platform.ruleDocUrl(ruleId));

  /** The workspace lint where the platform has one (Node: node/workspace.ts); it registers its own requests. */
  const workspace: WorkspaceSupport | undefined = platform.workspace?.({
    connection,
    roots: () => workspaceRoots,
    configuration: async (scopeUri, section) => (canReadConfiguration
      ? connection.workspace.getConfiguration({ scopeUri, section }).catch(() => undefined)
      : undefined),
    analyseClosed,
    openDocuments: () => documents.all().map((d) => {
      const s = states.get(d.uri);
      return { uri: d.uri, analysed: s?.summary && s.effective ? { summary: s.summary, lintable: s.lintable, frameworkText: s.effective.frameworkText } : undefined };
    }),
    fresh: async (uri) => {
      const s = await fresh(uri);
      return s?.summary ? { summary: s.summary, frameworkText: s.effective?.frameworkText } : undefined;
    },
    publish: (uri, summary) => void connection.sendDiagnostics({ uri, diagnostics: summary ? summary.findings.map((f) => toDiagnostic(f, ruleUrl, uri)) : [] }),
  });

  function state(uri: string): DocState {
    let s = states.get(uri);
    if (!s) states.set(uri, (s = { lintable: false }));
    return s;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    hasWorkspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    const init = params.initializationOptions as { restricted?: unknown; ruleDocsBase?: unknown; l10n?: { messages?: unknown; locale?: unknown } } | null | undefined;
    // The UI language: the client's own bundle (VS Code's display language), else a locale whose
    // bundle the platform has; messages on this thread (hover, fixes) and in the analysis alike.
    const messages = l10nMessages(init?.l10n, platform);
    useMessages(messages);
    platform.analysis.useMessages?.(messages);
    restricted = init?.restricted === true;
    ruleDocsBase = typeof init?.ruleDocsBase === 'string' ? init.ruleDocsBase : undefined;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => platform.root(f.uri)).filter((p): p is string => !!p);
    if (!workspaceRoots.length && params.rootUri) {
      const root = platform.root(params.rootUri);
      if (root) workspaceRoots = [root];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#'] },
        executeCommandProvider: { commands: [InsertStepCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mlsd', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    host.warmUp();
    platform.warmUpKnowledge();
    if (canReadConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    // Only a client that declared workspaceFolders sends these events (the getter throws otherwise).
    if (!hasWorkspaceFolderEvents) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => platform.root(f.uri)));
      workspaceRoots = [...workspaceRoots.filter((r) => !removed.has(r)), ...e.added.map((f) => platform.root(f.uri)).filter((p): p is string => !!p)];
      reanalyseAll();
      workspace?.rescan();
    });
  });

  function settingsFor(uri: string): Promise<EditorSettings | undefined> {
    if (!canReadConfiguration) return Promise.resolve(undefined);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'mlsd' }).then(
        (v) => (v && typeof v === 'object' ? (v as EditorSettings) : undefined),
        () => undefined,
      );
      // Cached for open documents only: a closed one must leave nothing behind.
      if (documents.get(uri)) settingsCache.set(uri, p);
    }
    return p;
  }

  function reanalyseAll(): void {
    for (const doc of documents.all()) void analyseNow(doc.uri);
  }

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    platform.invalidateConfig();
    reanalyseAll();
    workspace?.rescan();
  });

  // The client watches `.mlsd.json` (config: everything is read again) and, in Node, Markdown files (the workspace lint's files).
  connection.onDidChangeWatchedFiles((params) => {
    const changes = (Array.isArray(params?.changes) ? params.changes : []).filter((c) => typeof c?.uri === 'string');
    const docs = changes.filter((c) => MARKDOWN.test(c.uri));
    if (docs.length < changes.length || !changes.length) {
      platform.invalidateConfig();
      workspace?.invalidate();
      reanalyseAll();
      workspace?.rescan();
    }
    for (const d of docs) workspace?.fileChanged(d.uri, d.type === 3);
  });

  // TextDocuments fires onDidChangeContent for the open too: the scheduler analyses that one at once,
  // later ones after the document's debounce (mlsd.debounceMs, from its effective settings).
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    scheduler.changed(uri, state(uri).effective?.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  });

  documents.onDidOpen((e) => workspace?.opened(e.document.uri));

  documents.onDidClose((e) => {
    scheduler.closed(e.document.uri);
    states.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    host.forget(e.document.uri);
    // A file in the workspace lint gets its on-disk diagnostics back rather than none.
    if (!workspace?.closed(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    platform.closed();
  });

  /** The document is still open, in the same open session as `s` (not closed, nor closed and reopened). */
  function stillOpen(uri: string, s: DocState): boolean {
    return states.get(uri) === s && documents.get(uri) !== undefined;
  }

  async function analyseNow(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const s = state(uri);
    scheduler.starting(uri);
    const version = doc.version;
    // Settings and config files arrive asynchronously; the document may be closed meanwhile, and a
    // closed document must never be analysed (its caches would be kept for good).
    const settings = await settingsFor(uri);
    if (!stillOpen(uri, s)) return;
    const effective = await platform.effectiveConfig(uri, settings, workspaceRoots, { restricted });
    if (!stillOpen(uri, s)) return;
    s.effective = effective;
    publishConfigProblems(effective);
    if (!effective.enable) {
      s.summary = undefined;
      s.version = version;
      s.lintable = false;
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return scheduler.published(uri, version);
    }
    const request = { key: uri, text: doc.getText(), config: effective.config, frameworkText: effective.frameworkText, asDesignDoc: matchesDesignDocGlobs(uri, effective) };
    // Over the time budget (or a worker failure) the host keeps the last good result and says why.
    const result = await host.analyzeOrFallback(request, s.summary);
    if (result.superseded || !result.summary) return;
    if (!stillOpen(uri, s)) {
      if (!states.has(uri)) host.forget(uri); // closed while it ran: drop what was kept for it
      return;
    }
    if (documents.get(uri)?.version !== version) return; // a newer analysis is on its way
    s.summary = result.summary;
    s.version = version;
    s.fellBack = result.fellBack === true;
    s.lintable = isLintable(uri, s.summary, effective);
    void connection.sendDiagnostics({ uri, version, diagnostics: s.lintable ? s.summary.findings.map((f) => toDiagnostic(f, ruleUrl, uri)) : [] });
    void notify(connection, Notifications.modelChanged, { uri, version });
    workspace?.analysed(uri);
    scheduler.published(uri, version);
  }

  function isLintable(uri: string, summary: AnalysisSummary, effective: Effective): boolean {
    return summary.doc.isDesignDoc || effective.config.lintMode === 'allMarkdown' || matchesDesignDocGlobs(uri, effective);
  }

  /** The user says this file is a design doc (`mlsd.designDocGlobs`), whatever it looks like: decided as
   * the CLI decides it (host/design-doc-glob-match.ts), on the path the platform reads the globs against. */
  function matchesDesignDocGlobs(uri: string, effective: Effective): boolean {
    const rel = platform.globPath(uri, effective.root);
    return rel !== undefined && matchesGlobs(rel, effective.config.designDocGlobs);
  }

  /** A document that is not open, analysed with the settings and `.mlsd.json` it would have open. */
  async function analyseClosed(uri: string, read: () => Promise<string>): Promise<Analysed | undefined> {
    const effective = await platform.effectiveConfig(uri, await settingsFor(uri), workspaceRoots, { restricted });
    publishConfigProblems(effective);
    if (!effective.enable) return undefined;
    let text: string;
    try { text = await read(); } catch { return undefined; }
    const result = await host.analyzeOrFallback({ text, config: effective.config, frameworkText: effective.frameworkText, asDesignDoc: matchesDesignDocGlobs(uri, effective) });
    if (!result.summary) return undefined;
    return { summary: result.summary, lintable: isLintable(uri, result.summary, effective), frameworkText: effective.frameworkText };
  }

  /** Config and framework problems are shown on the file that has them; cleared when fixed. */
  function publishConfigProblems(effective: Effective): void {
    for (const [file, problems] of effective.problems) {
      if (file === 'settings') {
        // Said once per distinct problem, not on every keystroke.
        const message = `mlsd: ${problems.map((p) => p.message).join('; ')}`;
        if (problems.length && !shownSettingsWarnings.has(message)) {
          shownSettingsWarnings.add(message);
          void connection.window.showWarningMessage(message);
        }
        continue;
      }
      const uri = platform.problemUri(file);
      if (!problems.length && !publishedConfigProblems.has(uri)) continue;
      if (problems.length) publishedConfigProblems.add(uri);
      else publishedConfigProblems.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => toConfigProblemDiagnostic(file, p)) });
    }
  }

  /** The newest analysis of a document, waiting for one in flight (or starting it) if needed. */
  async function fresh(uri: string | undefined): Promise<DocState | undefined> {
    if (uri === undefined) return undefined;
    const doc = documents.get(uri);
    if (!doc) return undefined;
    await scheduler.fresh(uri);
    return states.get(uri);
  }

  /** The framework the document was last analysed with (validated in the worker; see host/frameworks.ts). */
  function frameworkOf(s: DocState | undefined): Framework {
    return frameworkOfText(s?.effective?.frameworkText);
  }

  // Every handler accepts malformed params (null, none, missing fields) and answers "nothing" rather than
  // an error. They are registered by method name: vscode-languageserver's typed helpers (onFoldingRanges…)
  // read params.workDoneToken before our code runs, and fail on null params with an internal error.
  type Params = any; // checked field by field in each handler

  connection.onRequest('textDocument/codeAction', (params: Params) => (uriParam(params) && Array.isArray(params?.context?.diagnostics) ? codeActions(params) : []));

  connection.onRequest('textDocument/documentSymbol', async (params: Params) => {
    const s = await fresh(uriParam(params));
    return s?.summary ? documentSymbols(s.summary.doc, frameworkOf(s)) : [];
  });

  connection.onRequest('textDocument/foldingRange', async (params: Params) => {
    const s = await fresh(uriParam(params));
    return s?.summary ? foldingRanges(s.summary.doc) : [];
  });

  connection.onRequest('textDocument/hover', (params: Params) => {
    const uri = uriParam(params);
    const position = positionParam(params);
    const doc = uri === undefined ? undefined : documents.get(uri);
    if (!doc || !position) return null;
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const s = states.get(doc.uri);
    const findings = s?.summary && s.lintable ? s.summary.findings : [];
    return hover(line, position, s?.summary?.doc, frameworkOf(s), () => platform.knowledge(), findings, ruleUrl);
  });

  connection.onRequest('textDocument/completion', (params: Params) => {
    const uri = uriParam(params);
    const position = positionParam(params);
    const doc = uri === undefined ? undefined : documents.get(uri);
    if (!doc || !position) return [];
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    const s = states.get(doc.uri);
    return completions(line, position, s?.summary?.doc, frameworkOf(s), () => platform.knowledge());
  });

  handle(connection, Requests.documentModel, async (p) => {
    const uri = typeof p?.uri === 'string' ? p.uri : undefined;
    const s = await fresh(uri);
    const doc = uri === undefined ? undefined : documents.get(uri);
    if (!s?.summary || !doc || uri === undefined) return null;
    return toDocumentModel(uri, s.version ?? null, s.summary, s.lintable, frameworkOf(s));
  });

  handle(connection, Requests.review, async (p) => {
    const uri = typeof p?.uri === 'string' ? p.uri : undefined;
    const s = await fresh(uri);
    if (!s || uri === undefined || !documents.get(uri)) return null;
    return reviewResult(platform.displayName(uri), s);
  });

  handle(connection, Requests.caseStudyText, (p) => caseStudyText(
    p,
    platform.knowledge(),
    async (markdown) => (await host.analyzeOrFallback({ text: markdown })).summary,
    async (uri) => (await fresh(uri))?.summary,
  ));

  handle(connection, Requests.stepAt, (p) => {
    const s = typeof p?.uri === 'string' ? states.get(p.uri) : undefined;
    const line = typeof p?.line === 'number' ? p.line : -1;
    const step = s?.summary?.doc.steps.find((st) => st.sections.some((r) => r.start.line <= line && line <= r.end.line));
    return { stepId: step?.id ?? null };
  });

  connection.onRequest('workspace/executeCommand', async (params: Params) => {
    if (params?.command !== InsertStepCommand) return null;
    const [uri, stepId] = (Array.isArray(params.arguments) ? params.arguments : []) as [unknown, unknown];
    if (typeof uri !== 'string' || typeof stepId !== 'string') return null;
    const s = await fresh(uri);
    const doc = documents.get(uri);
    if (!s?.summary || !doc) return null;
    const model = { ...s.summary.doc, blocks: [], directives: [] } as DesignDoc;
    // Only a step with no section of its own: missing, or touched only in passing under other steps.
    const target = model.steps.find((st) => st.id === stepId);
    if (!target || target.sections.length > 0) return null;
    const edit = insertStepEdit(model, doc.getText().split(/\r\n|\r|\n/), frameworkOf(s), stepId);
    if (!edit) return null;
    const applied = await connection.workspace.applyEdit({ label: l10n.t('Insert step'), edit: { changes: { [uri]: [edit] } } });
    return applied.applied;
  });

  registerKnowledgeRequests(connection, () => platform.knowledge());

  documents.listen(connection);
  connection.listen();
}

function l10nMessages(l10n: { messages?: unknown; locale?: unknown } | undefined, platform: ServerPlatform): MessageBundle | undefined {
  const m = l10n?.messages;
  if (m && typeof m === 'object' && !Array.isArray(m)) return m as MessageBundle;
  return typeof l10n?.locale === 'string' ? platform.messagesFor?.(l10n.locale) : undefined;
}
