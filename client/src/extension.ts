/** The mlsd extension in desktop VS Code (and any Node extension host): the server runs as a Node process over IPC. */
import type * as vscode from 'vscode';
import type { MlsdApi } from './api';
import { activateWith } from './activate';
import { createLanguageClient } from './languageClient';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): MlsdApi {
  return activateWith(context, createLanguageClient);
}
