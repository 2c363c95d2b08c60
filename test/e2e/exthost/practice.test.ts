import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { formatClock } from '../../../client/src/practice/schedule';
import { api, fixture, lineOf, open, waitFor } from './helpers';

/** The summary is an unsaved untitled doc: revert-and-close it so no save prompt blocks later tests. */
async function closeSummary(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('interview practice', () => {
  test('the timer shows the step you should be on, warns on overrun, and summarises at stop', async () => {
    const a = await api();
    const editor = await open(fixture('design-docs/podcast-recs.md'));
    await waitFor('the doc model', () => a.models.designDoc?.document === editor.document);
    const plan = await a.server.practicePlan();
    assert.strictEqual(plan.steps.length, 7, 'one budget per step');
    assert.ok(plan.steps.every((s) => s.minutes > 0 && s.questions.length > 0), 'each step has minutes and questions');

    let now = 1_000_000;
    assert.strictEqual(await a.practice.start({ minutes: 45, clock: () => now, tickMs: 0 }), true);
    const first = plan.steps[0];
    await waitFor('cursor tracking to settle', () => a.practice.snapshot().running);
    const budgetMs = first.minutes * 60_000 * 45 / plan.totalMinutes;
    // The step's budget and the whole time, counting down — in the status bar, not in a toast.
    assert.strictEqual(a.practice.snapshot().text, `$(watch) 1/7 ${first.title} · ${formatClock(budgetMs)} left · 45:00 total`);
    now += 61_000;
    a.practice.tick();
    assert.strictEqual(a.practice.snapshot().text, `$(watch) 1/7 ${first.title} · ${formatClock(budgetMs - 61_000)} left · 43:59 total`);
    now -= 61_000;
    a.practice.tick();

    // The writer stays in requirements while the clock runs past its budget.
    a.practice.setActualStep('requirements');
    now += budgetMs + 1000;
    a.practice.tick();
    const snap = a.practice.snapshot();
    assert.strictEqual(snap.scheduledStepId, plan.steps[1].id, 'the clock moved on to step 2');
    assert.ok(snap.warnings.includes('requirements'), 'requirements overran and was warned about');
    assert.match(snap.text, new RegExp(`^\\$\\(watch\\) 2/7 ${plan.steps[1].title} · \\d\\d:\\d\\d left`));

    // Moving the cursor into data charges time to data from then on.
    const line = lineOf(editor.document, /^## Data preparation/) + 2;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await waitFor('the practice to see the cursor in data', () => a.practice.snapshot().actualStepId === 'data');
    now += 60_000;
    const summary = await a.practice.stop();
    assert.ok(summary, 'a summary');
    assert.strictEqual(a.practice.running, false);
    const req = summary.steps.find((s) => s.id === 'requirements')!;
    const data = summary.steps.find((s) => s.id === 'data')!;
    assert.ok(req.spentMs >= budgetMs && req.overrun, 'requirements time is recorded as over budget');
    assert.ok(data.spentMs >= 59_000 && data.spentMs <= 61_000, `data got the last minute (${data.spentMs} ms)`);
    assert.ok(summary.thin.includes('Model development') || summary.thin.length >= 2, `thin steps listed: ${summary.thin.join(', ')}`);
    assert.ok(summary.steps.some((s) => s.status === 'missing'), 'doc status is part of the summary');
    // The summary is a Markdown document: a table, and the steps without a section called missing.
    const md = await waitFor('the summary document', () => a.practice.summaryDocument?.getText());
    assert.strictEqual(a.practice.summaryDocument!.languageId, 'markdown');
    assert.match(md, /^# Interview practice summary/m);
    assert.match(md, /\| Step \| Time spent \| Budget \| In the doc \|/);
    assert.match(md, /\| Monitoring and maintenance \|[^\n]*\| \*\*missing\*\* \|/);
    assert.match(md, /\*\*Missing:\*\* Serving and deployment, Monitoring and maintenance/);
    await closeSummary(a.practice.summaryDocument!);
  });

  test('picking a question in the practice menu puts it into the current step as a prompt', async () => {
    const a = await api();
    const editor = await open(fixture('design-docs/podcast-recs.md'));
    await waitFor('the doc model', () => a.models.designDoc?.document === editor.document);
    const plan = await a.server.practicePlan();
    let now = 5_000_000;
    assert.strictEqual(await a.practice.start({ minutes: 45, clock: () => now, tickMs: 0 }), true);
    const question = plan.steps[0].questions[0];
    const menu = vscode.commands.executeCommand('mlsd.practiceMenu');
    // The menu's first row is the step's first question: accept it as a person pressing Enter would.
    await waitFor('the question in the doc', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return editor.document.getText().includes(`TODO: ${question}`);
    }, 10_000);
    await menu;
    const doc = editor.document;
    const at = lineOf(doc, new RegExp(`^TODO: ${question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.ok(at > lineOf(doc, /^## Requirements/) && at < lineOf(doc, /^## Framing/), 'inside the Requirements section');
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, at, 'the cursor is on the new prompt');
    now += 1000;
    await a.practice.stop();
    await closeSummary(a.practice.summaryDocument!);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!doc.getText().includes(`TODO: ${question}`), 'reverted');
  });

  test('the commands start and stop with the real clock', async () => {
    const a = await api();
    assert.strictEqual(await vscode.commands.executeCommand('mlsd.startPractice', { minutes: 45 }), true);
    await waitFor('the countdown to tick', () => /· 44:5\d total$/.test(a.practice.snapshot().text), 5000);
    const summary = await vscode.commands.executeCommand('mlsd.stopPractice');
    assert.ok(summary);
    await closeSummary(a.practice.summaryDocument!);
    assert.strictEqual(a.practice.running, false);
  });
});
