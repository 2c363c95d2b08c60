/**
 * Case study → sanitised HTML for the reference panel: remark-parse + gfm → remark-rehype →
 * rehype-sanitize (GitHub's schema: no scripts, no event handlers, no raw HTML surprises) →
 * step anchors → rehype-stringify. The anchors are added after sanitising, from the doc model,
 * so they are ours alone: `id="mlsd-step-<stepId>"` on the first heading of each step.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, Element } from 'hast';
import { analyze } from '../core/analyze';
import type { Framework } from '../core/types';

export function renderMarkdown(markdown: string, framework: Framework): { html: string; stepIds: string[] } {
  const { doc } = analyze(markdown, { framework });
  const anchorLines = new Map<number, string>();
  for (const step of doc.steps) {
    const first = step.headings[0];
    if (first && first.depth <= 6) anchorLines.set(first.range.start.line + 1, step.id);
  }
  const addAnchors = () => (tree: Root) => {
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const line = child.position?.start.line;
        if (/^h[1-6]$/.test(child.tagName) && line !== undefined && anchorLines.has(line)) {
          child.properties = { ...child.properties, id: `mlsd-step-${anchorLines.get(line)}`, className: ['mlsd-step'] };
        }
        walk(child);
      }
    };
    walk(tree);
  };
  const file = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkRehype)
    // remark-rehype already prefixes the ids it makes (footnotes: `user-content-fn-1`) and their links;
    // sanitizing with the default prefix would prefix the ids again and break every footnote link.
    // Raw HTML never reaches the tree (no allowDangerousHtml), so every id is one of those.
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
    .use(addAnchors)
    .use(rehypeStringify)
    .processSync(markdown);
  return { html: String(file), stepIds: [...anchorLines.values()] };
}
