/**
 * "MLSD: Open Review Report": the review report of the current doc or of the workspace, in a webview.
 * The HTML is the server's report renderer's (server/src/report, via mlsd/reviewReport), coloured by
 * the editor's theme. Its own Content-Security-Policy allows no network at all and only the report's
 * sorting script, by hash; the webview may load no local files either.
 */
import * as vscode from 'vscode';
import { Commands, REVIEW_REPORT_VIEW_TYPE } from '../commands/ids';
import type { MlsdServer } from '../server';

export type ReportScope = 'document' | 'workspace';
export interface ReportSnapshot { open: boolean; title?: string; scope?: ReportScope; docCount?: number }

export class ReviewReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: { scope: ReportScope; uri?: vscode.Uri; docCount: number } | undefined;

  constructor(private readonly server: MlsdServer, private readonly log: vscode.OutputChannel) {}

  get snapshot(): ReportSnapshot {
    return { open: !!this.panel, title: this.panel?.title, scope: this.shown?.scope, docCount: this.shown?.docCount };
  }

  /** `scope` given (tests, keybindings) or asked: the active Markdown doc, or the whole workspace. */
  async open(scope?: unknown, uri?: unknown): Promise<ReportSnapshot> {
    const active = vscode.window.activeTextEditor?.document;
    const doc = uri instanceof vscode.Uri ? uri : active?.languageId === 'markdown' ? active.uri : undefined;
    let chosen: ReportScope | undefined = scope === 'document' || scope === 'workspace' ? scope : undefined;
    if (!chosen) {
      if (!doc) chosen = 'workspace';
      else {
        const pick = await vscode.window.showQuickPick([
          { label: vscode.l10n.t('Current doc'), description: vscode.workspace.asRelativePath(doc), scope: 'document' as const },
          { label: vscode.l10n.t('Whole workspace'), description: vscode.l10n.t('every design doc'), scope: 'workspace' as const },
        ], { placeHolder: vscode.l10n.t('Review report of…') });
        chosen = pick?.scope;
      }
    }
    if (!chosen) return this.snapshot;
    if (chosen === 'document' && !doc) {
      void vscode.window.showInformationMessage(vscode.l10n.t('MLSD: open a Markdown design doc to see its review report.'));
      return this.snapshot;
    }
    let report;
    try {
      report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('MLSD: review report') },
        () => this.server.reviewReport({ uri: chosen === 'document' ? this.server.uri(doc!) : undefined, theme: 'editor', linkCommand: Commands.openReportLink }));
    } catch (err) {
      this.log.appendLine(`[client] mlsd/reviewReport failed: ${String(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: could not make the review report. See the "MLSD" output.'));
      return this.snapshot;
    }
    if (!report) {
      void vscode.window.showInformationMessage(vscode.l10n.t('MLSD: nothing to report for this file.'));
      return this.snapshot;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(REVIEW_REPORT_VIEW_TYPE, report.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // Scripts on only for the matrix's sorting script, which the page's own CSP allows by its hash alone;
        // links may run one command, the one that opens a doc at a line.
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [], enableCommandUris: [Commands.openReportLink] });
      this.panel.onDidDispose(() => { this.panel = undefined; this.shown = undefined; });
    } else this.panel.reveal(undefined, true);
    this.panel.title = report.title;
    this.panel.webview.html = report.html;
    this.shown = { scope: chosen, uri: chosen === 'document' ? doc : undefined, docCount: report.docCount };
    return this.snapshot;
  }

  /** A report link: the doc at that line (0-based), in the first editor group, not over the report. */
  async openLink(uri: unknown, line: unknown): Promise<void> {
    if (typeof uri !== 'string') return;
    const at = typeof line === 'number' && line >= 0 ? new vscode.Position(line, 0) : new vscode.Position(0, 0);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at), preview: false });
  }

  dispose(): void { this.panel?.dispose(); }
}
