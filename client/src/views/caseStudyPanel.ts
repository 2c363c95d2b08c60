/** The case-study reference panel beside the editor; survives reloads through a WebviewPanelSerializer. */
import * as vscode from 'vscode';
import type { CaseStudyResult } from '../../../server/src/protocol';
import { CASE_STUDY_VIEW_TYPE } from '../commands/ids';
import type { MlsdServer } from '../server';
import { caseStudyPage } from './caseStudyHtml';

/** What the webview script persists with `setState` (and the serializer gets back after a reload). */
export interface PanelState { caseStudyId?: string; stepId?: string | null }

/** Messages the page script posts back. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'revealed'; stepId: string | null; found: boolean; highlight?: HighlightShape };

/** How the page highlighted the step (counted by the script, so tests see what the reader sees). */
export interface HighlightShape { blocks: number; elements: number; tintedElements: number }

/** What the panel shows and what the page last confirmed — read by tests and commands. */
export interface PanelSnapshot { open: boolean; viewColumn?: vscode.ViewColumn; title?: string; caseStudyId?: string; stepId?: string | null; confirmedStepId?: string | null; found?: boolean; highlight?: HighlightShape }

export class CaseStudyPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private study: CaseStudyResult | undefined;
  private stepId: string | null = null;
  private cursorLabel = '';
  private confirmed: { stepId: string | null; found: boolean; highlight?: HighlightShape } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly mediaRoot: vscode.Uri;

  constructor(context: vscode.ExtensionContext, private readonly server: MlsdServer, private readonly log: vscode.OutputChannel) {
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.subscriptions.push(vscode.window.registerWebviewPanelSerializer(CASE_STUDY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
        this.adopt(panel);
        if (state?.caseStudyId) await this.load(state.caseStudyId, state.stepId ?? null);
        else panel.dispose();
      },
    }));
  }

  get snapshot(): PanelSnapshot {
    return { open: !!this.panel, viewColumn: this.panel?.viewColumn, title: this.panel?.title, caseStudyId: this.study?.id, stepId: this.stepId,
      confirmedStepId: this.confirmed?.stepId, found: this.confirmed?.found, highlight: this.confirmed?.highlight };
  }

  get isOpen(): boolean { return !!this.panel; }

  /** Opens (or re-targets) the panel on a case study, beside the editor, keeping focus in the doc. */
  async show(caseStudyId: string, stepId: string | null = this.stepId): Promise<void> {
    if (!this.panel) {
      this.adopt(vscode.window.createWebviewPanel(CASE_STUDY_VIEW_TYPE, vscode.l10n.t('Case Study'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions()));
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.load(caseStudyId, stepId);
  }

  /** Scrolls the panel to a step and shows where the writer's cursor is (plain text, never HTML). */
  revealStep(stepId: string | null, cursorLabel: string): void {
    this.stepId = stepId;
    this.cursorLabel = cursorLabel;
    void this.panel?.webview.postMessage({ type: 'reveal', stepId, cursorLabel });
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, enableFindWidget: true, localResourceRoots: [this.mediaRoot] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'mlsd.svg');
    const subs = [
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      panel.onDidDispose(() => {
        for (const s of subs) s.dispose();
        if (this.panel === panel) { this.panel = undefined; this.study = undefined; this.confirmed = undefined; }
      }),
    ];
  }

  private async load(caseStudyId: string, stepId: string | null): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    let study: CaseStudyResult | null;
    try {
      study = await this.server.caseStudy(caseStudyId);
    } catch (err) {
      this.log.appendLine(`[client] mlsd/caseStudy ${caseStudyId} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: could not load case study "{0}".', caseStudyId));
      return;
    }
    if (panel !== this.panel) return;
    if (!study) {
      void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: there is no case study "{0}".', caseStudyId));
      return;
    }
    this.study = study;
    this.stepId = stepId;
    this.confirmed = undefined;
    panel.title = `Case Study: ${study.title}`;
    const asUri = (f: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, f)).toString();
    panel.webview.html = caseStudyPage(study,
      { cspSource: panel.webview.cspSource, scriptUri: asUri('case-study.js'), styleUri: asUri('case-study.css') });
  }

  private onMessage(m: FromWebview): void {
    if (m.type === 'ready') {
      // The page (re)loaded: tell it which case study it is and where the cursor is.
      void this.panel?.webview.postMessage({ type: 'init', caseStudyId: this.study?.id, stepId: this.stepId, cursorLabel: this.cursorLabel });
    } else if (m.type === 'revealed') {
      this.confirmed = { stepId: m.stepId, found: m.found, highlight: m.highlight };
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
