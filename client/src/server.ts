/**
 * Typed access to the mlsd language server's custom messages (declared in server/src/protocol.ts).
 * The client never analyses Markdown itself: every fact about a doc comes through here.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { InsertStepCommand, Notifications, Requests } from '../../server/src/protocol';
import type {
  CaseStudyInfo, CaseStudyResult, CaseStudyTextParams, CaseStudyTextResult, DocumentModelResult, LintWorkspaceParams, LintWorkspaceResult,
  ModelChangedParams, PracticePlanResult, RenderTemplateParams, RenderTemplateResult, ReviewReportParams, ReviewReportResult, ReviewResult,
  StepAtResult, TemplateInfo, WireNotification, WireRequest, WorkspaceDocsResult, WorkspaceProgressParams,
} from '../../server/src/protocol';

export class MlsdServer implements vscode.Disposable {
  private readonly modelChanged = new vscode.EventEmitter<ModelChangedParams>();
  /** Fires after the server analysed a document (`mlsd/modelChanged`). */
  readonly onModelChanged = this.modelChanged.event;
  private readonly workspaceProgress = new vscode.EventEmitter<WorkspaceProgressParams>();
  /** Fires as a Lint Workspace run goes through the files (`mlsd/workspaceProgress`). */
  readonly onWorkspaceProgress = this.workspaceProgress.event;
  private readonly workspaceDocsChanged = new vscode.EventEmitter<void>();
  /** Fires when the server's list of workspace design docs changed (`mlsd/workspaceDocsChanged`). */
  readonly onWorkspaceDocsChanged = this.workspaceDocsChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [this.modelChanged, this.workspaceProgress, this.workspaceDocsChanged];

  constructor(private readonly client: BaseLanguageClient, private readonly started: Promise<void>) {
    this.subscriptions.push(
      this.on(Notifications.modelChanged, (p) => this.modelChanged.fire(p)),
      this.on(Notifications.workspaceProgress, (p) => this.workspaceProgress.fire(p)),
      this.on(Notifications.workspaceDocsChanged, () => this.workspaceDocsChanged.fire()),
    );
  }

  /** Resolves once the server is running (rejects if it could not start). */
  get ready(): Promise<void> { return this.started; }

  /** Sends one of protocol.ts's typed requests: its params and result types come from the declaration,
   * the same one the server's handler is checked against (lsp/wire.ts). */
  private async request<P, R>(request: WireRequest<P, R>, ...params: P extends void ? [] : [P]): Promise<R> {
    await this.started;
    return params.length ? this.client.sendRequest<R>(request.method, params[0]) : this.client.sendRequest<R>(request.method);
  }

  /** Listens to one of protocol.ts's typed notifications: the handler's params type comes from the declaration. */
  private on<P>(notification: WireNotification<P>, handler: (params: P) => void): vscode.Disposable {
    return this.client.onNotification(notification.method, handler);
  }

  /** Null when the server does not know the document (not open there yet). */
  documentModel(uri: vscode.Uri): Promise<DocumentModelResult | null> {
    return this.request(Requests.documentModel, { uri: this.uri(uri) });
  }
  listTemplates(): Promise<TemplateInfo[]> { return this.request(Requests.listTemplates); }
  renderTemplate(params: RenderTemplateParams): Promise<RenderTemplateResult | null> {
    return this.request(Requests.renderTemplate, params);
  }
  listCaseStudies(): Promise<CaseStudyInfo[]> { return this.request(Requests.listCaseStudies); }
  caseStudy(id: string): Promise<CaseStudyResult | null> {
    return this.request(Requests.caseStudy, { id });
  }
  stepAt(uri: vscode.Uri, line: number): Promise<StepAtResult> {
    return this.request(Requests.stepAt, { uri: this.uri(uri), line });
  }
  practicePlan(): Promise<PracticePlanResult> { return this.request(Requests.practicePlan); }
  /** Cancelling `token` stops the server between files; it still answers, with what it did. */
  async lintWorkspace(params: LintWorkspaceParams, token?: vscode.CancellationToken): Promise<LintWorkspaceResult> {
    await this.started;
    return token
      ? this.client.sendRequest<LintWorkspaceResult>(Requests.lintWorkspace.method, params, token)
      : this.request(Requests.lintWorkspace, params);
  }
  workspaceDocs(): Promise<WorkspaceDocsResult> { return this.request(Requests.workspaceDocs); }
  reviewReport(params: ReviewReportParams): Promise<ReviewReportResult | null> { return this.request(Requests.reviewReport, params); }
  /** The reviewer's reading of an open doc, as data and as text; null when the server does not know the doc. */
  review(uri: vscode.Uri): Promise<ReviewResult | null> {
    return this.request(Requests.review, { uri: this.uri(uri) });
  }
  /** A case study's Markdown by id, or the one closest to an open doc (`uri`). */
  caseStudyText(params: { id?: string; uri?: vscode.Uri; step?: string }): Promise<CaseStudyTextResult> {
    const wire: CaseStudyTextParams = { id: params.id, step: params.step, uri: params.uri ? this.uri(params.uri) : undefined };
    return this.request(Requests.caseStudyText, wire);
  }

  /** Runs the server's "insert missing step" command; the server applies the edit itself. */
  insertStep(uri: vscode.Uri, stepId: string): Promise<unknown> {
    return this.started.then(() =>
      this.client.sendRequest('workspace/executeCommand', { command: InsertStepCommand, arguments: [this.uri(uri), stepId] }));
  }

  /** The URI string the client uses for this document on the wire. */
  uri(uri: vscode.Uri): string { return this.client.code2ProtocolConverter.asUri(uri); }

  /** True when a URI string from the server names this document. */
  same(wire: string, uri: vscode.Uri): boolean {
    return wire === this.uri(uri) || wire === uri.toString();
  }

  dispose(): void { for (const s of this.subscriptions) s.dispose(); }
}
