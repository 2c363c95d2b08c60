/**
 * A small LSP client for tests: spawns the BUILT server (`node dist/server.js --stdio`), speaks
 * JSON-RPC over stdio with vscode-jsonrpc, plays the editor's part (workspace/configuration,
 * workspace/applyEdit, client/registerCapability) and records what the server pushes
 * (publishDiagnostics, mlsd/modelChanged). Tests wait for a state by polling with a deadline —
 * never by sleeping a fixed time — and a wait fails at once, with the server's stderr, if the
 * server process dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ApplyWorkspaceEditParams, ConfigurationParams, Diagnostic, InitializeResult, PublishDiagnosticsParams,
  TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const REPO = path.resolve(__dirname, '../..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

/** Default deadline for one wait. Generous: a loaded 2-core CI machine is slow, and this is not a benchmark. */
export const DEFAULT_DEADLINE_MS = 30_000;

export interface StartOptions {
  /** Extra environment for the server process (e.g. MLSD_ANALYSIS_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Workspace folder (a real directory); sent as rootUri and workspaceFolders. */
  root?: string;
  /** `mlsd` settings the client answers workspace/configuration with (per scopeUri if a function). */
  settings?: Settings | ((scopeUri: string | undefined) => Settings | undefined);
  /** Advertise workspace.configuration (default true). */
  configurationCapability?: boolean;
  /** Answers for other configuration sections the server asks for (e.g. `files.exclude`). */
  sections?: Record<string, unknown>;
}

export type Settings = Record<string, unknown>;

export interface AppliedEdit { params: ApplyWorkspaceEditParams; uris: string[] }

export class LspClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics per uri, in arrival order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly modelChanged: { uri: string; version: number | null }[] = [];
  readonly applyEditRequests: AppliedEdit[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: unknown[] = [];
  readonly showMessages: { type: number; message: string }[] = [];
  /** The editor's copy of each open document. */
  readonly docs = new Map<string, TextDocument>();
  settings: StartOptions['settings'];
  initializeResult?: InitializeResult;
  stderr = '';
  exitCode: number | null | undefined; // undefined while running
  private exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess, options: StartOptions) {
    this.settings = options.settings ?? { debounceMs: 0 };
    this.exited = new Promise((resolve) => proc.on('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? -1 : null);
      resolve(this.exitCode);
    }));
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (d: string) => { this.stderr = (this.stderr + d).slice(-20_000); });
    this.connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
    });
    this.connection.onNotification('mlsd/modelChanged', (p: { uri: string; version: number | null }) => { this.modelChanged.push(p); });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => { this.showMessages.push(p); });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      this.configurationRequests.push(p);
      return p.items.map((item) => (item.section === 'mlsd' || item.section === undefined ? this.settingsFor(item.scopeUri) : options.sections?.[item.section] ?? null));
    });
    this.connection.onRequest('client/registerCapability', (p: unknown) => { this.registrations.push(p); return null; });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      const uris = this.applyWorkspaceEdit(p.edit);
      this.applyEditRequests.push({ params: p, uris });
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], {
      cwd: REPO,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const client = new LspClient(proc, options);
    const rootUri = options.root ? pathToFileURL(options.root).href : null;
    client.initializeResult = await client.within(client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'mlsd-test-client' },
      rootUri,
      workspaceFolders: options.root ? [{ uri: rootUri!, name: path.basename(options.root) }] : null,
      capabilities: {
        workspace: {
          configuration: options.configurationCapability !== false,
          applyEdit: true,
          workspaceEdit: { documentChanges: false },
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: false, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: {},
        },
      },
    }), 'initialize');
    client.connection.sendNotification('initialized', {});
    return client;
  }

  private settingsFor(scopeUri: string | undefined): Settings | null {
    const s = typeof this.settings === 'function' ? this.settings(scopeUri) : this.settings;
    return s ?? null;
  }

  /** Races a promise against the deadline and the server's death. */
  async within<T>(p: Promise<T>, what: string, deadlineMs = DEFAULT_DEADLINE_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${deadlineMs} ms.\nserver stderr:\n${this.stderr}`)), deadlineMs);
    });
    const died = this.exited.then((code) => { throw new Error(`${what}: the server exited (code ${code}).\nserver stderr:\n${this.stderr}`); });
    try {
      return await Promise.race([p, timeout, died]);
    } finally {
      clearTimeout(timer);
    }
  }

  request<T = unknown>(method: string, params: unknown, deadlineMs = DEFAULT_DEADLINE_MS): Promise<T> {
    return this.within(this.connection.sendRequest<T>(method, params), method, deadlineMs);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Polls until `check` returns a value (not undefined), or fails at the deadline / when the server dies. */
  async waitFor<T>(what: string, check: () => T | undefined, deadlineMs = DEFAULT_DEADLINE_MS): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (this.exitCode !== undefined) throw new Error(`${what}: the server exited (code ${this.exitCode}).\nserver stderr:\n${this.stderr}`);
      if (Date.now() - start > deadlineMs) throw new Error(`${what}: not seen within ${deadlineMs} ms.\nserver stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Number of diagnostics publications seen so far for `uri` (use with `after`). */
  publishCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /**
   * The first publication for `uri` (from index `after` on) that is for `version` (when given) and
   * satisfies `predicate` (when given).
   */
  waitForDiagnostics(
    uri: string,
    opts: { version?: number; after?: number; predicate?: (d: Diagnostic[]) => boolean; deadlineMs?: number } = {},
  ): Promise<Diagnostic[]> {
    const what = `diagnostics for ${uri}${opts.version !== undefined ? ` version ${opts.version}` : ''}`;
    return this.waitFor(what, () => {
      const list = this.published.get(uri) ?? [];
      for (let i = opts.after ?? 0; i < list.length; i++) {
        const p = list[i];
        if (opts.version !== undefined && p.version !== opts.version) continue;
        if (opts.predicate && !opts.predicate(p.diagnostics)) continue;
        return p.diagnostics;
      }
      return undefined;
    }, opts.deadlineMs);
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, deadlineMs?: number): Promise<Diagnostic[]> {
    this.openNoWait(uri, text);
    return this.waitForDiagnostics(uri, { version: 1, deadlineMs });
  }

  openNoWait(uri: string, text: string): void {
    this.docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc.getText();
  }

  version(uri: string): number {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc.version;
  }

  /**
   * Applies text edits (LSP semantics: all ranges refer to the current text) to the editor's copy and
   * sends them as one incremental didChange. Returns the new version.
   */
  edit(uri: string, edits: TextEdit[]): number {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    // Applied one after another by the server, so send them from the bottom of the doc up.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const changes: TextDocumentContentChangeEvent[] = sorted.map((e) => ({ range: e.range, text: e.newText }));
    const version = doc.version + 1;
    const next = TextDocument.update(doc, changes, version);
    this.docs.set(uri, next);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** What an editor does with workspace/applyEdit: apply to open docs and report the change to the server. */
  applyWorkspaceEdit(edit: WorkspaceEdit): string[] {
    const uris: string[] = [];
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      uris.push(uri);
      if (this.docs.has(uri)) this.edit(uri, edits);
    }
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) {
        uris.push(change.textDocument.uri);
        if (this.docs.has(change.textDocument.uri)) this.edit(change.textDocument.uri, change.edits as TextEdit[]);
      }
    }
    return uris;
  }

  /** The shutdown / exit handshake; resolves with the exit code. */
  async shutdown(deadlineMs = DEFAULT_DEADLINE_MS): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    await this.request('shutdown', null, deadlineMs);
    this.notify('exit', null);
    const code = await this.within(this.exited, 'exit after shutdown', deadlineMs).catch((e) => {
      // `within` rejects when the server exits; here that is the expected outcome.
      if (this.exitCode !== undefined) return this.exitCode;
      throw e;
    });
    this.connection.dispose();
    return code;
  }

  /** Last resort for a test that failed half-way: never leave a server process behind. */
  kill(): void {
    if (this.exitCode === undefined) this.proc.kill();
    this.connection.dispose();
  }
}

/** Diagnostic.message is `string | MarkupContent` since LSP 3.18; mlsd sends strings. */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Position (0-based) of the first occurrence of `needle` in `text` (optionally the n-th line containing it). */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, i + offsetInNeedle);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

export function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

export function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
