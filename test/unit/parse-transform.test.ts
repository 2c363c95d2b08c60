/**
 * The parser setup of parse.ts drops remark-gfm's tree transform (bare URLs and e-mail addresses in
 * text become link nodes) because extraction reads only text, and parses a chunk with no "@", "www."
 * or "http(s)://" without GFM's literal-link syntax, which cannot match there. Held here: every doc
 * the tests and the examples hold, generated docs, and texts full of bare links and near misses
 * extract exactly as with remark-gfm's full tree, front matter or not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { extractTree, parseMarkdown } from '../../server/src/core/parse';
import { generateDoc } from '../../bench/generate';

const withTransform = {
  start: unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']),
  inside: unified().use(remarkParse).use(remarkGfm),
};
const reference = (text: string, documentStart: boolean) => extractTree((documentStart ? withTransform.start : withTransform.inside).parse(text), text);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : /\.(md|markdown)$/.test(name) ? [full] : [];
  });
}

const root = path.resolve(__dirname, '../..');

test('a bare link leaves the transform and the literal-link syntax something to do (else this file tests nothing)', () => {
  const tree = withTransform.inside.parse('See www.example.com or mail ops@example.org.');
  assert.ok(JSON.stringify(tree).includes('"link"'));
  // Without the literal-link syntax, the asterisks of a URL's path would make emphasis.
  assert.equal(parseMarkdown('See https://example.com/*a*b* now', false).blocks[0].text, 'See https://example.com/*a*b* now');
});

test('docs of the repo extract the same as with the full remark-gfm tree', () => {
  const files = [...markdownFiles(path.join(root, 'test/unit/fixtures')), ...markdownFiles(path.join(root, 'examples')), ...markdownFiles(path.join(root, 'docs'))];
  assert.ok(files.length > 50);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const start of [true, false]) assert.deepEqual(parseMarkdown(text, start), reference(text, start), `${file} (document start: ${start})`);
  }
  for (const seed of [1, 2, 3]) {
    const text = generateDoc(400, seed);
    assert.deepEqual(parseMarkdown(text, true), reference(text, true));
  }
});

const linkish = fc.constantFrom(
  'www.example.com', 'https://example.com/a_b_(c)', 'http://x.io/path?q=1.', 'HTTP://EXAMPLE.COM', 'ops@example.org', 'mailto:a.b@c.de',
  'xmpp:me@chat.example.com/home', 'www.example.com/*not*emphasis*', '**www.bold.com**', '_see www.x.org_', '`www.code.com`',
  '[www.inside.link](https://a.b)', 'a@b', 'x@y.z-', 'www.', 'https://', '(www.paren.com)', 'www.a.com.', '~~www.gone.com~~',
  'word', 'the model', ' ', '*', '_', '<b>', '<!-- mlsd-disable-line -->', 'é', 'данные@пример.рф', '|', '\\', '&amp;',
  // Near misses: no literal link can start, so the chunk parses without the literal-link syntax.
  'ww.x.com', 'wwwx.com', 'w.w.w', 'http:/x', 'https:x', 'HTTP:x/*y*', 'mailto', 'x_y_z', 'a_b_', '*a*b', '~~x~~', '&#64;', 'at.example.com',
);
const line = fc.array(linkish, { maxLength: 8 }).map((ws) => ws.join(' '));
const block = fc.tuple(fc.constantFrom('', '# ', '## ', '- ', '1. ', '> ', '| ', '**'), line).map(([lead, l]) => lead + l);
const doc = fc.array(block, { maxLength: 12 }).map((ls) => ls.join('\n'));

test('texts full of bare links extract the same as with the full remark-gfm tree', () => {
  fc.assert(fc.property(doc, fc.boolean(), (text, start) => {
    assert.deepEqual(parseMarkdown(text, start), reference(text, start));
  }), { numRuns: 1500 });
});
