/** Creates the LanguageClient that runs the bundled mlsd server (dist/server.js) over Node IPC. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './clientOptions';

export { CLIENT_ID };

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const options = clientOptions(output, [
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'markdown' },
    // Virtual workspaces (GitHub Repositories): linted with the built-in framework, no config files.
    { scheme: 'vscode-vfs', language: 'markdown' },
  ], {}, true);
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
}
