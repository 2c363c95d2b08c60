/** What `activate()` returns: a small handle for other extensions and for the extension-host tests. */
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { MlsdTools } from './lm/tools';
import type { ModelStore } from './modelStore';
import type { PracticeMode } from './practice/practiceMode';
import type { MlsdServer } from './server';
import type { CaseStudyPanel } from './views/caseStudyPanel';
import type { OutlineProvider } from './views/outlineTree';
import type { CoverageStatus } from './statusBar';
import type { LintWorkspaceCommand } from './commands/lintWorkspace';
import type { DesignDocsProvider } from './views/designDocsTree';
import type { ReviewReportPanel } from './views/reviewReportPanel';

export interface MlsdApi {
  /** Time spent inside `activate()` in ms (the server starts in the background). */
  readonly activationMs: number;
  /** Resolves when the language server is running. */
  readonly ready: Promise<void>;
  readonly client: BaseLanguageClient;
  readonly server: MlsdServer;
  readonly models: ModelStore;
  readonly outline: OutlineProvider;
  readonly caseStudy: CaseStudyPanel;
  readonly practice: PracticeMode;
  readonly status: CoverageStatus;
  readonly lintWorkspace: LintWorkspaceCommand;
  readonly designDocs: DesignDocsProvider;
  readonly report: ReviewReportPanel;
  /** The language-model tools as registered (undefined where the editor has no `vscode.lm.registerTool`). */
  readonly languageModelTools: MlsdTools | undefined;
}
