/**
 * Case-study HTML (the reference panel): every in-page link points at an id that exists — footnote
 * references and back-references included — and sanitising still strips scripts and handlers.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../server/src/knowledge/render';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { caseStudies } from '../../server/src/knowledge/case-studies';

function brokenAnchors(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]).filter((id) => !ids.has(id));
}

describe('case-study HTML', () => {
  it('footnote links and back-links reach their targets (ids prefixed once)', () => {
    const md = '# Notes\n\n## Evaluation\n\nNDCG is used[^ndcg], and so is recall[^2].\n\n[^ndcg]: Järvelin and Kekäläinen, 2002.\n[^2]: Any IR textbook.\n';
    const { html } = renderMarkdown(md, defaultFramework);
    assert.match(html, /data-footnote-ref/);
    assert.deepEqual(brokenAnchors(html), [], html);
    assert.doesNotMatch(html, /user-content-user-content-/);
  });

  it('raw HTML and handlers are still removed', () => {
    const { html } = renderMarkdown('# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1))\n', defaultFramework);
    assert.doesNotMatch(html, /<script|onerror|javascript:/i);
  });

  it('every bundled case study renders with no broken in-page link', () => {
    for (const cs of caseStudies()) {
      const { html } = renderMarkdown(cs.markdown, defaultFramework);
      assert.deepEqual(brokenAnchors(html), [], cs.id);
    }
  });
});
