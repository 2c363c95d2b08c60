/** Creates the LanguageClient that runs the bundled mlsd server (dist/server.js) over Node IPC. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CLIENT_ID = 'mlsd';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Virtual workspaces (GitHub Repositories): linted with the built-in framework, no config files.
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    // The server pulls `mlsd` settings per resource (workspace/configuration); this tells it when they change.
    synchronize: {
      configurationSection: 'mlsd',
      // Markdown too: Lint Workspace keeps closed docs' diagnostics and the Design Docs view current as files change on disk.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.mlsd.json'), vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}')],
    },
    // Re-read on every (re)start. In Restricted Mode the server reads no framework file from the
    // workspace (package.json "capabilities.untrustedWorkspaces"); the extension restarts it on trust.
    initializationOptions: () => ({ restricted: !vscode.workspace.isTrusted }),
    // Hover and completion Markdown is shown as written, never trusted: no command links, no HTML.
    markdown: { isTrusted: false, supportHtml: false },
    outputChannel: output,
    // `mlsd.trace.server` is read by vscode-languageclient because the client id is `mlsd`.
    diagnosticCollectionName: 'mlsd',
  };
  return new LanguageClient(CLIENT_ID, 'ML System Design Docs', serverOptions, clientOptions);
}
