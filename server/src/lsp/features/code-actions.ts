/** Quick fixes straight from the diagnostics' data: no server state, so no race with edits. */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { DiagnosticData } from '../convert';

export function codeActions(params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  const disables = new Map<string, CodeAction>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'mlsd') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      };
      // One "disable for this line" per rule and line, however many findings share it.
      // Known by its edit (the comment names the rule), not by its title: titles are translated.
      const disable = fix.edits.find((e) => /<!-- mlsd-disable-(?:next-)?line /.test(e.newText));
      if (disable) {
        const key = `${disable.newText.trim()}@${diagnostic.range.start.line}`;
        if (disables.has(key)) continue;
        disables.set(key, action);
      }
      if (params.context.only && !params.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) continue;
      actions.push(action);
    }
  }
  return actions;
}
