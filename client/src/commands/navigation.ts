/** "MLSD: Reveal Step", "MLSD: Insert Step" and "MLSD: Focus Design Steps". */
import * as vscode from 'vscode';
import type { ModelStore } from '../modelStore';
import type { MlsdServer } from '../server';
import { toRange, type OutlineNode } from '../views/outlineItems';
import { Views } from './ids';
import type { OutlineStep } from '../../../server/src/protocol';

function asUri(u: unknown): vscode.Uri | undefined {
  if (u instanceof vscode.Uri) return u;
  if (typeof u === 'string') { try { return vscode.Uri.parse(u, true); } catch { return undefined; } }
  return undefined;
}

function asRange(r: unknown): vscode.Range | undefined {
  if (r instanceof vscode.Range) return r;
  const w = r as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  if (typeof w?.start?.line === 'number' && typeof w.end?.line === 'number') {
    return toRange(w as { start: { line: number; character: number }; end: { line: number; character: number } });
  }
  return undefined;
}

export class NavigationCommands {
  constructor(private readonly server: MlsdServer, private readonly store: ModelStore) {}

  /** Reveals a range, or a step by id, in the doc. Args: (uri, range) | (uri, stepId) | (stepId). */
  async revealStep(a?: unknown, b?: unknown): Promise<boolean> {
    let uri = asUri(a);
    let range = asRange(b);
    const stepId = typeof b === 'string' ? b : (!uri && typeof a === 'string' ? a : undefined);
    if (!uri) uri = this.store.trackedDocument?.uri;
    if (!uri) return false;
    if (!range && stepId) {
      const model = await this.server.documentModel(uri);
      const step = model?.steps.find((s) => s.id === stepId);
      if (step?.range) range = toRange(step.range);
    }
    if (!range) return false;
    const start = new vscode.Range(range.start, range.start);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn, selection: start, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  /** Inserts a missing step's skeleton through the server. Args: tree node | (uri, stepId) | none → quick pick. */
  async insertStep(a?: unknown, b?: unknown): Promise<boolean> {
    let uri: vscode.Uri | undefined;
    let stepId: string | undefined;
    const node = a as OutlineNode | undefined;
    if (node && typeof node === 'object' && 'kind' in node && node.kind === 'step') { uri = node.uri; stepId = node.step.id; }
    else { uri = asUri(a); stepId = typeof b === 'string' ? b : undefined; }
    uri ??= this.store.trackedDocument?.uri;
    if (!uri) { void vscode.window.showInformationMessage(vscode.l10n.t('MLSD: open a design doc first.')); return false; }
    if (!stepId) {
      const model = await this.server.documentModel(uri);
      const missing = model?.steps.filter((s) => s.status === 'missing' || s.inPassing) ?? [];
      if (missing.length === 0) { void vscode.window.showInformationMessage(vscode.l10n.t('MLSD: every step already has a section.')); return false; }
      const pick = await vscode.window.showQuickPick(missing.map((s) => ({ label: s.title, id: s.id })),
        { title: vscode.l10n.t('MLSD: Insert Step'), placeHolder: vscode.l10n.t('Step with no section of its own to insert') });
      if (!pick) return false;
      stepId = pick.id;
    }
    await this.server.insertStep(uri, stepId);
    // The edit is applied before the server has analysed it: wait (briefly) for a model that has the step.
    let step: OutlineStep | undefined;
    for (let i = 0; i < 30 && !step?.range; i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 100));
      const model = await this.server.documentModel(uri).catch(() => undefined);
      step = model?.steps.find((s) => s.id === stepId);
    }
    await this.store.refresh();
    if (step?.range) await this.revealStep(uri, toRange(step.range));
    return true;
  }

  async focusOutline(): Promise<void> {
    await vscode.commands.executeCommand(`${Views.outline}.focus`);
  }
}
