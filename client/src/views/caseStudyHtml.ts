/**
 * The case-study webview page. The case study's HTML was rendered and sanitised by the server;
 * the page adds a strict CSP so that, whatever slipped through, only our own nonce'd script runs.
 */
import type { CaseStudyResult } from '../../../server/src/protocol';

export interface PageResources {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

/** 24 random letters and digits (Web Crypto: the same in Node and in the web extension). */
export function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(24)), (b) => alphabet[b % alphabet.length]).join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`;
}

export function caseStudyPage(study: CaseStudyResult, res: PageResources, nonce = makeNonce()): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(res.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(res.styleUri)}">
<title>${escapeHtml(study.title)}</title>
</head>
<body data-case-study="${escapeHtml(study.id)}">
<header class="mlsd-bar" role="banner">
  <span class="mlsd-label">Case study</span>
  <span id="mlsd-title">${escapeHtml(study.title)}</span>
  <span id="mlsd-cursor" aria-live="polite"></span>
</header>
<main id="mlsd-content">
${study.html}
</main>
<script nonce="${nonce}" src="${escapeHtml(res.scriptUri)}"></script>
</body>
</html>`;
}
