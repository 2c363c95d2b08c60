/**
 * mlsd VS Code client: starts the bundled language server and wires the editor surfaces
 * (scaffold, Design Steps outline, Design Docs view, review report, case-study panel, status bar,
 * interview practice, chat tools).
 * Thin by design: every fact about a doc comes from the server (server/src/protocol.ts).
 * The same for both hosts: extension.ts (Node) and browser/extension.ts (the web) pass their client.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { MlsdApi } from './api';
import { CaseStudyCommands } from './commands/caseStudy';
import { Commands, Views } from './commands/ids';
import { NavigationCommands } from './commands/navigation';
import { NewDesignDocCommand, type NewDesignDocOptions } from './commands/newDesignDoc';
import { registerLanguageModelTools } from './lm/tools';
import { ModelStore } from './modelStore';
import { PracticeMode, type PracticeOptions } from './practice/practiceMode';
import { MlsdServer } from './server';
import { CoverageStatus } from './statusBar';
import { CaseStudyPanel } from './views/caseStudyPanel';
import { CursorFollower } from './views/cursorFollower';
import { registerOutlineViews } from './views/outlineTree';
import { LintWorkspaceCommand } from './commands/lintWorkspace';
import { DesignDocsProvider } from './views/designDocsTree';
import { ReviewReportPanel } from './views/reviewReportPanel';

let client: BaseLanguageClient | undefined;

/** Creates (does not start) the host's language client for the bundled server. */
export type ClientFactory = (context: vscode.ExtensionContext, output: vscode.LogOutputChannel) => BaseLanguageClient;

export function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): MlsdApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('MLSD', { log: true });
  context.subscriptions.push(output);

  client = createClient(context, output);
  const lc = client;
  const started = lc.start().catch((err: unknown) => {
    output.appendLine(`[client] the mlsd language server failed to start: ${String(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: the language server failed to start. See the "MLSD" output.'), vscode.l10n.t('Show Output'))
      .then((a) => { if (a) output.show(); });
    throw err;
  });
  started.catch(() => undefined);     // callers that need the server await `ready` and see the error there

  const server = new MlsdServer(lc, started);
  const models = new ModelStore(server, output);
  const { provider: outline, disposables: outlineDisposables } = registerOutlineViews(models, [Views.outline]);
  const status = new CoverageStatus(models);
  const panel = new CaseStudyPanel(context, server, output);
  const follower = new CursorFollower(models, server, panel);
  const practice = new PracticeMode(server, models, output);
  const caseStudies = new CaseStudyCommands(server, models, panel, follower);
  const nav = new NavigationCommands(server, models);
  const scaffold = new NewDesignDocCommand(server, output);
  const lintWorkspace = new LintWorkspaceCommand(server, output);
  const designDocs = new DesignDocsProvider(server, output);
  const report = new ReviewReportPanel(server, output);
  context.subscriptions.push(server, models, ...outlineDisposables, status, panel, follower, practice, designDocs, report);
  // Chat tools where the editor has the API (VS Code 1.95+); without it mlsd runs the same, toolless.
  const languageModelTools = registerLanguageModelTools(context, server, output);

  const register = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
  register(Commands.newDesignDoc, (opts?: NewDesignDocOptions) => scaffold.run(isPlainObject(opts) ? opts : {}));
  register(Commands.openCaseStudy, (id?: string) => caseStudies.open(id));
  register(Commands.chooseCaseStudy, () => caseStudies.choose());
  register(Commands.startPractice, (opts?: PracticeOptions) => practice.start(isPlainObject(opts) ? opts : {}));
  register(Commands.stopPractice, () => practice.stop());
  register(Commands.practiceMenu, () => practice.menu());
  register(Commands.focusOutline, () => nav.focusOutline());
  register(Commands.revealStep, (a?: unknown, b?: unknown) => nav.revealStep(a, b));
  register(Commands.insertStep, (a?: unknown, b?: unknown) => nav.insertStep(a, b));
  register(Commands.refreshOutline, () => models.refresh());
  register(Commands.lintWorkspace, () => lintWorkspace.run());
  register(Commands.toggleDesignDocsSort, () => designDocs.toggleSort());
  register(Commands.refreshDesignDocs, () => designDocs.ensureIndexed().then(() => designDocs.refresh()));
  register(Commands.openReviewReport, (scope?: unknown, uri?: unknown) => report.open(scope, uri));
  register(Commands.openReportLink, (uri?: unknown, line?: unknown) => report.openLink(uri, line));
  // Leaving Restricted Mode: restart the server so it reads the workspace's framework file now.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    output.appendLine('[client] workspace trusted: restarting the mlsd language server to read workspace framework files');
    status.update();
    await started.catch(() => undefined);
    await restart(lc);
    await models.refresh();
  }));
  register(Commands.restartServer, async () => {
    output.appendLine('[client] restarting the mlsd language server');
    await restart(lc);
    await models.refresh();
  });

  return {
    activationMs: performance.now() - t0,
    ready: started, client: lc, server, models, outline, caseStudy: panel, practice, status, lintWorkspace, designDocs, report, languageModelTools,
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

/** Stop, then start: what the Node client's restart() does, for either host's client. */
async function restart(c: BaseLanguageClient): Promise<void> {
  if (c.isRunning()) await c.stop();
  await c.start();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof vscode.Uri) && !Array.isArray(v);
}
