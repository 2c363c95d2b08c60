/** Interview practice timing, pure: which step the clock says you should be on, and the stop summary. */
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
  /** From the doc's model at stop: covered / thin / missing (undefined without a doc). */
  status?: OutlineStep['status'];
}

export interface PracticeSummary {
  elapsedMs: number;
  totalMs: number;
  steps: StepSummary[];
  /** Steps left thin or missing in the doc. */
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
  const thin = steps.filter((s) => s.status === 'thin' || s.status === 'missing').map((s) => s.title);
  return { elapsedMs, totalMs: schedule.totalMs, steps, thin, unassignedMs: spent.get(UNASSIGNED) ?? 0 };
}

export function summaryText(s: PracticeSummary): string {
  const lines = [`Interview practice: ${formatClock(s.elapsedMs)} of ${formatClock(s.totalMs)}`, '',
    'Step                              spent   budget  doc'];
  for (const st of s.steps) {
    lines.push(`${st.title.padEnd(32).slice(0, 32)}  ${formatClock(st.spentMs)}   ${formatClock(st.budgetMs)}  ${st.status ?? '-'}${st.overrun ? '  (over budget)' : ''}`);
  }
  if (s.unassignedMs >= 1000) lines.push(`${'(cursor outside any step)'.padEnd(32)}  ${formatClock(s.unassignedMs)}`);
  lines.push('', s.thin.length ? `Still thin or missing: ${s.thin.join(', ')}` : 'Every step has a solid section.');
  return lines.join('\n');
}
