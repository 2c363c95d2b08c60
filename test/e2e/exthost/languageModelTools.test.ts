/**
 * mlsd's language-model tools in the real extension host (VS Code 1.100 has `vscode.lm`): they are
 * registered under the names package.json declares, `vscode.lm.invokeTool` returns the review of the
 * doc in the active editor — the same findings the editor shows — and the case study it names; a
 * named file is confirmed first and reviewed too. (A call that asks for confirmation outside chat
 * opens a modal dialog, so those go through the registered tool object the extension returns.)
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { ToolNames } from '../../../client/src/lm/tools';
import { api, closeAll, codeOf, fixture, mlsdDiagnostics, open, waitFor } from './helpers';

interface Lm {
  tools: readonly { name: string; inputSchema?: object }[];
  invokeTool(name: string, options: { input: object; toolInvocationToken: undefined }, token?: vscode.CancellationToken): Thenable<{ content: unknown[] }>;
}
const lm = () => (vscode as unknown as { lm: Lm }).lm;
const none = new vscode.CancellationTokenSource().token;

/** The text of a tool result (its LanguageModelTextParts). */
function textOf(result: { content: unknown[] }): string {
  return result.content.map((p) => (p as { value?: unknown }).value).filter((v): v is string => typeof v === 'string').join('');
}

const doc = () => fixture('design-docs/podcast-recs.md');

suite('language-model tools', () => {
  suiteTeardown(closeAll);

  test('both tools are registered with the editor under their package.json names, with input schemas', async () => {
    const a = await api();
    assert.ok(a.languageModelTools, 'this editor has vscode.lm.registerTool, so the tools are registered');
    const ext = vscode.extensions.getExtension('mlsd.mlsd')!;
    const declared: string[] = (ext.packageJSON.contributes.languageModelTools as { name: string }[]).map((t) => t.name).sort();
    assert.deepStrictEqual(declared, Object.values<string>(ToolNames).sort());
    const listed = lm().tools.filter((t) => declared.includes(t.name));
    assert.deepStrictEqual(listed.map((t) => t.name).sort(), declared, 'vscode.lm.tools lists them');
    for (const t of listed) assert.ok(t.inputSchema, `${t.name} has an input schema`);
  });

  test('invokeTool reviews the active editor\'s doc: kind, steps with headings, the editor\'s findings with reviewer questions', async () => {
    await api();
    await open(doc());
    await waitFor('mlsd diagnostics', () => mlsdDiagnostics(doc()).length > 0, 30_000);
    const text = textOf(await lm().invokeTool(ToolNames.review, { input: {}, toolInvocationToken: undefined }, none));
    assert.match(text, /^podcast-recs\.md is a design doc: /, text);
    assert.match(text, /Steps:\n/);
    assert.match(text, /✓ Clarify requirements: covered — "Requirements" \(line \d+\)/, text);
    assert.match(text, /Reviewer question: /, text);
    // The findings the editor shows (once its diagnostics are of the same version) are the review's, at their lines (1-based there).
    const reviewed = [...text.matchAll(/^ {2}line (\d+): \w+ ([a-z-]+) — /gm)].map((m) => `${m[2]}@${m[1]}`).sort();
    assert.strictEqual(reviewed.length, Number(/Findings \((\d+)\):/.exec(text)?.[1]), text);
    const shown = () => mlsdDiagnostics(doc()).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).sort();
    await waitFor(`the editor's diagnostics to be the review's findings (${reviewed.join(', ')})`, () => JSON.stringify(shown()) === JSON.stringify(reviewed), 10_000)
      .catch((e: Error) => { throw new Error(`${e.message}; shown: ${shown().join(', ')}`); });
    assert.match(text, /Closest case study: video-recommendation/);
  });

  test('the review follows the user\'s settings: a rule turned off leaves the review', async () => {
    await api();
    await open(doc());
    const config = vscode.workspace.getConfiguration('mlsd');
    const before = textOf(await lm().invokeTool(ToolNames.review, { input: {}, toolInvocationToken: undefined }, none));
    const rule = /line \d+: \w+ ([a-z-]+) — /.exec(before)?.[1];
    assert.ok(rule, `the review has a finding: ${before}`);
    await config.update('rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(`${rule} gone from the diagnostics`, () => !mlsdDiagnostics(doc()).some((d) => codeOf(d) === rule), 30_000);
      const after = textOf(await lm().invokeTool(ToolNames.review, { input: {}, toolInvocationToken: undefined }, none));
      assert.ok(!after.includes(` ${rule} — `), `no ${rule} once it is off: ${after}`);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a named file: prepareInvocation asks to confirm reading it; the active doc needs no confirmation', async () => {
    const tools = (await api()).languageModelTools!;
    await open(doc());
    const named = await tools.review.prepareInvocation!({ input: { path: 'notes/meeting.md' } }, none);
    assert.ok(named?.confirmationMessages, 'confirmation for a file the user did not point at');
    assert.match(String(named.confirmationMessages.title), /Review a design doc/);
    const message = named.confirmationMessages.message;
    assert.match(typeof message === 'string' ? message : message.value, /notes\/meeting\.md.*not changed/s);
    const active = await tools.review.prepareInvocation!({ input: {} }, none);
    assert.ok(active && !active.confirmationMessages, 'no confirmation for the doc the user has open');
    assert.match(String(active.invocationMessage), /Reviewing design-docs\/podcast-recs\.md/);
  });

  test('a named file that is not open is reviewed too; a missing one gets a clear error', async () => {
    const tools = (await api()).languageModelTools!;
    await closeAll();
    const text = textOf(await tools.review.invoke({ input: { path: 'notes/meeting.md' } }, none));
    assert.match(text, /^meeting\.md is not a design doc \(\w[\w-]*\): /, text);
    assert.match(text, /No findings\./);
    await assert.rejects(Promise.resolve(tools.review.invoke({ input: { path: 'nope/missing.md' } }, none)), /mlsd: there is no file 'nope\/missing\.md' in the workspace/);
  });

  test('invokeTool finds the case study the doc names, whole or one step; an unknown id lists the known ones', async () => {
    await api();
    await open(doc());
    const step = textOf(await lm().invokeTool(ToolNames.caseStudy, { input: { step: 'model' }, toolInvocationToken: undefined }, none));
    assert.match(step, /^Case study: .* \(id video-recommendation; .*\) — chosen by front matter\./, step);
    assert.match(step, /only its section for Model development/);
    assert.match(step, /^## 4\. Model development$/m);
    assert.doesNotMatch(step, /^## 5\. Evaluation$/m);
    const byId = textOf(await lm().invokeTool(ToolNames.caseStudy, { input: { id: 'search-ranking' }, toolInvocationToken: undefined }, none));
    assert.match(byId, /\(id search-ranking; .*\) — chosen by id\./);
    await assert.rejects(Promise.resolve(lm().invokeTool(ToolNames.caseStudy, { input: { id: 'nope' }, toolInvocationToken: undefined }, none)), /not a case study \(known: .*video-recommendation/);
  });
});
