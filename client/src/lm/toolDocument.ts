/**
 * Which document a language-model tool call is about: the `path` the model named (relative to a
 * workspace folder, absolute, or a URI), else the active editor's. Found through `workspace.fs`,
 * so it works in virtual workspaces and the web too. Errors are sentences the model can act on.
 */
import * as vscode from 'vscode';

export class ToolInputError extends Error {}

const URI_LIKE = /^[a-z][\w+.-]*:\/\//i;
const ABSOLUTE = /^(\/|[a-z]:[\\/])/i;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0; } catch { return false; }
}

async function locate(given: string): Promise<vscode.Uri> {
  if (URI_LIKE.test(given)) return vscode.Uri.parse(given);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (ABSOLUTE.test(given) && folders.some((f) => f.uri.scheme === 'file')) return vscode.Uri.file(given);
  const rel = given.replace(/^[\\/]+/, '').replace(/\\/g, '/');
  for (const f of folders) {
    const candidate = vscode.Uri.joinPath(f.uri, rel);
    if (await exists(candidate)) return candidate;
  }
  // Already open though not saved in a folder (an untitled doc, a file from elsewhere).
  const open = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(`/${rel}`));
  if (open) return open.uri;
  throw new ToolInputError(`there is no file '${given}' in the workspace${folders.length ? ` (looked in ${folders.map((f) => f.name).join(', ')})` : ''}`);
}

/** The document to work on; opening it (without showing it) lets the language server analyse it. */
export async function toolDocument(path: unknown): Promise<vscode.TextDocument> {
  let doc: vscode.TextDocument;
  if (typeof path === 'string' && path.trim()) {
    const uri = await locate(path.trim());
    try { doc = await vscode.workspace.openTextDocument(uri); } catch (e) {
      throw new ToolInputError(`cannot open '${path}': ${(e as Error)?.message ?? String(e)}`);
    }
  } else {
    const active = vscode.window.activeTextEditor?.document;
    if (!active) throw new ToolInputError('no editor is active: open the design doc, or give its `path`');
    doc = active;
  }
  if (doc.languageId !== 'markdown') throw new ToolInputError(`${describe(doc.uri)} is not a Markdown file (its language is ${doc.languageId}); mlsd reviews Markdown design docs`);
  return doc;
}

/** How a tool message names a document: its path in the workspace. */
export function describe(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** How a tool message names the document a call will be about, before it is opened. */
export function describeTarget(path: unknown): string | undefined {
  if (typeof path === 'string' && path.trim()) return path.trim();
  const active = vscode.window.activeTextEditor?.document;
  return active ? describe(active.uri) : undefined;
}
