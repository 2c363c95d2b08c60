/** How a step status reads without colour: a symbol and a word, used by every format. */
import type { StepStatus } from '../core/types';
import { stepStatusText } from '../review/status-text';

export const STATUS_ORDER: StepStatus[] = ['covered', 'thin', 'missing'];
export const STATUS_SYMBOL: Record<StepStatus, string> = { covered: '✓', thin: '◐', missing: '✗' };

export function statusLabel(s: StepStatus): string {
  return `${STATUS_SYMBOL[s]} ${stepStatusText(s)}`;
}
