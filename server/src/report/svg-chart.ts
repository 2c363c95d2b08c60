/**
 * Coverage as a picture, inline SVG (no fonts or images fetched): one segment per step, filled by its
 * status, with the step's number and status letter inside so it reads in grey scale and in print.
 * Colours come from CSS variables the page defines for light and dark.
 */
import * as l10n from '@vscode/l10n';
import type { ReportStep } from './collect';
import { escapeHtml } from './escape';
import { stepStatusText } from '../review/status-text';

const W = 96;
const H = 44;

export function stepBar(steps: ReportStep[]): string {
  const width = steps.length * (W + 4);
  const cells = steps.map((s, i) => {
    const x = i * (W + 4);
    const label = `${i + 1}. ${s.title}: ${stepStatusText(s.status)}`;
    return `<g class="seg ${s.status}"><title>${escapeHtml(label)}</title>`
      + `<rect x="${x}" y="0" width="${W}" height="${H}" rx="4"/>`
      + `<text x="${x + W / 2}" y="18" text-anchor="middle">${i + 1}</text>`
      + `<text x="${x + W / 2}" y="35" text-anchor="middle" class="word">${stepStatusText(s.status)}</text></g>`;
  }).join('');
  const summary = steps.map((s, i) => `${i + 1} ${s.title} ${stepStatusText(s.status)}`).join(', ');
  return `<svg class="stepbar" role="img" aria-label="${escapeHtml(l10n.t('Step coverage: {0}', summary))}" viewBox="0 0 ${width} ${H}" width="${width}" height="${H}">${cells}</svg>`;
}
