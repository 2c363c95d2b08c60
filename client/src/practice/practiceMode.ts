/**
 * "MLSD: Start/Stop Interview Practice": a status-bar timer that shows the step you should be on
 * (per-step budgets from the server's practice plan), warns when a step overruns, and summarises at stop.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../commands/ids';
import { settings } from '../config';
import type { ModelStore } from '../modelStore';
import type { MlsdServer } from '../server';
import { buildSchedule, countdownText, formatClock, scheduledIndex, summarise, summaryMarkdown, summaryText, UNASSIGNED, type PracticeSummary, type Schedule } from './schedule';

export interface PracticeOptions {
  /** Total minutes (default: `mlsd.practice.minutes`). */
  minutes?: number;
  /** Time source in ms (tests pass a fake clock and call `tick()`). */
  clock?: () => number;
  /** Timer period; 0 = no timer (ticks only when `tick()` is called). */
  tickMs?: number;
}

interface Session {
  schedule: Schedule;
  clock: () => number;
  startedAt: number;
  lastTick: number;
  timer: ReturnType<typeof setInterval> | undefined;
  spent: Map<string, number>;
  /** Step the writer's cursor is in (null: outside any step). */
  actual: string | null;
  scheduled: number;
  warned: Set<string>;
  timeUp: boolean;
  warnings: string[];
}

export interface PracticeSnapshot {
  running: boolean;
  elapsedMs: number;
  scheduledStepId?: string;
  actualStepId: string | null;
  warnings: string[];
  text: string;
}

export class PracticeMode implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mlsd.practice', vscode.StatusBarAlignment.Left, 49);
  private session: Session | undefined;
  /** The last stop's summary document (tests read it). */
  summaryDocument: vscode.TextDocument | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly server: MlsdServer, private readonly store: ModelStore, private readonly log: vscode.OutputChannel) {
    this.item.name = 'MLSD Interview Practice';
    this.item.command = Commands.practiceMenu;
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeTextEditorSelection((e) => this.cursorMoved(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => { if (e) this.cursorMoved(e); }),
    ];
  }

  get running(): boolean { return !!this.session; }

  async start(opts: PracticeOptions = {}): Promise<boolean> {
    if (this.session && opts.clock === undefined) {
      const restart = vscode.l10n.t('Restart');
      const again = await vscode.window.showWarningMessage(vscode.l10n.t('MLSD: interview practice is already running.'), restart, vscode.l10n.t('Keep Going'));
      if (again !== restart) return false;
    }
    this.end();
    const plan = await this.server.practicePlan();
    if (!plan.steps.length) { void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: the practice plan has no steps.')); return false; }
    const schedule = buildSchedule(plan, opts.minutes ?? settings.practiceMinutes());
    const clock = opts.clock ?? Date.now;
    const now = clock();
    const session: Session = { schedule, clock, startedAt: now, lastTick: now, timer: undefined, spent: new Map(),
      actual: null, scheduled: 0, warned: new Set(), timeUp: false, warnings: [] };
    const tickMs = opts.tickMs ?? 1000;
    if (tickMs > 0) session.timer = setInterval(() => this.tick(), tickMs);
    this.session = session;
    void vscode.commands.executeCommand('setContext', ContextKeys.practiceRunning, true);
    this.render();
    this.item.show();
    // No toast: the status item counts the step's budget and the total down from the first second.
    this.log.appendLine(`[practice] started: ${formatClock(schedule.totalMs)}; ${schedule.steps.map((s) => `${s.title} ${formatClock(s.budgetMs)}`).join(', ')}`);
    await this.trackCursor(vscode.window.activeTextEditor);
    return true;
  }

  /** Advances the clock: charges the time to the cursor's step, moves the schedule, warns on overruns. */
  tick(): void {
    const s = this.session;
    if (!s) return;
    const now = s.clock();
    const key = s.actual ?? UNASSIGNED;
    s.spent.set(key, (s.spent.get(key) ?? 0) + Math.max(0, now - s.lastTick));
    s.lastTick = now;
    const elapsed = now - s.startedAt;
    const index = scheduledIndex(s.schedule, elapsed);
    const steps = s.schedule.steps;
    const actualIndex = steps.findIndex((st) => st.id === s.actual);
    // The clock left step k while the writer is still in it (or before it): that step overran.
    for (let k = s.scheduled; k < index; k++) {
      if (actualIndex !== -1 && actualIndex <= k) this.warn(s, steps[k].id, vscode.l10n.t('Time for {0} is up ({1}) — move on to {2}.', steps[k].title, formatClock(steps[k].budgetMs), steps[k + 1]?.title ?? vscode.l10n.t('wrapping up')));
    }
    s.scheduled = index;
    // The writer has spent more than the step's whole budget in it.
    if (actualIndex !== -1) {
      const st = steps[actualIndex];
      if ((s.spent.get(st.id) ?? 0) > st.budgetMs) this.warn(s, st.id, vscode.l10n.t('{0} has taken {1}, over its {2} budget.', st.title, formatClock(s.spent.get(st.id) ?? 0), formatClock(st.budgetMs)));
    }
    if (!s.timeUp && elapsed >= s.schedule.totalMs) {
      s.timeUp = true;
      s.warnings.push('time-up');
      void vscode.window.showWarningMessage(vscode.l10n.t('MLSD practice: time is up ({0}). Stop to see the summary.', formatClock(s.schedule.totalMs)), vscode.l10n.t('Stop Practice'))
        .then((a) => { if (a) void vscode.commands.executeCommand(Commands.stopPractice); });
    }
    this.render();
  }

  /** Stops the timer and shows time per step and which steps the doc left thin. */
  async stop(): Promise<PracticeSummary | undefined> {
    const s = this.session;
    if (!s) { void vscode.window.showInformationMessage(vscode.l10n.t('MLSD: interview practice is not running.')); return undefined; }
    this.tick();
    this.end();
    let docSteps;
    const doc = this.store.designDoc?.document ?? this.store.trackedDocument;
    if (doc) { try { docSteps = (await this.server.documentModel(doc.uri))?.steps; } catch { docSteps = undefined; } }
    const summary = summarise(s.schedule, s.lastTick - s.startedAt, s.spent, docSteps);
    this.log.appendLine(`[practice] stopped\n${summaryText(summary)}`);
    // The summary opens as a Markdown document beside the doc (readable, and savable), not as a toast.
    const markdown = summaryMarkdown(summary, doc ? vscode.workspace.asRelativePath(doc.uri) : undefined);
    try {
      this.summaryDocument = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(this.summaryDocument, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } catch (err) {
      this.log.appendLine(`[practice] could not open the summary: ${String(err)}`);
    }
    return summary;
  }

  /** Status-bar click: the current step's questions, or stop. */
  async menu(): Promise<void> {
    const s = this.session;
    if (!s) return;
    const step = s.schedule.steps[s.scheduled];
    const stop = { label: `$(debug-stop) ${vscode.l10n.t('Stop interview practice')}`, question: undefined as string | undefined };
    const items = [...step.questions.map((q) => ({ label: q, question: q })), stop];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('{0} — pick a question to add it to the step', step.title), placeHolder: vscode.l10n.t('A question goes into the doc as a TODO prompt; "Stop" ends the practice') });
    if (!pick) return;
    if (pick.question === undefined) { await this.stop(); return; }
    await this.askInDoc(step.id, pick.question);
  }

  /**
   * Puts a question into the doc as a prompt (a `TODO:` line, which mlsd reads as not yet answered) at the
   * end of the step's section, and moves the cursor there; a step with no section gets its skeleton.
   */
  async askInDoc(stepId: string, question: string): Promise<boolean> {
    const current = this.store.designDoc;
    if (!current) { void vscode.window.showInformationMessage(vscode.l10n.t('MLSD practice: open your design doc to add the question to it.')); return false; }
    const step = current.model.steps.find((st) => st.id === stepId);
    if (!step?.range) {
      await vscode.commands.executeCommand(Commands.insertStep, current.document.uri, stepId);
      return true;
    }
    const editor = await vscode.window.showTextDocument(current.document, { preserveFocus: false });
    let line = Math.min(step.range.end.line, current.document.lineCount - 1);
    while (line > step.range.start.line && current.document.lineAt(line).isEmptyOrWhitespace) line--;
    const at = current.document.lineAt(line).range.end;
    const ok = await editor.edit((e) => e.insert(at, `\n\nTODO: ${question}`));
    if (ok) {
      const target = new vscode.Position(line + 2, editor.document.lineAt(line + 2).text.length);
      editor.selection = new vscode.Selection(target, target);
      editor.revealRange(new vscode.Range(target, target));
    }
    return ok;
  }

  snapshot(): PracticeSnapshot {
    const s = this.session;
    return { running: !!s, elapsedMs: s ? s.lastTick - s.startedAt : 0, scheduledStepId: s?.schedule.steps[s.scheduled]?.id,
      actualStepId: s?.actual ?? null, warnings: s ? [...s.warnings] : [], text: this.item.text };
  }

  /** Sets the writer's current step directly (tests; normally the cursor decides). */
  setActualStep(stepId: string | null): void { this.tick(); if (this.session) this.session.actual = stepId; }

  private warn(s: Session, stepId: string, message: string): void {
    if (s.warned.has(stepId)) return;
    s.warned.add(stepId);
    s.warnings.push(stepId);
    this.log.appendLine(`[practice] ${message}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('MLSD practice: {0}', message));
  }

  private render(): void {
    const s = this.session;
    if (!s) return;
    const elapsed = s.lastTick - s.startedAt;
    const i = s.scheduled;
    const step = s.schedule.steps[i];
    const left = step.endMs - elapsed;
    this.item.text = countdownText(s.schedule, i, elapsed);
    this.item.tooltip = s.timeUp
      ? vscode.l10n.t('Time is up ({0}). Click to stop and see the summary.', formatClock(s.schedule.totalMs))
      : vscode.l10n.t('You should be on: {0} — {1} left of its {2} budget; {3} left in total ({4} used).', step.title, formatClock(left), formatClock(step.budgetMs), formatClock(s.schedule.totalMs - elapsed), formatClock(elapsed)) +
        `\n${vscode.l10n.t('Click for its questions or to stop.')}`;
    const behind = s.actual !== null && s.schedule.steps.findIndex((st) => st.id === s.actual) < i;
    this.item.backgroundColor = s.timeUp || behind || s.warned.has(s.actual ?? '#')
      ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  private cursorMoved(editor: vscode.TextEditor): void {
    if (!this.session) return;
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => { this.cursorTimer = undefined; void this.trackCursor(editor); }, 150);
  }

  private async trackCursor(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!this.session || !editor || editor.document.languageId !== 'markdown') return;
    try {
      const { stepId } = await this.server.stepAt(editor.document.uri, editor.selection.active.line);
      if (this.session && this.session.actual !== stepId) { this.tick(); if (this.session) this.session.actual = stepId; this.render(); }
    } catch (err) {
      this.log.appendLine(`[practice] mlsd/stepAt failed: ${String(err)}`);
    }
  }

  private end(): void {
    if (this.session?.timer) clearInterval(this.session.timer);
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.session = undefined;
    this.item.hide();
    void vscode.commands.executeCommand('setContext', ContextKeys.practiceRunning, false);
  }

  dispose(): void { this.end(); for (const d of this.subscriptions) d.dispose(); }
}
