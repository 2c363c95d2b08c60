/**
 * The part of VS Code's language-model tool API (finalised in 1.95) that mlsd uses. The extension's
 * engine is ^1.91 and its @types/vscode 1.91 do not declare it, so it is declared here and looked up
 * at run time: an editor without it gets no tools, and everything else works as before.
 */
import * as vscode from 'vscode';

export interface ToolInvocationOptions<T> { readonly input: T; readonly toolInvocationToken?: unknown }
export interface ToolPrepareOptions<T> { readonly input: T }
export interface PreparedToolInvocation {
  invocationMessage?: string | vscode.MarkdownString;
  confirmationMessages?: { title: string; message: string | vscode.MarkdownString };
}
/** A LanguageModelToolResult: its content parts (text parts here). */
export interface ToolResult { readonly content: unknown[] }

export interface LanguageModelTool<T> {
  invoke(options: ToolInvocationOptions<T>, token: vscode.CancellationToken): Promise<ToolResult>;
  prepareInvocation?(options: ToolPrepareOptions<T>, token: vscode.CancellationToken): vscode.ProviderResult<PreparedToolInvocation>;
}

export interface LanguageModelApi {
  registerTool<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable;
  /** Builds the tool result from plain text (a LanguageModelToolResult of one LanguageModelTextPart). */
  textResult(text: string): ToolResult;
}

interface Runtime {
  lm?: { registerTool?: (name: string, tool: unknown) => vscode.Disposable };
  LanguageModelToolResult?: new (content: unknown[]) => ToolResult;
  LanguageModelTextPart?: new (value: string) => unknown;
}

/** The editor's language-model tool API, or undefined when this editor has none (VS Code before 1.95, other hosts). */
export function languageModelApi(api: unknown = vscode): LanguageModelApi | undefined {
  const rt = api as Runtime;
  const register = rt.lm?.registerTool;
  const Result = rt.LanguageModelToolResult;
  const TextPart = rt.LanguageModelTextPart;
  if (typeof register !== 'function' || typeof Result !== 'function' || typeof TextPart !== 'function') return undefined;
  return {
    registerTool: (name, tool) => register.call(rt.lm, name, tool),
    textResult: (text) => new Result([new TextPart(text)]),
  };
}
