import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, fixture, lineOf, open, waitFor } from './helpers';

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
    assert.match(a.practice.snapshot().text, new RegExp(`00:00 · 1/7 ${first.title}`));

    // The writer stays in requirements while the clock runs past its budget.
    a.practice.setActualStep('requirements');
    const budgetMs = first.minutes * 60_000 * 45 / plan.totalMinutes;
    now += budgetMs + 1000;
    a.practice.tick();
    const snap = a.practice.snapshot();
    assert.strictEqual(snap.scheduledStepId, plan.steps[1].id, 'the clock moved on to step 2');
    assert.ok(snap.warnings.includes('requirements'), 'requirements overran and was warned about');
    assert.match(snap.text, new RegExp(`· 2/7 ${plan.steps[1].title}`));

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
  });

  test('the commands start and stop with the real clock', async () => {
    const a = await api();
    assert.strictEqual(await vscode.commands.executeCommand('mlsd.startPractice', { minutes: 45 }), true);
    await waitFor('the timer to tick', () => /^\$\(watch\) 00:0[1-9]/.test(a.practice.snapshot().text), 5000);
    const summary = await vscode.commands.executeCommand('mlsd.stopPractice');
    assert.ok(summary);
    assert.strictEqual(a.practice.running, false);
  });
});
