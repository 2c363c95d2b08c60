/** Helpers for the extension-host suite (runs inside a real VS Code extension host). */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { MlsdApi } from '../../../client/src/api';

export const EXTENSION_ID = 'mlsd.mlsd';

/** Polls until `fn` returns a truthy value (never a fixed sleep). */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

export async function waitFor<T>(what: string, fn: () => T | Promise<T>, ms = 20_000): Promise<Truthy<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as Truthy<T>;
    } catch (err) { last = err; }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function api(): Promise<MlsdApi> {
  const ext = vscode.extensions.getExtension<MlsdApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const a = await ext.activate();
  await a.ready;
  return a;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

export const fixture = (rel: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), rel);

export async function open(rel: string | vscode.Uri): Promise<vscode.TextEditor> {
  const uri = typeof rel === 'string' ? fixture(rel) : rel;
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export const mlsdDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsd');

export const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');

export const withCode = (uri: vscode.Uri, code: string): vscode.Diagnostic[] =>
  mlsdDiagnostics(uri).filter((d) => codeOf(d) === code);

/** Replaces the whole text of the editor's document. */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const ok = await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), text));
  assert.ok(ok, 'edit applied');
}

export function lineOf(doc: vscode.TextDocument, pattern: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (pattern.test(doc.lineAt(i).text)) return i;
  throw new Error(`no line matches ${pattern}`);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
