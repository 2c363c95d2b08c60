/**
 * The CI formats through the real process, each read back by its consumer's rules: `github` by the
 * exact workflow-command syntax (and its escapes undone), `junit` by a strict XML parser, `gitlab` by
 * the Code Quality fields GitLab documents — all checked against `--format json` of the same run.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO, type JsonReport } from '../support/cli';

const GAPS = path.join(REPO, 'test/cli/fixtures/gaps.md');
const BROKEN_FM = path.join(REPO, 'test/cli/fixtures/broken-front-matter.md');
const COMPLETE = path.join(REPO, 'examples/complete-design-doc.md');

/** sax ships no types; this is the part of its API the test uses. */
interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  write(s: string): SaxParser;
  close(): void;
}
const sax = createRequire(__filename)('sax') as { parser(strict: boolean): SaxParser };

interface XmlNode { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string }

/** Parses strictly (any well-formedness error throws) into a small element tree. */
function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true);
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (e) => { throw e; };
  parser.onopentag = (tag) => {
    const node = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => { stack.pop(); };
  parser.ontext = (t) => { stack.at(-1)!.text += t; };
  parser.write(xml).close();
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0];
}

/**
 * `%`, `:`, `,`, `&` and `<` in messages and paths: a team framework whose serving step is titled
 * with them (gaps.md has no serving section, so its missing-step message quotes the title), and a
 * file whose name has `,`, `:` and `%`.
 */
const ODD_TITLE = 'Serving: 100% of spam, & <more>';
let dir: string;
let oddFile: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mlsd-ci-formats-'));
  mkdirSync(path.join(dir, 'docs'));
  const fw = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8')) as { steps: { id: string; title: string }[] };
  const serving = fw.steps.find((st) => st.id.includes('serving'));
  assert.ok(serving, 'the built-in framework has a serving step');
  serving.title = ODD_TITLE;
  writeFileSync(path.join(dir, 'framework.json'), JSON.stringify(fw));
  writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ framework: 'framework.json' }));
  oddFile = path.join(dir, 'docs', 'spam, reviews: 100%.md');
  writeFileSync(oddFile, readFileSync(GAPS, 'utf8'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
const ANNOTATION = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::([^\r\n]*)$/;
const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

describe('--format github', () => {
  it('one workflow command per finding in the exact syntax, fields equal to JSON, paths relative to the cwd', async () => {
    const files = [GAPS, BROKEN_FM];
    const r = await mlsd(['lint', '--format', 'github', ...files], { cwd: path.join(REPO, 'test') });
    assert.equal(r.code, 1, r.stderr); // the broken front matter is an error
    const { reports } = await lintJson(files);
    const expected = reports.flatMap((rep) => rep.findings.map((f) => ({
      level: LEVEL[f.severity], file: path.relative(path.join(REPO, 'test'), rep.file), line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `mlsd ${f.ruleId}`, message: f.message,
    })));
    assert.ok(expected.length > 5);
    assert.ok(expected.some((e) => e.level === 'error') && expected.some((e) => e.level === 'notice'), 'all three levels appear');
    const got = r.stdout.trimEnd().split('\n').map((l) => {
      const m = ANNOTATION.exec(l);
      assert.ok(m, `not a workflow command: ${l}`);
      return { level: m[1], file: unescapeProperty(m[2]), line: Number(m[3]), col: Number(m[4]), endLine: Number(m[5]), endColumn: Number(m[6]), title: unescapeProperty(m[7]), message: unescapeData(m[8]) };
    });
    assert.deepEqual(got, expected);
    assert.ok(got.every((g) => g.file.startsWith('cli/fixtures/')), 'relative to the cwd, not absolute');
  });

  it('escapes % in the message and , : % in properties; the runner reads back the original text', async () => {
    const r = await mlsd(['lint', '--format', 'github', 'docs/spam, reviews: 100%.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr); // warnings only
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) {
      assert.ok(l.startsWith('::warning file=docs/spam%2C reviews%3A 100%25.md,line=') || l.startsWith('::notice file=docs/spam%2C reviews%3A 100%25.md,line='), l);
      assert.match(l, ANNOTATION);
    }
    const { reports } = await lintJson(['docs/spam, reviews: 100%.md'], { cwd: dir });
    const withPercent = reports[0].findings.find((f) => f.message.includes(ODD_TITLE));
    assert.ok(withPercent, 'a message quotes the step title with its %');
    const line = lines.find((l) => l.includes('100%25 of spam'));
    assert.ok(line, 'the % of the message is written %25');
    // In the message part only % (and line breaks) are escaped: ':' and ',' stay as they are.
    const message = line.slice(line.indexOf('::', 2) + 2);
    assert.ok(message.includes('Serving: 100%25 of spam, & <more>'), message);
    assert.equal(unescapeData(message), withPercent.message);
  });

  it('a clean doc prints nothing and exits 0', async () => {
    const r = await mlsd(['lint', '--format', 'github', COMPLETE]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('line breaks in a message are %0D%0A, so one finding stays one command', async () => {
    const { escapeData, escapeProperty } = await import('../../server/src/cli/formats/github');
    assert.equal(escapeData('50%\r\nnext: a, b'), '50%25%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });
});

describe('--format junit', () => {
  it('is well-formed XML: one suite, a testcase per file; failure, pass, skipped, error as the files are', async () => {
    const files = [oddFile, COMPLETE, path.join(REPO, 'README.md'), BROKEN_FM];
    const r = await mlsd(['lint', '--format', 'junit', ...files]);
    assert.equal(r.code, 1, r.stderr);
    const root = parseXml(r.stdout);
    assert.equal(root.name, 'testsuites');
    assert.equal(root.children.length, 1, 'one testsuite');
    const suite = root.children[0];
    assert.equal(suite.name, 'testsuite');
    assert.equal(suite.attributes.name, 'mlsd');
    const cases = suite.children;
    assert.deepEqual(cases.map((c) => [c.name, c.attributes.name]), files.map((f) => ['testcase', f]));

    const { reports } = await lintJson(files);
    const [odd, complete, readme, broken] = cases;
    // The doc with warnings fails, listing every one of its findings, the XML escapes undone by the parser.
    assert.equal(odd.children.length, 1);
    assert.equal(odd.children[0].name, 'failure');
    assert.equal(odd.children[0].attributes.type, 'warning');
    const listed = odd.children[0].text.split('\n');
    assert.equal(listed.length, reports[0].findings.length);
    reports[0].findings.forEach((f, i) => assert.ok(listed[i].endsWith(`${f.message.replace(/\s+/g, ' ').trim()} [${f.ruleId}]`), listed[i]));
    assert.ok(odd.children[0].text.includes(ODD_TITLE), 'text with & and < comes back intact');
    assert.ok(r.stdout.includes('100% of spam, &amp; &lt;more&gt;'), 'escaped in the XML itself');
    assert.match(odd.children[0].attributes.message, /^\d+ warnings?(, \d+ infos?)?$/);
    // A clean doc passes: a testcase with nothing in it.
    assert.equal(complete.children.length, 0);
    assert.equal(reports[1].findings.length, 0);
    // README is not a design doc: skipped, with the reason.
    assert.equal(readme.children[0].name, 'skipped');
    assert.match(readme.children[0].attributes.message, /not a design doc/);
    // An error finding fails with type error.
    assert.equal(broken.children[0].name, 'failure');
    assert.equal(broken.children[0].attributes.type, 'error');

    const n = (k: string) => Number(suite.attributes[k]);
    assert.deepEqual([n('tests'), n('failures'), n('errors'), n('skipped')], [4, 2, 0, 1]);
    assert.deepEqual(root.attributes, suite.attributes, 'the totals on <testsuites> agree');
  });

  it('characters XML 1.0 cannot carry become U+FFFD instead of breaking the report', async () => {
    const { xmlText, xmlAttr } = await import('../../server/src/cli/formats/xml');
    assert.equal(xmlText('a\u0001b\u000Bc & <d>'), 'a\uFFFDb\uFFFDc &amp; &lt;d&gt;');
    assert.equal(xmlAttr('"x"\n\t\'y\''), '&quot;x&quot;&#10;&#9;&apos;y&apos;');
    assert.equal(xmlText('\uD83D\uDE00 \uD83D'), '\uD83D\uDE00 \uFFFD', 'a pair is kept, a lone surrogate is not');
  });
});

describe('--format gitlab', () => {
  const SEVERITIES = new Set(['info', 'minor', 'major', 'critical', 'blocker']);

  it('is a Code Quality array with the documented fields, matching the JSON findings', async () => {
    const files = [GAPS, BROKEN_FM];
    const r = await mlsd(['lint', '--format', 'gitlab', ...files], { cwd: REPO });
    assert.equal(r.code, 1, r.stderr);
    const issues = JSON.parse(r.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    const { reports } = await lintJson(files);
    const findings = reports.flatMap((rep: JsonReport) => rep.findings.map((f) => ({ rep, f })));
    assert.equal(issues.length, findings.length);
    const mapped = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };
    issues.forEach((issue, i) => {
      const { rep, f } = findings[i];
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.equal(issue.description, f.message);
      assert.equal(issue.check_name, f.ruleId);
      assert.ok(SEVERITIES.has(issue.severity));
      assert.equal(issue.severity, mapped[f.severity]);
      assert.equal(issue.location.path, path.relative(REPO, rep.file));
      assert.equal(issue.location.lines.begin, f.line);
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    });
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique (GitLab shows one issue per fingerprint)');
  });

  it('fingerprints survive lines added above the findings, and change with the file', async () => {
    const a = path.join(dir, 'a.md');
    const text = readFileSync(GAPS, 'utf8');
    writeFileSync(a, text);
    const before = JSON.parse((await mlsd(['lint', '--format', 'gitlab', 'a.md'], { cwd: dir })).stdout) as { fingerprint: string; check_name: string; location: { lines: { begin: number } } }[];
    writeFileSync(a, text.replace('## Problem statement\n', '## Problem statement\n\nAn extra paragraph.\n\nAnd another one.\n'));
    const after = JSON.parse((await mlsd(['lint', '--format', 'gitlab', 'a.md'], { cwd: dir })).stdout) as typeof before;
    const moved = (xs: typeof before) => xs.filter((x) => x.location.lines.begin > 12);
    assert.ok(moved(before).length > 3, 'findings below the edit');
    assert.notDeepEqual(moved(after).map((x) => x.location.lines.begin), moved(before).map((x) => x.location.lines.begin), 'their lines moved');
    assert.deepEqual(new Set(after.map((x) => x.fingerprint)), new Set(before.map((x) => x.fingerprint)));
    writeFileSync(path.join(dir, 'b.md'), text);
    const other = JSON.parse((await mlsd(['lint', '--format', 'gitlab', 'b.md'], { cwd: dir })).stdout) as typeof before;
    assert.equal(other.filter((x) => before.some((y) => y.fingerprint === x.fingerprint)).length, 0, 'the same finding in another file is another issue');
  });

  it('a clean run is an empty array', async () => {
    const r = await mlsd(['lint', '--format', 'gitlab', COMPLETE]);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});
