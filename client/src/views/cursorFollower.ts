/** Keeps the case-study panel on the step the writer's cursor is in (asks the server with mlsd/stepAt). */
import * as vscode from 'vscode';
import type { DocumentModelResult } from '../../../server/src/protocol';
import { settings } from '../config';
import type { ModelStore } from '../modelStore';
import type { MlsdServer } from '../server';
import type { CaseStudyPanel } from './caseStudyPanel';

/** The doc heading (from the server's outline) the line sits under, for the panel's "your cursor" label. */
export function cursorLabel(model: DocumentModelResult, stepId: string | null, line: number): string {
  const step = model.steps.find((s) => s.id === stepId);
  if (!step) return '';
  let label = step.title;
  for (const h of step.headings) if (h.range.start.line <= line) label = h.text || label;
  return label;
}

export class CursorFollower implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ModelStore, private readonly server: MlsdServer, private readonly panel: CaseStudyPanel) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.store.trackedDocument) this.schedule(e.textEditor);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => { if (e) this.schedule(e); }),
    ];
  }

  /** Syncs the panel with the given (or active) editor now. */
  async sync(editor = vscode.window.activeTextEditor): Promise<void> {
    const current = this.store.designDoc;
    if (!editor || !current || editor.document !== current.document || !this.panel.isOpen) return;
    if (!settings.followCursor(editor.document)) return;
    const line = editor.selection.active.line;
    const seq = ++this.seq;
    const { stepId } = await this.server.stepAt(editor.document.uri, line);
    if (seq !== this.seq) return;
    this.panel.revealStep(stepId, cursorLabel(current.model, stepId, line));
  }

  private schedule(editor: vscode.TextEditor): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.sync(editor).catch(() => undefined); }, 120);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
