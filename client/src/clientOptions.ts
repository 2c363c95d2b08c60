/** The language client's options, the same for the Node and the web host but for the documents it sends and what the server is told at start. */
import * as vscode from 'vscode';
import type { DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';

export const CLIENT_ID = 'mlsd';
export const CLIENT_NAME = 'ML System Design Docs';

/** `watchMarkdown`: the server is told of Markdown files changing on disk (the Node server's Lint Workspace
 * keeps closed docs' diagnostics and the Design Docs view current with them; the web server has no such index). */
export function clientOptions(output: vscode.LogOutputChannel, documentSelector: DocumentSelector, init: Record<string, unknown> = {}, watchMarkdown = false): LanguageClientOptions {
  return {
    documentSelector,
    // The server pulls `mlsd` settings per resource (workspace/configuration); this tells it when they change.
    synchronize: {
      configurationSection: 'mlsd',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.mlsd.json'),
        ...(watchMarkdown ? [vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}')] : []),
      ],
    },
    // Re-read on every (re)start. In Restricted Mode the server reads no framework file from the
    // workspace (package.json "capabilities.untrustedWorkspaces"); the extension restarts it on trust.
    // The UI language goes with it: the bundle VS Code loaded for its display language (l10n/,
    // client and server messages in one), so the server's diagnostics, hover and fixes match the UI.
    initializationOptions: () => ({ ...init, restricted: !vscode.workspace.isTrusted, l10n: { locale: vscode.env.language, ...(vscode.l10n.bundle ? { messages: vscode.l10n.bundle } : {}) } }),
    // Hover and completion Markdown is shown as written, never trusted: no command links, no HTML.
    markdown: { isTrusted: false, supportHtml: false },
    outputChannel: output,
    // `mlsd.trace.server` is read by vscode-languageclient because the client id is `mlsd`.
    diagnosticCollectionName: 'mlsd',
  };
}
