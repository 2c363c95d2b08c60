/**
 * The custom LSP messages between the mlsd client and server, declared once.
 * Plain types and method names only: imported by the server (vscode-languageserver)
 * and by the client (vscode-languageclient). Both reach a method only through the typed
 * `Requests` / `Notifications` declarations at the end (the name strings are not exported),
 * so neither side spells a method name, nor guesses its params or result type.
 * Ranges are LSP ranges (0-based).
 *
 * It stands alone: it imports nothing, so the client depends on no analysis code and the core's
 * types can change without changing the wire (the server's convert.ts maps one to the other; the
 * compiler checks that mapping). `test/unit/meta.test.ts` enforces it.
 */

/* ---- wire types ---- */

export interface WirePosition { line: number; character: number }
export interface WireRange { start: WirePosition; end: WirePosition }
/** `not-started`: the step's sections hold only template prompts, no answer yet (it is not covered). */
export type WireStepStatus = 'covered' | 'thin' | 'not-started' | 'missing';
export type WireSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';
type Range = WireRange;
type StepStatus = WireStepStatus;
type SeveritySetting = WireSeverity;

/**
 * A request's method with its parameter and result types, as vscode-languageserver-protocol's
 * `RequestType` (vscode-eslint's shared declarations), but library-free: the client and the server
 * bundle different versions of that library, whose classes do not type-check across copies.
 * `R` appears only in a phantom member, so `WireRequest<P, R>` carries the types with the name.
 */
export interface WireRequest<P, R> { readonly method: string; readonly __types?: (params: P) => R }
export interface WireNotification<P> { readonly method: string; readonly __types?: (params: P) => void }
const request = <P, R>(method: string): WireRequest<P, R> => ({ method });
const notification = <P>(method: string): WireNotification<P> => ({ method });

/* ---- client → server requests ---- */

/** The doc's step outline: what the "Design Steps" tree, status bar and case-study panel show. */
const DocumentModelRequest = 'mlsd/documentModel';
export interface DocumentModelParams { uri: string }
export interface OutlineTopic { id: string; label: string; covered: boolean; severity: SeveritySetting; range?: Range }
/** `why`: how the heading was read ('heading names Data preparation', 'under Model') — shown as its tooltip. */
export interface OutlineHeading { text: string; depth: number; range: Range; why?: string }
export interface OutlineStep {
  id: string;
  title: string;
  status: StepStatus;
  range?: Range;
  headings: OutlineHeading[];
  topics: OutlineTopic[];
  findingCount: number;
  /** Not started: how many prompt lines wait for an answer. */
  promptCount?: number;
  /** Thin with no section of its own: its topics show up only in passing under other steps. */
  inPassing?: boolean;
}
export interface DocumentModelResult {
  uri: string;
  version: number | null;
  isDesignDoc: boolean;
  designDocReason: string;
  /** design-doc, template, model-card, lesson, readme… (only design docs get design findings). */
  kind?: string;
  steps: OutlineStep[];
  coveredCount: number;
  stepCount: number;
  findingCount: number;
  problemType?: string;
  /** Case study named in front matter, else the best match by content. */
  caseStudy?: string;
  /** True when part of the doc exceeded the analysis budget (see finding `too-complex`). */
  tooComplex: boolean;
}

/** Templates for "MLSD: New Design Doc". */
const ListTemplatesRequest = 'mlsd/listTemplates';
export interface TemplateInfo { id: string; title: string; description: string; problemType?: string }

const RenderTemplateRequest = 'mlsd/renderTemplate';
/** `snippet: true` → VS Code snippet syntax with tab stops; false → plain text prompts. */
export interface RenderTemplateParams { id: string; title: string; snippet: boolean }
export interface RenderTemplateResult { text: string }

/** Case studies for the reference panel. */
const ListCaseStudiesRequest = 'mlsd/listCaseStudies';
export interface CaseStudyInfo { id: string; title: string; problem: string; category: string; summary: string }

const CaseStudyRequest = 'mlsd/caseStudy';
export interface CaseStudyParams { id: string }
/** Sanitised HTML (rendered on the server through remark-rehype + rehype-sanitize); each step's
 * first heading carries `id="mlsd-step-<stepId>"` so the panel can scroll to it. */
export interface CaseStudyResult { id: string; title: string; html: string; stepIds: string[] }

/** Which step the given position is in (the panel follows the cursor). */
const StepAtRequest = 'mlsd/stepAt';
export interface StepAtParams { uri: string; line: number }
export interface StepAtResult { stepId: string | null }

/** Interview practice data: time budget and typical questions per step. */
const PracticePlanRequest = 'mlsd/practicePlan';
export interface PracticeStep { id: string; title: string; minutes: number; questions: string[] }
export interface PracticePlanResult { totalMinutes: number; steps: PracticeStep[] }

/** "MLSD: Lint Workspace": every Markdown file under the workspace folders that the editor and git do
 * not exclude is analysed; design docs that are not open get their diagnostics published too (once
 * asked, they stay current as files change on disk). Cancelling the request stops it between files
 * and keeps what is done. `publishDiagnostics: false` only indexes the docs (the Design Docs view). */
const LintWorkspaceRequest = 'mlsd/lintWorkspace';
export interface LintWorkspaceParams { publishDiagnostics?: boolean }
export interface LintWorkspaceResult { files: number; analysed: number; designDocs: number; cancelled: boolean }

/** The design docs of the workspace as last indexed (open docs as the editor has them). */
const WorkspaceDocsRequest = 'mlsd/workspaceDocs';
export interface WorkspaceDoc {
  uri: string;
  title: string;
  coveredCount: number;
  thinCount: number;
  missingCount: number;
  stepCount: number;
  findingCount: number;
}
export interface WorkspaceDocsResult { indexed: boolean; docs: WorkspaceDoc[] }

/** The review report (server/src/report's HTML) of one doc, or of every design doc in the workspace
 * when `uri` is absent. `theme: 'editor'` colours it with the editor's theme variables (a webview). */
const ReviewReportRequest = 'mlsd/reviewReport';
/** `linkCommand`: links go to `command:<linkCommand>?[uri, line]` (a client command that opens the file
 * at that 0-based line; the webview allows only that command) instead of relative file URLs. */
export interface ReviewReportParams { uri?: string; theme?: 'editor'; linkCommand?: string }
export interface ReviewReportResult { title: string; html: string; docCount: number }
/**
 * A reviewer's reading of one open doc, for a language model (the VS Code language-model tool):
 * the same result as the MCP server's `lint` tool, from the editor's own analysis and settings.
 * Lines and columns are 1-based here, as a person (or a model) quotes them.
 */
const ReviewRequest = 'mlsd/review';
export interface ReviewParams { uri: string }
export type ReviewStepStatus = 'covered' | 'thin' | 'not started' | 'missing';
export interface ReviewStep { id: string; title: string; status: ReviewStepStatus; inPassing?: boolean; headings: { text: string; line: number }[] }
export interface ReviewFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  step?: string;
  /** The framework's guiding question behind the finding. */
  question?: string;
}
export interface Review {
  file?: string;
  kind: { isDesignDoc: boolean; kind: string; reason: string };
  steps: ReviewStep[];
  findings: ReviewFinding[];
  configProblems: string[];
  suggestedCaseStudy?: string;
  /** False when the analysis did not finish and a too-complex result stands in. */
  complete: boolean;
}
/** `review` is absent when mlsd is turned off for the doc (`mlsd.enable`); `text` says so then. */
export interface ReviewResult { text: string; review?: Review }

/** A case study as Markdown (for a language model): by id, or the one closest to an open doc; whole or one step's section. */
const CaseStudyTextRequest = 'mlsd/caseStudyText';
export interface CaseStudyTextParams { id?: string; uri?: string; step?: string }
export type CaseStudyTextResult =
  | { found: true; id: string; title: string; problem: string; summary: string; matchedBy: 'id' | 'front matter' | 'content'; steps: string[]; step?: { id: string; title: string }; markdown: string }
  | { found: false; problem: string };

/* ---- server → client notifications ---- */

/** Sent after each analysis so views refresh without polling. */
const ModelChangedNotification = 'mlsd/modelChanged';
export interface ModelChangedParams { uri: string; version: number | null }

/** Progress of a Lint Workspace run (`publishDiagnostics` not false): `done` of `total` files. */
const WorkspaceProgressNotification = 'mlsd/workspaceProgress';
export interface WorkspaceProgressParams { done: number; total: number }

/** The workspace's list of design docs changed (a file analysed, added or deleted). */
const WorkspaceDocsChangedNotification = 'mlsd/workspaceDocsChanged';

/* ---- server → client requests ---- */

/** The web extension's server cannot read files: it asks the client, which reads through `workspace.fs`
 * (`.mlsd.json`, framework files). `text` is null when there is no such file or it cannot be read. */
const ReadFileRequest = 'mlsd/readFile';
export interface ReadFileParams { uri: string }
export interface ReadFileResult { text: string | null }

/* ---- server commands (workspace/executeCommand; vscode-languageclient registers them in VS Code) ---- */

/** Insert a missing step's skeleton at its framework position. Arguments: [uri: string, stepId: string]. */
export const InsertStepCommand = 'mlsd.server.insertStep';

/* ---- typed declarations (server handlers and client calls are checked against them) ---- */

export const Requests = {
  documentModel: request<DocumentModelParams, DocumentModelResult | null>(DocumentModelRequest),
  listTemplates: request<void, TemplateInfo[]>(ListTemplatesRequest),
  renderTemplate: request<RenderTemplateParams, RenderTemplateResult | null>(RenderTemplateRequest),
  listCaseStudies: request<void, CaseStudyInfo[]>(ListCaseStudiesRequest),
  caseStudy: request<CaseStudyParams, CaseStudyResult | null>(CaseStudyRequest),
  stepAt: request<StepAtParams, StepAtResult>(StepAtRequest),
  practicePlan: request<void, PracticePlanResult>(PracticePlanRequest),
  lintWorkspace: request<LintWorkspaceParams, LintWorkspaceResult>(LintWorkspaceRequest),
  workspaceDocs: request<void, WorkspaceDocsResult>(WorkspaceDocsRequest),
  reviewReport: request<ReviewReportParams, ReviewReportResult | null>(ReviewReportRequest),
  review: request<ReviewParams, ReviewResult | null>(ReviewRequest),
  caseStudyText: request<CaseStudyTextParams, CaseStudyTextResult>(CaseStudyTextRequest),
} as const;

/** Requests the server sends to the client. */
export const ServerRequests = {
  readFile: request<ReadFileParams, ReadFileResult>(ReadFileRequest),
} as const;

export const Notifications = {
  modelChanged: notification<ModelChangedParams>(ModelChangedNotification),
  workspaceProgress: notification<WorkspaceProgressParams>(WorkspaceProgressNotification),
  workspaceDocsChanged: notification<Record<string, never>>(WorkspaceDocsChangedNotification),
} as const;
