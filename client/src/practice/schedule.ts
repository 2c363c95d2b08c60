/** Interview practice timing, pure: which step the clock says you should be on, and the stop summary. */
import * as vscode from 'vscode';
import type { PracticePlanResult, PracticeStep, OutlineStep } from '../../../server/src/protocol';

export interface ScheduledStep extends PracticeStep {
  /** Budget in ms after scaling the plan to the chosen total. */
  budgetMs: number;
  startMs: number;
  endMs: number;
}

export interface Schedule { totalMs: number; steps: ScheduledStep[] }

/** Scales the server's per-step minutes so they add up to `totalMinutes`. */
export function buildSchedule(plan: PracticePlanResult, totalMinutes: number): Schedule {
  const minutes = plan.steps.map((s) => (Number.isFinite(s.minutes) ? Math.max(0, s.minutes) : 0));
  const sum = minutes.reduce((a, b) => a + b, 0);
  const weights = sum > 0 ? minutes : minutes.map(() => 1);   // no budgets given → equal shares
  const planned = sum > 0 ? sum : Math.max(1, minutes.length);
  const totalMs = totalMinutes * 60_000;
  let start = 0;
  const steps = plan.steps.map((s, i) => {
    const budgetMs = totalMs * weights[i] / planned;
    const step = { ...s, budgetMs, startMs: start, endMs: start + budgetMs };
    start += budgetMs;
    return step;
  });
  return { totalMs, steps };
}

/** Index of the step the clock says you should be on (the last one once time is up). */
export function scheduledIndex(schedule: Schedule, elapsedMs: number): number {
  const i = schedule.steps.findIndex((s) => elapsedMs < s.endMs);
  return i === -1 ? schedule.steps.length - 1 : i;
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Key under which time with the cursor outside any step is counted. */
export const UNASSIGNED = '';

export interface StepSummary {
  id: string;
  title: string;
  budgetMs: number;
  spentMs: number;
  overrun: boolean;
  /** From the doc's model at stop: covered / thin / not-started / missing (undefined without a doc). */
  status?: OutlineStep['status'];
}

export interface PracticeSummary {
  elapsedMs: number;
  totalMs: number;
  steps: StepSummary[];
  /** Steps left thin, not started or missing in the doc. */
  thin: string[];
  /** Time with the cursor outside any step. */
  unassignedMs: number;
}

export function summarise(schedule: Schedule, elapsedMs: number, spent: ReadonlyMap<string, number>, docSteps?: readonly OutlineStep[]): PracticeSummary {
  const steps = schedule.steps.map((s): StepSummary => {
    const spentMs = spent.get(s.id) ?? 0;
    return { id: s.id, title: s.title, budgetMs: s.budgetMs, spentMs, overrun: spentMs > s.budgetMs,
      status: docSteps?.find((d) => d.id === s.id)?.status };
  });
  const thin = steps.filter((s) => s.status && s.status !== 'covered').map((s) => s.title);
  return { elapsedMs, totalMs: schedule.totalMs, steps, thin, unassignedMs: spent.get(UNASSIGNED) ?? 0 };
}

export function summaryText(s: PracticeSummary): string {
  const lines = [`Interview practice: ${formatClock(s.elapsedMs)} of ${formatClock(s.totalMs)}`, '',
    'Step                              spent   budget  doc'];
  for (const st of s.steps) {
    lines.push(`${st.title.padEnd(32).slice(0, 32)}  ${formatClock(st.spentMs)}   ${formatClock(st.budgetMs)}  ${st.status ?? '-'}${st.overrun ? '  (over budget)' : ''}`);
  }
  if (s.unassignedMs >= 1000) lines.push(`${'(cursor outside any step)'.padEnd(32)}  ${formatClock(s.unassignedMs)}`);
  lines.push('', s.thin.length ? `Still thin, not started or missing: ${s.thin.join(', ')}` : 'Every step has a solid section.');
  return lines.join('\n');
}

/** The summary is read by a person: in the UI language (the log's summaryText stays English). */
const statusWords = (): Record<string, string> => ({ covered: vscode.l10n.t('covered'), thin: vscode.l10n.t('thin'), 'not-started': vscode.l10n.t('not started'), missing: `**${vscode.l10n.t('missing')}**` });

/** The stop summary as a Markdown document a person reads: a table, then what is left to write. */
export function summaryMarkdown(s: PracticeSummary, docName?: string): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|');
  const words = statusWords();
  const lines = [`# ${vscode.l10n.t('Interview practice summary')}`, '',
    docName ? vscode.l10n.t('{0} used of {1} on {2}.', formatClock(s.elapsedMs), formatClock(s.totalMs), `\`${cell(docName)}\``) : vscode.l10n.t('{0} used of {1}.', formatClock(s.elapsedMs), formatClock(s.totalMs)), '',
    `| ${vscode.l10n.t('Step')} | ${vscode.l10n.t('Time spent')} | ${vscode.l10n.t('Budget')} | ${vscode.l10n.t('In the doc')} |`, '| --- | ---: | ---: | --- |'];
  for (const st of s.steps) {
    lines.push(`| ${cell(st.title)} | ${formatClock(st.spentMs)}${st.overrun ? ` ${vscode.l10n.t('(over)')}` : ''} | ${formatClock(st.budgetMs)} | ${st.status ? words[st.status] ?? st.status : vscode.l10n.t('no doc')} |`);
  }
  if (s.unassignedMs >= 1000) lines.push(`| *${vscode.l10n.t('(cursor outside any step)')}* | ${formatClock(s.unassignedMs)} | | |`);
  const missing = s.steps.filter((st) => st.status === 'missing').map((st) => st.title);
  const thin = s.steps.filter((st) => st.status === 'thin').map((st) => st.title);
  const notStarted = s.steps.filter((st) => st.status === 'not-started').map((st) => st.title);
  const over = s.steps.filter((st) => st.overrun).map((st) => st.title);
  lines.push('');
  if (missing.length) lines.push(`**${vscode.l10n.t('Missing:')}** ${vscode.l10n.t('{0} — no section yet.', missing.map(cell).join(', '))}`, '');
  if (notStarted.length) lines.push(`**${vscode.l10n.t('Not started:')}** ${vscode.l10n.t("{0} — only the template's prompts so far.", notStarted.map(cell).join(', '))}`, '');
  if (thin.length) lines.push(`**${vscode.l10n.t('Thin:')}** ${vscode.l10n.t('{0} — a section that needs more.', thin.map(cell).join(', '))}`, '');
  if (over.length) lines.push(`**${vscode.l10n.t('Over budget:')}** ${over.map(cell).join(', ')}.`, '');
  if (!missing.length && !thin.length && !notStarted.length && s.steps.some((st) => st.status)) lines.push(vscode.l10n.t('Every step has a solid section.'), '');
  return lines.join('\n');
}

/** The status-bar countdown: the step, its time left, the total time left. */
export function countdownText(schedule: Schedule, index: number, elapsedMs: number): string {
  const step = schedule.steps[index];
  return `$(watch) ${index + 1}/${schedule.steps.length} ${step.title} · ${vscode.l10n.t('{0} left', formatClock(step.endMs - elapsedMs))} · ${vscode.l10n.t('{0} total', formatClock(schedule.totalMs - elapsedMs))}`;
}
