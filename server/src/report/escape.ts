/** Text from a doc → safe inside HTML text and attribute values (quotes too). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Text from a doc → one line of GFM that shows as the same text: Markdown punctuation and table pipes
 * backslash-escaped first, then the characters that would open raw HTML (a PR comment renders it).
 */
export function escapeMd(text: string): string {
  return text
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/\s*\n\s*/g, ' ');
}
