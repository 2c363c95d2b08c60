/**
 * mlsd's language-model tools (package.json `contributes.languageModelTools`): "review this design
 * doc" and "find a case study". Both ask the running language server (`mlsd/review`,
 * `mlsd/caseStudyText`), so a model gets what the editor shows — the user's settings, `.mlsd.json`
 * and framework — and the client parses nothing. Registered only where the editor has the API.
 */
import * as vscode from 'vscode';
import type { MlsdServer } from '../server';
import { languageModelApi, type LanguageModelApi, type LanguageModelTool, type PreparedToolInvocation } from './lmApi';
import { describe, describeTarget, toolDocument, ToolInputError } from './toolDocument';

/** The tool names, spelled once (they must match package.json). */
export const ToolNames = {
  review: 'mlsd_reviewDesignDoc',
  caseStudy: 'mlsd_findCaseStudy',
} as const;

export interface ReviewInput { path?: string }
export interface CaseStudyInput { id?: string; path?: string; step?: string }

export interface MlsdTools {
  review: LanguageModelTool<ReviewInput>;
  caseStudy: LanguageModelTool<CaseStudyInput>;
}

/** How long a just-opened document may take to reach the server (didOpen goes out asynchronously). */
const OPEN_WAIT_MS = 10_000;

/** Reading a file the user did not point at is confirmed first; the doc in the active editor is not.
 * What the user sees is in the UI language; what the model reads (results, errors) stays as is. */
function prepare(path: unknown, doing: (name: string) => string, confirmTitle: string, confirmWhat: (name: string) => string): PreparedToolInvocation {
  const name = describeTarget(path) ?? vscode.l10n.t('the active design doc');
  const named = typeof path === 'string' && path.trim() !== '';
  return {
    invocationMessage: doing(name),
    ...(named ? { confirmationMessages: { title: confirmTitle, message: new vscode.MarkdownString(confirmWhat(name)) } } : {}),
  };
}

export function createTools(server: MlsdServer, lm: Pick<LanguageModelApi, 'textResult'>): MlsdTools {
  /** The server's answer once it has the document (it answers null until its didOpen arrived). */
  async function untilKnown<T>(ask: () => Promise<T | null>, token: vscode.CancellationToken): Promise<T | null> {
    const end = Date.now() + OPEN_WAIT_MS;
    for (;;) {
      const r = await ask();
      if (r !== null || token.isCancellationRequested || Date.now() > end) return r;
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  const fail = (e: unknown): never => {
    if (e instanceof ToolInputError) throw new Error(`mlsd: ${e.message}`);
    throw e;
  };

  const review: LanguageModelTool<ReviewInput> = {
    prepareInvocation: ({ input }) => prepare(input?.path, (name) => vscode.l10n.t('Reviewing {0}', name), vscode.l10n.t('Review a design doc with mlsd'),
      (name) => vscode.l10n.t('Read **{0}** and give its mlsd review (steps, findings, reviewer questions) to the model? The file is not changed.', name)),
    invoke: async ({ input }, token) => {
      try {
        const doc = await toolDocument(input?.path);
        const result = await untilKnown(() => server.review(doc.uri), token);
        if (!result) throw new ToolInputError(`the mlsd language server has no analysis of ${describe(doc.uri)} (is it a Markdown file it lints?)`);
        return lm.textResult(result.text);
      } catch (e) { return fail(e); }
    },
  };

  const caseStudy: LanguageModelTool<CaseStudyInput> = {
    prepareInvocation: ({ input }) => {
      if (typeof input?.id === 'string' && input.id.trim()) return { invocationMessage: vscode.l10n.t("Reading the mlsd case study '{0}'", input.id.trim()) };
      return prepare(input?.path, (name) => vscode.l10n.t('Finding the case study closest to {0}', name), vscode.l10n.t('Find a case study with mlsd'),
        (name) => vscode.l10n.t('Read **{0}** to pick the mlsd case study closest to it, and give that case study to the model? The file is not changed.', name));
    },
    invoke: async ({ input }, token) => {
      try {
        const id = typeof input?.id === 'string' && input.id.trim() ? input.id.trim() : undefined;
        const step = typeof input?.step === 'string' && input.step.trim() ? input.step.trim() : undefined;
        const uri = id ? undefined : (await toolDocument(input?.path)).uri;
        // Before its didOpen reaches the server, an open doc is unknown there: wait until it is known.
        if (uri && !(await untilKnown(() => server.review(uri), token))) {
          throw new ToolInputError(`the mlsd language server has no analysis of ${describe(uri)}`);
        }
        const r = await server.caseStudyText({ id, uri, step });
        if (!r.found) throw new ToolInputError(r.problem);
        const head = [
          `Case study: ${r.title} (id ${r.id}; ${r.problem}) — chosen by ${r.matchedBy}.`,
          r.summary,
          `Steps it has a section for: ${r.steps.join(', ')}.`,
          r.step ? `Below: only its section for ${r.step.title}.` : 'Below: the whole case study (Markdown).',
        ];
        return lm.textResult(`${head.join('\n')}\n\n${r.markdown}`);
      } catch (e) { return fail(e); }
    },
  };
  return { review, caseStudy };
}

/** Registers the tools where the editor has the API; returns them (for tests), or undefined where it does not. */
export function registerLanguageModelTools(context: vscode.ExtensionContext, server: MlsdServer, output: vscode.LogOutputChannel): MlsdTools | undefined {
  const lm = languageModelApi();
  if (!lm) {
    output.appendLine('[client] this editor has no language-model tool API (vscode.lm.registerTool): mlsd\'s chat tools are off');
    return undefined;
  }
  const tools = createTools(server, lm);
  try {
    context.subscriptions.push(lm.registerTool(ToolNames.review, tools.review), lm.registerTool(ToolNames.caseStudy, tools.caseStudy));
  } catch (e) {
    // An editor whose API exists but refuses the tools (no chat support): the rest of mlsd still runs.
    output.appendLine(`[client] the language-model tools could not be registered: ${String(e)}`);
    return undefined;
  }
  return tools;
}
