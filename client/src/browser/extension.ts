/**
 * The mlsd extension in VS Code for the Web (package.json `browser`): the same client as on the
 * desktop, with the language server in a Web Worker (dist/web/server.js) instead of a Node process.
 * The server cannot read files there, so it asks: `mlsd/readFile` is answered through `workspace.fs`.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import type { ReadFileParams, ReadFileResult } from '../../../server/src/protocol';
import { ServerRequests } from '../../../server/src/protocol';
import type { MlsdApi } from '../api';
import { activateWith } from '../activate';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from '../clientOptions';

export { deactivate } from '../activate';

/** The Web Worker API of the extension host (no DOM types in this project's compile). */
declare const Worker: new (url: string, options?: { name?: string }) => object;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * The server's worker. Served over http(s) (vscode.dev, @vscode/test-web) it starts from its URL. An
 * extension installed on a remote (code-server, Codespaces: `vscode-remote:` URIs) cannot start a
 * worker from its URL — the web extension host refuses — so the script is read through
 * `workspace.fs` and started from a blob URL instead.
 */
export const SERVER_WORKER_NAME = 'mlsd-language-server';

async function serverWorker(context: vscode.ExtensionContext): Promise<object> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  // Named, so that it is recognisable in the browser's developer tools (and in the web e2e test).
  const options = { name: SERVER_WORKER_NAME };
  if (/^https?$/.test(script.scheme)) return new Worker(script.toString(true), options);
  const code = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), options);
}

async function readFile(p: ReadFileParams | null | undefined): Promise<ReadFileResult> {
  if (typeof p?.uri !== 'string') return { text: null };
  try {
    const uri = vscode.Uri.parse(p.uri, true);
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { text: null };
  }
}

function createWebClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const options = clientOptions(output, [{ language: 'markdown' }], {
    // Rule pages inside the extension: the server links each diagnostic to its page.
    ruleDocsBase: vscode.Uri.joinPath(context.extensionUri, 'docs/rules').toString(true),
  });
  // A function, so that each (re)start gets a fresh worker; it returns the transports itself because the
  // extension host's Worker is a wrapper, so the client's own `instanceof Worker` check would miss it.
  const start = async () => {
    const worker = (await serverWorker(context)) as never;
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, start, options);
  client.onRequest(ServerRequests.readFile.method, readFile);
  return client;
}

export function activate(context: vscode.ExtensionContext): MlsdApi {
  // The workspace features (Lint Workspace, Design Docs, the review report) need the desktop server,
  // which reads the folder from disk: in the browser they are not offered.
  void vscode.commands.executeCommand('setContext', 'mlsd.webHost', true);
  return activateWith(context, createWebClient);
}
