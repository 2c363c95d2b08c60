/**
 * `mlsd mcp` as a process, driven by the MCP SDK's own client over stdio the way an assistant's
 * client drives it: the tool list, every tool with good and bad input, paths outside the client's
 * roots (absolute, `..`, a symbolic link), scaffold refusing to overwrite, resources, and a server
 * that keeps answering after malformed calls. Runs dist/ (`npm run build` first).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CallToolResultSchema, ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BIN, lintJson, mlsd, REPO } from '../support/cli';

const TOOLS = ['case_study', 'explain', 'lint', 'rules', 'scaffold'];
const GAPS = 'test/cli/fixtures/gaps.md';

let tmp: string;
let root: string;
let outside: string;
let client: Client;

async function connect(opts: { roots?: string[]; cwd?: string }): Promise<Client> {
  const c = new Client({ name: 'mlsd-test', version: '1.0.0' }, { capabilities: opts.roots ? { roots: { listChanged: true } } : {} });
  if (opts.roots) {
    const roots = opts.roots;
    c.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((r) => ({ uri: pathToFileURL(r).href, name: path.basename(r) })) }));
  }
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: opts.cwd ?? REPO, stderr: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
  await c.connect(transport);
  return c;
}

async function call(name: string, args: Record<string, unknown> = {}, c = client): Promise<CallToolResult> {
  return (await c.callTool({ name, arguments: args })) as CallToolResult;
}

function textOf(r: CallToolResult): string {
  return r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** A successful call's structured result (fails with the error text otherwise). */
async function structured<T = any>(name: string, args: Record<string, unknown> = {}, c = client): Promise<T> {
  const r = await call(name, args, c);
  assert.ok(!r.isError, `${name} failed: ${textOf(r)}`);
  assert.ok(r.structuredContent, `${name} has structured content`);
  assert.ok(textOf(r).trim().length > 0, `${name} has a text rendering`);
  return r.structuredContent as T;
}

async function refused(name: string, args: Record<string, unknown>, pattern: RegExp, c = client): Promise<string> {
  const r = await call(name, args, c);
  assert.equal(r.isError, true, `${name} ${JSON.stringify(args).slice(0, 200)} should fail, got: ${textOf(r).slice(0, 300)}`);
  assert.match(textOf(r), pattern);
  return textOf(r);
}

before(async () => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'mlsd-mcp-')));
  root = path.join(tmp, 'project');
  outside = path.join(tmp, 'elsewhere');
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'docs', 'gaps.md'), readFileSync(path.join(REPO, GAPS)));
  writeFileSync(path.join(outside, 'secret.md'), readFileSync(path.join(REPO, GAPS)));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
  symlinkSync(outside, path.join(root, 'linked-dir'));
  symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'dangling.md'));
  client = await connect({ roots: [root] });
});

after(async () => {
  await client?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('mlsd mcp: tools', () => {
  it('lists the five tools, each with an input and an output schema', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object', t.name);
      assert.equal(t.outputSchema?.type, 'object', `${t.name} declares its structured result`);
      assert.ok(t.description && t.description.length > 20, t.name);
    }
    const lint = tools.find((t) => t.name === 'lint')!;
    assert.deepEqual(Object.keys(lint.inputSchema.properties ?? {}).sort(), ['asDesignDoc', 'config', 'filename', 'path', 'text']);
  });

  it('lint a path inside the root: kind, steps with headings, findings as the CLI reports them, reviewer questions', async () => {
    const r = await structured('lint', { path: 'docs/gaps.md' });
    assert.equal(r.file, path.join(root, 'docs', 'gaps.md'));
    assert.equal(r.kind.isDesignDoc, true);
    assert.equal(r.kind.kind, 'design-doc');
    assert.equal(r.complete, true);
    const { reports: [cli] } = await lintJson([GAPS]);
    assert.deepEqual(r.steps.map((s: any) => s.id), cli.steps.map((s) => s.id));
    assert.deepEqual(r.steps.map((s: any) => s.status), cli.steps.map((s) => s.status), 'no step of a filled-in doc reads as not started');
    for (const [i, s] of r.steps.entries()) assert.equal(s.headings[0]?.line ?? null, cli.steps[i].line, s.id);
    const data = r.steps.find((s: any) => s.id === 'data');
    assert.deepEqual(data.headings, [{ text: 'Data', line: readFileSync(path.join(REPO, GAPS), 'utf8').split('\n').indexOf('## Data') + 1 }]);
    assert.deepEqual(
      r.findings.map((f: any) => [f.rule, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message]),
      cli.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message]),
    );
    const withStep = r.findings.filter((f: any) => f.step);
    assert.ok(withStep.length > 0);
    for (const f of withStep) assert.ok(typeof f.question === 'string' && f.question.endsWith('?'), `${f.rule} on ${f.step} has a reviewer question`);
  });

  it('lint text: a fresh template reads as not started, a README is not a design doc, a config object applies', async () => {
    const { text } = await structured('scaffold', { template: 'seven-step', title: 'Spam filter' });
    const tpl = await structured('lint', { text });
    assert.ok(tpl.steps.some((s: any) => s.status === 'not started'), JSON.stringify(tpl.steps.map((s: any) => s.status)));
    const readme = await structured('lint', { text: '# tinylib\n\nA small library.\n\n## Install\n\nnpm install tinylib\n\n## Usage\n\nCall `run()`.\n' });
    assert.equal(readme.kind.isDesignDoc, false);
    assert.equal(readme.findings.length, 0);
    const gaps = readFileSync(path.join(REPO, GAPS), 'utf8');
    const all = await structured('lint', { text: gaps });
    assert.ok(all.findings.some((f: any) => f.rule === 'unjustified-model-choice'));
    const off = await structured('lint', { text: gaps, config: { rules: { 'unjustified-model-choice': 'off' } } });
    assert.ok(!off.findings.some((f: any) => f.rule === 'unjustified-model-choice'), 'the config object turns the rule off');
    const bad = await structured('lint', { text: gaps, config: { rules: { 'unjustified-model-choice': 'loud' } } });
    assert.ok(bad.configProblems.length > 0, 'a bad config value is reported, not fatal');
  });

  it('lint refuses paths outside the root: absolute, .., a symbolic link to a file or a folder', async () => {
    await refused('lint', { path: path.join(outside, 'secret.md') }, /outside the allowed roots/);
    await refused('lint', { path: '../elsewhere/secret.md' }, /outside the allowed roots/);
    await refused('lint', { path: 'docs/../../elsewhere/secret.md' }, /outside the allowed roots/);
    await refused('lint', { path: 'link.md' }, /outside the allowed roots/);
    await refused('lint', { path: 'linked-dir/secret.md' }, /outside the allowed roots/);
    await refused('lint', { path: pathToFileURL(path.join(outside, 'secret.md')).href }, /outside the allowed roots/);
    await refused('lint', { text: '# x', filename: '../elsewhere/x.md' }, /outside the allowed roots/);
    await refused('lint', { text: '# x', config: { framework: '../elsewhere/secret.md' } }, /outside the allowed roots/);
  });

  it('lint rejects bad input with one clear line: missing file, a folder, both or neither of path/text, 20 MB', async () => {
    await refused('lint', { path: 'docs/nope.md' }, /no such file: docs\/nope\.md/);
    await refused('lint', { path: 'docs' }, /cannot read docs \(not a regular file \(a directory\)\)/);
    await refused('lint', { path: 'docs/gaps.md', text: '# x' }, /either `path`.*or `text`/);
    await refused('lint', {}, /either `path`.*or `text`/);
    await refused('lint', { text: 'word '.repeat(4 * 1024 * 1024) }, /text is 20 MB; mlsd analyses docs up to 10 MB/);
    await client.ping();
  });

  it('explain: a rule page, a glossary entry, and close matches for a typo', async () => {
    const rule = await structured('explain', { name: 'missing-step' });
    assert.equal(rule.kind, 'rule');
    assert.equal(rule.markdown, readFileSync(path.join(REPO, 'docs/rules/missing-step.md'), 'utf8'));
    assert.equal(rule.rule.uri, 'mlsd://rules/missing-step');
    const { stdout } = await mlsd(['explain', 'AUC']);
    const term = await structured('explain', { name: 'AUC' });
    assert.equal(term.kind, 'term');
    assert.ok(stdout.includes(term.term.definition), 'the same glossary entry as mlsd explain');
    const msg = await refused('explain', { name: 'missng-step' }, /'missng-step' is neither a rule nor a glossary term/);
    assert.match(msg, /Close matches: missing-step/);
    await refused('explain', { name: '   ' }, /rule id or an ML term/);
  });

  it('case_study: by id, one step\'s section, matched to a doc, and unknown ids or steps', async () => {
    const whole = await structured('case_study', { id: 'news-feed' });
    const { stdout } = await mlsd(['case-studies', 'news-feed']);
    assert.equal(whole.markdown.trimEnd(), stdout.trimEnd(), 'the same text as mlsd case-studies');
    assert.equal(whole.matchedBy, 'id');
    assert.ok(whole.steps.includes('data'));
    const data = await structured('case_study', { id: 'news-feed', step: 'data' });
    assert.equal(data.step.id, 'data');
    assert.ok(data.markdown.length < whole.markdown.length / 2, 'a section, not the whole study');
    assert.ok(whole.markdown.includes(data.markdown.split('\n')[0]), 'a part of the study');
    const fm = await structured('case_study', { text: `---\nmlsd: true\ncaseStudy: visual-search\n---\n${readFileSync(path.join(REPO, GAPS), 'utf8').split('---\n').slice(2).join('---\n')}` });
    assert.equal(fm.id, 'visual-search');
    assert.equal(fm.matchedBy, 'front matter');
    const lint = await structured('lint', { path: 'examples/complete-design-doc.md' }, await noRootsClient());
    assert.ok(lint.suggestedCaseStudy, 'the example suggests a case study');
    const matched = await structured('case_study', { text: readFileSync(path.join(REPO, 'examples/complete-design-doc.md'), 'utf8') });
    assert.equal(matched.id, lint.suggestedCaseStudy);
    assert.equal(matched.matchedBy, 'content');
    await refused('case_study', { id: 'no-such' }, /unknown case study 'no-such' \(known: .*news-feed/);
    await refused('case_study', { id: 'news-feed', step: 'cooking' }, /unknown step 'cooking' \(steps: requirements/);
    await refused('case_study', {}, /exactly one of/);
  });

  it('scaffold: text only, writes a new file, never overwrites, stays inside the root', async () => {
    const only = await structured('scaffold', { template: 'recommendation', title: 'Books to read next' });
    assert.equal(only.written, false);
    assert.match(only.text, /Books to read next/);
    const { stdout } = await mlsd(['new', '--template', 'recommendation', '--title', 'Books to read next']);
    assert.equal(only.text, stdout, 'the same text as mlsd new');
    const made = await structured('scaffold', { template: 'recommendation', title: 'Books to read next', path: 'docs/new/books.md' });
    const file = path.join(root, 'docs', 'new', 'books.md');
    assert.equal(made.written, true);
    assert.equal(made.path, file);
    assert.equal(readFileSync(file, 'utf8'), only.text);
    writeFileSync(file, 'my edits\n');
    await refused('scaffold', { template: 'seven-step', title: 'Other', path: 'docs/new/books.md' }, /already exists; not overwriting it/);
    assert.equal(readFileSync(file, 'utf8'), 'my edits\n', 'the file is untouched');
    await refused('scaffold', { template: 'seven-step', title: 'Other', path: 'docs' }, /is a folder; not overwriting it/);
    await refused('scaffold', { template: 'seven-step', title: 'Other', path: 'dangling.md' }, /is a symbolic link; not overwriting it/);
    assert.ok(!existsSync(path.join(root, 'nowhere.md')), 'nothing written through the dangling link');
    await refused('scaffold', { template: 'seven-step', title: 'Other', path: '../elsewhere/new.md' }, /outside the allowed roots/);
    await refused('scaffold', { template: 'seven-step', title: 'Other', path: 'linked-dir/new.md' }, /outside the allowed roots/);
    assert.ok(!existsSync(path.join(outside, 'new.md')), 'nothing written outside the root');
    await refused('scaffold', { template: 'nope', title: 'x' }, /unknown template 'nope' \(templates: seven-step/);
  });

  it('rules: the catalogue mlsd rules prints', async () => {
    const { rules } = await structured<{ rules: { id: string; defaultSeverity: string; description: string; uri: string }[] }>('rules');
    const { stdout } = await mlsd(['rules']);
    const lines = stdout.trim().split('\n');
    assert.equal(rules.length, lines.length);
    for (const [i, r] of rules.entries()) {
      assert.match(lines[i], new RegExp(`^${r.id}\\s+${r.defaultSeverity}\\s+`));
      assert.ok(lines[i].endsWith(r.description));
      assert.equal(r.uri, `mlsd://rules/${r.id}`);
    }
  });
});

describe('mlsd mcp: resources', () => {
  it('lists and reads rule pages and case studies', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    assert.ok(uris.includes('mlsd://rules/missing-step'));
    assert.ok(uris.includes('mlsd://case-studies/news-feed'));
    const page = await client.readResource({ uri: 'mlsd://rules/missing-topic' });
    assert.equal((page.contents[0] as { text: string }).text, readFileSync(path.join(REPO, 'docs/rules/missing-topic.md'), 'utf8'));
    const cs = await client.readResource({ uri: 'mlsd://case-studies/news-feed' });
    assert.equal(cs.contents[0].mimeType, 'text/markdown');
    await assert.rejects(client.readResource({ uri: 'mlsd://rules/no-such-rule' }), /no rule 'no-such-rule'/);
  });
});

describe('mlsd mcp: robustness', () => {
  it('answers malformed calls with errors and keeps serving', async () => {
    await refused('lint', { path: 42 }, /Input validation error/);
    await refused('scaffold', { title: 'no template' }, /Input validation error/);
    const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).then((r) => r as CallToolResult, (e: Error) => e);
    assert.ok(unknown instanceof Error || unknown.isError, 'an unknown tool is an error');
    await assert.rejects(client.request({ method: 'tools/call', params: {} as never }, CallToolResultSchema), /Invalid|name/i);
    await client.ping();
    const r = await structured('rules');
    assert.ok(r.rules.length > 0, 'still serving');
  });

  it('skips a line that is not JSON-RPC and answers the next request', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
    child.stdin.write('this is not json\n{"jsonrpc": "2.0", "id": \n');
    child.stdin.write(`${JSON.stringify(init)}\n`);
    const deadline = Date.now() + 20_000;
    while (!out.includes('"id":1') && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    assert.match(out, /"serverInfo":\{"name":"mlsd"/);
    const exited = new Promise<number | null>((res) => child.once('exit', res));
    child.stdin.end();
    assert.equal(await exited, 0, 'closing stdin ends the server cleanly');
  });

  it('without roots from the client, the working directory is the root', async () => {
    const c = await noRootsClient();
    const r = await structured('lint', { path: GAPS }, c);
    assert.equal(r.kind.isDesignDoc, true);
    await refused('lint', { path: path.join(root, 'docs', 'gaps.md') }, /outside the allowed roots \(.*\)/, c);
  });

  it('takes no arguments', async () => {
    const r = await mlsd(['mcp', 'extra']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /mcp takes no arguments/);
  });
});

let plain: Client | undefined;
after(async () => { await plain?.close(); });

/** A client that declares no roots, started in the repository (its working directory is the root). */
async function noRootsClient(): Promise<Client> {
  plain ??= await connect({ cwd: REPO });
  return plain;
}
