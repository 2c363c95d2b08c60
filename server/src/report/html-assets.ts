/**
 * The report page's own style and script, inlined (the file must work offline and alone). The script
 * only sorts the matrix; without it the table reads in file order. The page's Content-Security-Policy
 * allows exactly this script by its hash, so a script that slipped in from a doc could not run.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0;
  --covered: #1a7f37; --covered-bg: #dafbe1; --thin: #9a6700; --thin-bg: #fff8c5; --missing: #cf222e; --missing-bg: #ffebe9; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d;
  --covered: #3fb950; --covered-bg: #12361f; --thin: #d29922; --thin-bg: #3b2e08; --missing: #f85149; --missing-bg: #42161a; } }
body { background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
a { color: inherit; } .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: 600; background: none; border: 0; color: inherit; cursor: pointer; padding: 0; text-align: left; }
th[aria-sort] button::after { content: " ↕"; color: var(--muted); }
td.covered, .badge.covered { background: var(--covered-bg); color: var(--covered); }
td.thin, .badge.thin { background: var(--thin-bg); color: var(--thin); }
td.missing, .badge.missing { background: var(--missing-bg); color: var(--missing); }
td.covered a, td.thin a, td.missing a { color: inherit; font-weight: 600; }
.badge { border-radius: 3px; padding: 0 .35rem; font-weight: 600; white-space: nowrap; }
.stepbar { max-width: 100%; height: auto; } .stepbar text { font: 600 13px system-ui, sans-serif; fill: var(--fg); } .stepbar .word { font-weight: 400; font-size: 11px; }
.seg.covered rect { fill: var(--covered-bg); stroke: var(--covered); } .seg.thin rect { fill: var(--thin-bg); stroke: var(--thin); stroke-dasharray: 4 2; }
.seg.missing rect { fill: var(--missing-bg); stroke: var(--missing); stroke-dasharray: 1 3; }
blockquote { margin: .3rem 0 .6rem; padding-left: .8rem; border-left: 3px solid var(--line); color: var(--muted); }
section.doc { border-top: 1px solid var(--line); margin-top: 2rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } th button::after { content: none; }
  section.doc { break-before: page; } table, .stepbar, li { break-inside: avoid; } a { text-decoration: none; } }
`;

/**
 * For a VS Code webview: the page takes the editor's theme (VS Code sets `--vscode-*` variables and a
 * `vscode-light` / `vscode-dark` / `vscode-high-contrast` class on the body) instead of the reader's
 * system colour scheme, which can differ from the editor's. Appended after STYLE, so it wins.
 */
export const EDITOR_THEME_STYLE = `
body { --bg: var(--vscode-editor-background); --fg: var(--vscode-editor-foreground); --muted: var(--vscode-descriptionForeground);
  --line: var(--vscode-panel-border, var(--vscode-widget-border, #8888)); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); max-width: none; margin: 1rem; }
body.vscode-light { color-scheme: light; --covered: #1a7f37; --covered-bg: #dafbe1; --thin: #9a6700; --thin-bg: #fff8c5; --missing: #cf222e; --missing-bg: #ffebe9; }
body.vscode-dark, body.vscode-high-contrast { color-scheme: dark; --covered: #3fb950; --covered-bg: #12361f; --thin: #d29922; --thin-bg: #3b2e08; --missing: #f85149; --missing-bg: #42161a; }
a { color: var(--vscode-textLink-foreground, inherit); }
`;

export const SORT_SCRIPT = `
document.querySelectorAll('table.matrix').forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll('th[data-col]').forEach(function (th) {
    var button = th.querySelector('button');
    button.addEventListener('click', function () {
      var col = Number(th.dataset.col), asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th[data-col]').forEach(function (o) { o.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        var d = isNaN(x) || isNaN(y) ? String(x).localeCompare(String(y)) : Number(x) - Number(y);
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

export function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`;
}
