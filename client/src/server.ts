/**
 * Typed access to the mlsd language server's custom messages (declared in server/src/protocol.ts).
 * The client never analyses Markdown itself: every fact about a doc comes through here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CaseStudyRequest, DocumentModelRequest, InsertStepCommand, ListCaseStudiesRequest, ListTemplatesRequest,
  ModelChangedNotification, PracticePlanRequest, RenderTemplateRequest, StepAtRequest,
} from '../../server/src/protocol';
import type {
  CaseStudyInfo, CaseStudyParams, CaseStudyResult, DocumentModelParams, DocumentModelResult, ModelChangedParams,
  PracticePlanResult, RenderTemplateParams, RenderTemplateResult, StepAtParams, StepAtResult, TemplateInfo,
} from '../../server/src/protocol';

export class MlsdServer implements vscode.Disposable {
  private readonly modelChanged = new vscode.EventEmitter<ModelChangedParams>();
  /** Fires after the server analysed a document (`mlsd/modelChanged`). */
  readonly onModelChanged = this.modelChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [this.modelChanged];

  constructor(private readonly client: LanguageClient, private readonly started: Promise<void>) {
    this.subscriptions.push(client.onNotification(ModelChangedNotification, (p: ModelChangedParams) => this.modelChanged.fire(p)));
  }

  /** Resolves once the server is running (rejects if it could not start). */
  get ready(): Promise<void> { return this.started; }

  private async request<R>(method: string, params?: unknown): Promise<R> {
    await this.started;
    return params === undefined ? this.client.sendRequest<R>(method) : this.client.sendRequest<R>(method, params);
  }

  documentModel(uri: vscode.Uri): Promise<DocumentModelResult> {
    return this.request<DocumentModelResult>(DocumentModelRequest, { uri: this.uri(uri) } satisfies DocumentModelParams);
  }
  listTemplates(): Promise<TemplateInfo[]> { return this.request<TemplateInfo[]>(ListTemplatesRequest); }
  renderTemplate(params: RenderTemplateParams): Promise<RenderTemplateResult> {
    return this.request<RenderTemplateResult>(RenderTemplateRequest, params);
  }
  listCaseStudies(): Promise<CaseStudyInfo[]> { return this.request<CaseStudyInfo[]>(ListCaseStudiesRequest); }
  caseStudy(id: string): Promise<CaseStudyResult> {
    return this.request<CaseStudyResult>(CaseStudyRequest, { id } satisfies CaseStudyParams);
  }
  stepAt(uri: vscode.Uri, line: number): Promise<StepAtResult> {
    return this.request<StepAtResult>(StepAtRequest, { uri: this.uri(uri), line } satisfies StepAtParams);
  }
  practicePlan(): Promise<PracticePlanResult> { return this.request<PracticePlanResult>(PracticePlanRequest); }

  /** Runs the server's "insert missing step" command; the server applies the edit itself. */
  insertStep(uri: vscode.Uri, stepId: string): Promise<unknown> {
    return this.request('workspace/executeCommand', { command: InsertStepCommand, arguments: [this.uri(uri), stepId] });
  }

  /** The URI string the client uses for this document on the wire. */
  uri(uri: vscode.Uri): string { return this.client.code2ProtocolConverter.asUri(uri); }

  /** True when a URI string from the server names this document. */
  same(wire: string, uri: vscode.Uri): boolean {
    return wire === this.uri(uri) || wire === uri.toString();
  }

  dispose(): void { for (const s of this.subscriptions) s.dispose(); }
}
