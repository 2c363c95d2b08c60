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
    ],
    // The server pulls `mlsd` settings per resource (workspace/configuration); this tells it when they change.
    synchronize: {
      configurationSection: 'mlsd',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.mlsd.json'),
    },
    outputChannel: output,
    // `mlsd.trace.server` is read by vscode-languageclient because the client id is `mlsd`.
    diagnosticCollectionName: 'mlsd',
  };
  return new LanguageClient(CLIENT_ID, 'ML System Design Docs', serverOptions, clientOptions);
}
