/**
 * The report as GitHub-flavoured Markdown, made to be posted as a PR comment: the matrix as a table,
 * each doc's details collapsible, and never more than a comment holds (GitHub: 65,536 characters) —
 * what does not fit is left out with a note saying so.
 */
import type { ReportData, ReportDoc } from './collect';
import { escapeMd as m } from './escape';
import { statusLabel } from './status-labels';
import { totalsSentence } from './totals-text';

export const MD_LIMIT = 65_536;

const link = (text: string, href: string) => `[${text}](${href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;

function matrixRows(data: ReportData): { head: string; rows: string[] } {
  const head = `| Doc | ${data.columns.map((c) => m(c.title)).join(' | ')} | Findings |\n| --- | ${data.columns.map(() => '---').join(' | ')} | ---: |`;
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
  const groups = d.groups.map((g) => `**${m(g.title)}**\n\n${g.items.map((f) => `- ${f.severity} · line ${f.line} · \`${f.ruleId}\` — ${m(f.message)}${f.question ? `\n  > Reviewer asks: ${m(f.question)}` : ''}`).join('\n')}`).join('\n\n');
  const cs = d.caseStudy ? `\n\n**Case study to compare with:** ${m(d.caseStudy.title)} (\`mlsd case-studies ${d.caseStudy.id}\`) — ${m(d.caseStudy.summary)}` : '\n\n**Case study to compare with:** none fits this doc closely (`mlsd case-studies` lists them all).';
  return `| Step | Status | Found in |\n| --- | --- | --- |\n${steps}\n\n#### Findings by step (${d.findingCount})\n\n${groups || 'No findings.'}${cs}`;
}

export function renderMd(data: ReportData, limit = MD_LIMIT): string {
  const single = data.docs.length === 1;
  const title = single ? `Review: ${m(data.docs[0].title)}` : `Review of ${data.docs.length} design docs`;
  const intro = `# ${title}\n\n${data.docs.length} design doc${single ? '' : 's'} scored, ${data.skipped.length} skipped · made by mlsd\n`;
  const skipped = data.skipped.length
    ? `\n## Skipped (${data.skipped.length}, not scored)\n\n${data.skipped.map((s) => `- ${link(m(s.file), s.href)} — ${m(s.kind)}: ${m(s.reason)}`).join('\n')}\n`
    : '';
  const details = data.docs.map((d) => single
    ? `\n## ${link(m(d.file), d.href)}\n\n${docDetails(d)}\n`
    : `\n<details><summary>${m(d.title)} — ${d.steps.filter((s) => s.status === 'covered').length}/${d.steps.length} steps covered, ${d.findingCount} findings</summary>\n\n${link(m(d.file), d.href)}\n\n${docDetails(d)}\n\n</details>\n`);

  let out = intro;
  let left = 0;
  const room = (extra: string) => out.length + extra.length + skipped.length + 400 <= limit; // 400: the note
  if (!single) {
    const { head, rows } = matrixRows(data);
    const totals = data.columns.map((c) => `- ${m(totalsSentence(c, data.docs.length))}`).join('\n');
    out += `\n## Steps across ${data.docs.length} docs\n\n${totals}\n\n${head}\n`;
    let shown = 0;
    for (const r of rows) { if (!room(`${r}\n`)) break; out += `${r}\n`; shown++; }
    if (shown < rows.length) out += `\n_…and ${rows.length - shown} more docs not shown in the table._\n`;
  }
  for (const d of details) { if (room(d) && !left) out += d; else left++; }
  out += skipped;
  if (left) out += `\n> **Truncated:** the details of ${left} doc${left === 1 ? '' : 's'} were left out to stay under ${limit.toLocaleString('en-US')} characters. Run \`mlsd report --format html\` for the full report.\n`;
  return out;
}
