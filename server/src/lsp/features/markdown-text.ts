/**
 * Plain text placed into Markdown we send (hover, completion docs). Step titles, questions and topic
 * labels can come from a team's own framework file, so they are shown as text: no raw HTML or
 * autolinks (`<…>`), no links or images (`[…](command:…)`, `![](https://…)`), no emphasis or code
 * spans that swallow the rest. Ordinary prose (letters, digits, `.,:;?()-/'"`) passes unchanged.
 */
const MARKDOWN = /[\\`*_[\]!|~#]/g;

export function markdownText(text: string): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN, '\\$&')
    .replace(/\r?\n/g, ' ');
}
