/**
 * Tracks the Markdown document the writer is working on and its model from the server.
 * Views (outline, status bar, case-study panel) read `current` and listen to `onDidChange`;
 * the store refreshes when the active editor changes and when the server says `mlsd/modelChanged`.
 */
import * as vscode from 'vscode';
import type { DocumentModelResult } from '../../server/src/protocol';
import { ContextKeys } from './commands/ids';
import type { MlsdServer } from './server';

/** URI schemes of documents a writer edits (others, like `output` or `git`, do not change the tracked doc). */
const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata', 'vscode-vfs']);

export interface CurrentModel {
  document: vscode.TextDocument;
  model: DocumentModelResult;
}

export class ModelStore implements vscode.Disposable {
  private document: vscode.TextDocument | undefined;
  private model: DocumentModelResult | undefined;
  private generation = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<CurrentModel | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly server: MlsdServer, private readonly log: vscode.OutputChannel) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      // After "Reload Window" with the case-study panel focused there is no active editor at first, and the
      // restored editors arrive as visible ones: track a visible Markdown editor when nothing is tracked.
      vscode.window.onDidChangeVisibleTextEditors(() => { if (!this.document) this.follow(this.fallbackEditor()); }),
      vscode.workspace.onDidCloseTextDocument((d) => { if (d === this.document) this.setDocument(undefined); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('mlsd')) this.schedule(); }),
      server.onModelChanged((p) => { if (this.document && server.same(p.uri, this.document.uri)) this.schedule(); }),
    );
    this.follow(vscode.window.activeTextEditor ?? this.fallbackEditor());
  }

  /** With no active text editor (focus in a webview or a panel): the first visible Markdown editor. */
  private fallbackEditor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && DOCUMENT_SCHEMES.has(e.document.uri.scheme));
  }

  /** The tracked doc and its model, when the tracked doc is a design doc or not (check `model.isDesignDoc`). */
  get current(): CurrentModel | undefined {
    return this.document && this.model ? { document: this.document, model: this.model } : undefined;
  }

  /** The tracked doc and its model, only when it is a design doc. */
  get designDoc(): CurrentModel | undefined {
    const c = this.current;
    return c && c.model.isDesignDoc ? c : undefined;
  }

  get trackedDocument(): vscode.TextDocument | undefined { return this.document; }

  /** Re-requests the model now (debounced callers use `schedule`). */
  async refresh(): Promise<CurrentModel | undefined> {
    const document = this.document;
    const generation = ++this.generation;
    if (!document) { this.publish(undefined); return undefined; }
    try {
      const model = await this.server.documentModel(document.uri);
      if (generation !== this.generation || document !== this.document) return this.current; // a newer request won
      this.model = model ?? undefined;
      this.publish(this.current);
      return this.current;
    } catch (err) {
      this.log.appendLine(`[client] mlsd/documentModel failed for ${document.uri.toString()}: ${String(err)}`);
      return this.current;
    }
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus moving to a panel or the case-study webview leaves no active editor, and output/diff views
    // are not documents the writer works on: keep the doc we had.
    if (!editor || !DOCUMENT_SCHEMES.has(editor.document.uri.scheme)) return;
    const doc = editor.document;
    if (doc.languageId !== 'markdown') { this.setDocument(undefined); return; }
    if (doc !== this.document) this.setDocument(doc);
  }

  private setDocument(doc: vscode.TextDocument | undefined): void {
    this.document = doc;
    this.model = undefined;
    if (!doc) { this.generation++; this.publish(undefined); return; }
    this.schedule(0);
  }

  private schedule(delay = 30): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => { this.pending = undefined; void this.refresh(); }, delay);
  }

  private publish(value: CurrentModel | undefined): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.isDesignDoc, !!value?.model.isDesignDoc);
    this.changed.fire(value);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const s of this.subscriptions) s.dispose();
  }
}
