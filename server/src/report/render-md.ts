/**
 * The report as GitHub-flavoured Markdown, made to be posted as a PR comment: the matrix as a table,
 * each doc's details collapsible, and never more than a comment holds (GitHub: 65,536 characters) —
 * what does not fit is left out with a note saying so.
 */
import * as l10n from '@vscode/l10n';
import type { ReportData, ReportDoc } from './collect';
import { escapeMd as m } from './escape';
import { statusLabel } from './status-labels';
import { scoredLine, totalsSentence } from './totals-text';
import { severityText } from '../review/status-text';

export const MD_LIMIT = 65_536;

const link = (text: string, href: string) => `[${text}](${href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;

function matrixRows(data: ReportData): { head: string; rows: string[] } {
  const head = `| ${l10n.t('Doc')} | ${data.columns.map((c) => m(c.title)).join(' | ')} | ${l10n.t('Findings')} |\n| --- | ${data.columns.map(() => '---').join(' | ')} | ---: |`;
  const rows = data.docs.map((d) => {
    const cells = data.columns.map((c) => {
      const s = d.steps.find((x) => x.id === c.id);
      if (!s) return '—';
      return s.headings[0] ? link(statusLabel(s.status), s.headings[0].href) : statusLabel(s.status);
    });
    return `| ${link(m(d.title), d.href)} | ${cells.join(' | ')} | ${d.findingCount} |`;
  });
  return { head, rows };
}

function docDetails(d: ReportDoc): string {
  const steps = d.steps.map((s) => `| ${m(s.title)} | ${statusLabel(s.status)} | ${s.headings.map((h) => link(m(h.text), h.href)).join('<br>') || '—'} |`).join('\n');
  const groups = d.groups.map((g) => `**${m(g.title)}**\n\n${g.items.map((f) => `- ${severityText(f.severity)} · ${l10n.t('line {0}', f.line)} · \`${f.ruleId}\` — ${m(f.message)}${f.question ? `\n  > ${l10n.t('Reviewer asks: {0}', m(f.question))}` : ''}`).join('\n')}`).join('\n\n');
  const compare = `**${l10n.t('Case study to compare with')}:**`;
  const cs = d.caseStudy ? `\n\n${compare} ${m(d.caseStudy.title)} (\`mlsd case-studies ${d.caseStudy.id}\`) — ${m(d.caseStudy.summary)}` : `\n\n${compare} ${l10n.t('none fits this doc closely ({0} lists them all).', '`mlsd case-studies`')}`;
  return `| ${l10n.t('Step')} | ${l10n.t('Status')} | ${l10n.t('Found in')} |\n| --- | --- | --- |\n${steps}\n\n#### ${l10n.t('Findings by step ({0})', d.findingCount)}\n\n${groups || l10n.t('No findings.')}${cs}`;
}

export function renderMd(data: ReportData, limit = MD_LIMIT): string {
  const single = data.docs.length === 1;
  const title = single ? l10n.t('Review: {0}', m(data.docs[0].title)) : l10n.t('Review of {0} design docs', data.docs.length);
  const intro = `# ${title}\n\n${scoredLine(data.docs.length, data.skipped.length)}\n`;
  const skipped = data.skipped.length
    ? `\n## ${l10n.t('Skipped ({0}, not scored)', data.skipped.length)}\n\n${data.skipped.map((s) => `- ${link(m(s.file), s.href)} — ${m(s.kind)}: ${m(s.reason)}`).join('\n')}\n`
    : '';
  const details = data.docs.map((d) => single
    ? `\n## ${link(m(d.file), d.href)}\n\n${docDetails(d)}\n`
    : `\n<details><summary>${m(d.title)} — ${l10n.t('{0}/{1} steps covered, {2} findings', d.steps.filter((s) => s.status === 'covered').length, d.steps.length, d.findingCount)}</summary>\n\n${link(m(d.file), d.href)}\n\n${docDetails(d)}\n\n</details>\n`);

  let out = intro;
  let left = 0;
  const room = (extra: string) => out.length + extra.length + skipped.length + 400 <= limit; // 400: the note
  if (!single) {
    const { head, rows } = matrixRows(data);
    const totals = data.columns.map((c) => `- ${m(totalsSentence(c, data.docs.length))}`).join('\n');
    out += `\n## ${l10n.t('Steps across {0} docs', data.docs.length)}\n\n${totals}\n\n${head}\n`;
    let shown = 0;
    for (const r of rows) { if (!room(`${r}\n`)) break; out += `${r}\n`; shown++; }
    if (shown < rows.length) out += `\n_${l10n.t('…and {0} more docs not shown in the table.', rows.length - shown)}_\n`;
  }
  for (const d of details) { if (room(d) && !left) out += d; else left++; }
  out += skipped;
  if (left) {
    const what = left === 1
      ? l10n.t('the details of {0} doc were left out to stay under {1} characters. Run {2} for the full report.', left, limit.toLocaleString('en-US'), '`mlsd report --format html`')
      : l10n.t('the details of {0} docs were left out to stay under {1} characters. Run {2} for the full report.', left, limit.toLocaleString('en-US'), '`mlsd report --format html`');
    out += `\n> **${l10n.t('Truncated:')}** ${what}\n`;
  }
  return out;
}
