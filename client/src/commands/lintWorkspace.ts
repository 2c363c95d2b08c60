/**
 * "MLSD: Lint Workspace": asks the server to analyse every design doc in the workspace into the
 * Problems panel, under a cancellable progress notification. Cancelling stops the server between
 * files; what it has done stays (and keeps following the files on disk).
 */
import * as vscode from 'vscode';
import type { LintWorkspaceResult } from '../../../server/src/protocol';
import type { MlsdServer } from '../server';

export interface LintWorkspaceOutcome extends LintWorkspaceResult { error?: string }

export class LintWorkspaceCommand {
  /** The run in progress, if any: a second invocation joins it rather than starting over. */
  private running: Promise<LintWorkspaceOutcome> | undefined;
  /** What the last run did (tests and the output channel read it). */
  last: LintWorkspaceOutcome | undefined;

  constructor(private readonly server: MlsdServer, private readonly log: vscode.OutputChannel) {}

  run(): Promise<LintWorkspaceOutcome> {
    this.running ??= this.lint().finally(() => { this.running = undefined; });
    return this.running;
  }

  private lint(): Promise<LintWorkspaceOutcome> {
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('MLSD: Linting workspace'), cancellable: true },
      async (progress, token) => {
        let seen = { done: 0, total: 0 };
        const sub = this.server.onWorkspaceProgress((p) => {
          const increment = p.total ? ((p.done - seen.done) / p.total) * 100 : 0;
          seen = p;
          progress.report({ increment, message: `${p.done}/${p.total} files` });
        });
        let outcome: LintWorkspaceOutcome;
        try {
          outcome = await this.server.lintWorkspace({ publishDiagnostics: true }, token);
        } catch (err) {
          // Cancelled before the server answered (or the server failed): what it did is what it reported.
          outcome = { files: seen.total, analysed: seen.done, designDocs: 0, cancelled: token.isCancellationRequested, error: token.isCancellationRequested ? undefined : String(err) };
        } finally {
          sub.dispose();
        }
        this.last = outcome;
        this.log.appendLine(`[client] Lint Workspace: ${outcome.analysed}/${outcome.files} files analysed, ${outcome.designDocs} design docs${outcome.cancelled ? ' (cancelled)' : ''}`);
        if (outcome.error) void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: Lint Workspace failed: {0}', outcome.error));
        else if (outcome.cancelled) void vscode.window.showInformationMessage(vscode.l10n.t('MLSD: Lint Workspace cancelled after {0} of {1} files.', outcome.analysed, outcome.files));
        return outcome;
      },
    ));
  }
}
