/**
 * The custom LSP messages between the mlsd client and server, declared once.
 * Plain types and method names only: imported by the server (vscode-languageserver)
 * and by the client (vscode-languageclient), so neither side spells a method name twice.
 * Ranges are LSP ranges (0-based).
 */
import type { Range, StepStatus, SeveritySetting } from './core/types';

/* ---- client → server requests ---- */

/** The doc's step outline: what the "Design Steps" tree, status bar and case-study panel show. */
export const DocumentModelRequest = 'mlsd/documentModel';
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
export const ListTemplatesRequest = 'mlsd/listTemplates';
export interface TemplateInfo { id: string; title: string; description: string; problemType?: string }

export const RenderTemplateRequest = 'mlsd/renderTemplate';
/** `snippet: true` → VS Code snippet syntax with tab stops; false → plain text prompts. */
export interface RenderTemplateParams { id: string; title: string; snippet: boolean }
export interface RenderTemplateResult { text: string }

/** Case studies for the reference panel. */
export const ListCaseStudiesRequest = 'mlsd/listCaseStudies';
export interface CaseStudyInfo { id: string; title: string; problem: string; category: string; summary: string }

export const CaseStudyRequest = 'mlsd/caseStudy';
export interface CaseStudyParams { id: string }
/** Sanitised HTML (rendered on the server through remark-rehype + rehype-sanitize); each step's
 * first heading carries `id="mlsd-step-<stepId>"` so the panel can scroll to it. */
export interface CaseStudyResult { id: string; title: string; html: string; stepIds: string[] }

/** Which step the given position is in (the panel follows the cursor). */
export const StepAtRequest = 'mlsd/stepAt';
export interface StepAtParams { uri: string; line: number }
export interface StepAtResult { stepId: string | null }

/** Interview practice data: time budget and typical questions per step. */
export const PracticePlanRequest = 'mlsd/practicePlan';
export interface PracticeStep { id: string; title: string; minutes: number; questions: string[] }
export interface PracticePlanResult { totalMinutes: number; steps: PracticeStep[] }

/* ---- server → client notifications ---- */

/** Sent after each analysis so views refresh without polling. */
export const ModelChangedNotification = 'mlsd/modelChanged';
export interface ModelChangedParams { uri: string; version: number | null }

/* ---- server commands (workspace/executeCommand; vscode-languageclient registers them in VS Code) ---- */

/** Insert a missing step's skeleton at its framework position. Arguments: [uri: string, stepId: string]. */
export const InsertStepCommand = 'mlsd.server.insertStep';
