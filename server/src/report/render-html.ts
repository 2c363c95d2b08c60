/**
 * The report as one self-contained HTML page: everything that comes from a doc goes through
 * escapeHtml, style and the sorting script are inline, and nothing is fetched.
 */
import * as l10n from '@vscode/l10n';
import type { StepStatus } from '../core/types';
import type { ReportData, ReportDoc } from './collect';
import { escapeHtml as e } from './escape';
import { contentSecurityPolicy, EDITOR_THEME_STYLE, SORT_SCRIPT, STYLE } from './html-assets';
import { STATUS_ORDER, statusLabel } from './status-labels';
import { stepBar } from './svg-chart';
import { scoredLine, totalsSentence } from './totals-text';
import { severityText } from '../review/status-text';

const badge = (s: StepStatus) => `<span class="badge ${s}">${statusLabel(s)}</span>`;

function matrix(data: ReportData): string {
  const head = data.columns.map((c, i) => `<th scope="col" data-col="${i + 1}" aria-sort="none"><button type="button">${e(c.title)}</button></th>`).join('');
  const rows = data.docs.map((d, i) => {
    const cells = data.columns.map((c) => {
      const s = d.steps.find((x) => x.id === c.id);
      if (!s) return '<td data-sort="3">—</td>';
      const label = statusLabel(s.status);
      const link = s.headings[0] ? `<a href="${e(s.headings[0].href)}" title="${e(s.headings[0].text)}">${label}</a>` : label;
      return `<td class="${s.status}" data-sort="${STATUS_ORDER.indexOf(s.status)}">${link}</td>`;
    }).join('');
    return `<tr><th scope="row" data-sort="${e(d.title.toLowerCase())}"><a href="#doc-${i + 1}">${e(d.title)}</a> <a class="muted" href="${e(d.href)}">${e(d.file)}</a></th>${cells}<td data-sort="${d.findingCount}">${d.findingCount}</td></tr>`;
  }).join('\n');
  const foot = data.columns.map((c) => `<td>${e(l10n.t('{0} missing', c.missing))}<br>${e(l10n.t('{0} thin', c.thin))}<br>${e(l10n.t('{0} covered', c.covered))}</td>`).join('');
  return `<section><h2>${e(l10n.t('Steps across {0} docs', data.docs.length))}</h2>
<p class="muted">${l10n.t("Click a column to sort by it. Each cell links to the step's heading in the doc.")}</p>
<table class="matrix"><thead><tr><th scope="col" data-col="0" aria-sort="none"><button type="button">${e(l10n.t('Doc'))}</button></th>${head}<th scope="col" data-col="${data.columns.length + 1}" aria-sort="none"><button type="button">${e(l10n.t('Findings'))}</button></th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">${e(l10n.t('Totals'))}</th>${foot}<td></td></tr></tfoot></table>
<ul class="totals">${data.columns.map((c) => `<li>${e(totalsSentence(c, data.docs.length))}</li>`).join('')}</ul></section>`;
}

function docSection(d: ReportDoc, i: number): string {
  const steps = d.steps.map((s) => `<tr><th scope="row">${e(s.title)}</th><td>${badge(s.status)}</td><td>${s.headings.length
    ? s.headings.map((h) => `<a href="${e(h.href)}">${e(h.text)}</a> <span class="muted">${e(l10n.t('(line {0})', h.line))}</span>`).join('<br>')
    : `<span class="muted">${e(l10n.t('no heading'))}</span>`}</td></tr>`).join('\n');
  const groups = d.groups.map((g) => `<h4>${e(g.title)}</h4><ul>${g.items.map((f) => `<li><span class="badge">${e(severityText(f.severity))}</span> <a href="${e(f.href)}">${e(l10n.t('line {0}', f.line))}</a> · <code>${e(f.ruleId)}</code> — ${e(f.message)}${f.question ? `<blockquote>${e(l10n.t('Reviewer asks: {0}', f.question))}</blockquote>` : ''}</li>`).join('')}</ul>`).join('\n');
  const cs = d.caseStudy
    ? `<h3>${e(l10n.t('Case study to compare with'))}</h3><p><strong>${e(d.caseStudy.title)}</strong> <span class="muted">(mlsd case-studies ${e(d.caseStudy.id)})</span> — ${e(d.caseStudy.summary)}</p>`
    : `<h3>${e(l10n.t('Case study to compare with'))}</h3><p class="muted">${l10n.t('None of the reference case studies fits this doc closely; {0} lists them all.', '<code>mlsd case-studies</code>')}</p>`;
  return `<section class="doc" id="doc-${i + 1}"><h2>${e(d.title)}</h2><p class="muted"><a href="${e(d.href)}">${e(d.file)}</a></p>
${stepBar(d.steps)}
<h3>${e(l10n.t('Steps'))}</h3><table><thead><tr><th scope="col">${e(l10n.t('Step'))}</th><th scope="col">${e(l10n.t('Status'))}</th><th scope="col">${e(l10n.t('Found in'))}</th></tr></thead><tbody>
${steps}
</tbody></table>
<h3>${e(l10n.t('Findings by step ({0})', d.findingCount))}</h3>${groups || `<p>${e(l10n.t('No findings.'))}</p>`}
${cs}</section>`;
}

function skippedSection(data: ReportData): string {
  if (!data.skipped.length) return '';
  return `<section><h2>${e(l10n.t('Skipped ({0}, not scored)', data.skipped.length))}</h2><ul>${data.skipped.map((s) => `<li><a href="${e(s.href)}">${e(s.file)}</a> — ${e(s.kind)}: ${e(s.reason)}</li>`).join('')}</ul></section>`;
}

/** `theme: 'editor'`: coloured by the editor's theme, for a VS Code webview (the file report follows the system's). */
export interface HtmlOptions { theme?: 'system' | 'editor' }

export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
  const title = data.docs.length === 1 ? l10n.t('Review: {0}', data.docs[0].title) : l10n.t('Review of {0} design docs', data.docs.length);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}${options.theme === 'editor' ? EDITOR_THEME_STYLE : ''}</style></head>
<body><h1>${e(title)}</h1>
<p class="muted">${e(scoredLine(data.docs.length, data.skipped.length))}</p>
${data.docs.length > 1 ? matrix(data) : ''}
${data.docs.map(docSection).join('\n')}
${skippedSection(data)}
${data.docs.length > 1 ? `<script>${SORT_SCRIPT}</script>` : ''}
</body></html>
`;
}

