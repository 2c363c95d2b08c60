/**
 * Framework files named by `.mlsd.json` through the server: a device, a FIFO, stdin or a huge invalid
 * file is reported on that path (at most 20 problems + "and N more"), the doc is linted with the
 * built-in steps, and the server never blocks (hover answers at once) or dies. In Restricted Mode
 * (initializationOptions.restricted) no framework file is read at all. Titles and questions from a
 * custom framework reach hover/completion as text, not as Markdown/HTML.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { LspClient, fileUri, messageOf, positionOf, REPO } from '../support/lsp-client';
import { startRaw, until } from './raw-server';

const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');
const sevenSteps = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8'));

describe('language server: framework files that are not ordinary small files', () => {
  let client: LspClient;
  let root: string;
  const fifo = () => path.join(root, 'framework.fifo');
  const big = () => path.join(root, 'big-framework.json');

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mlsd-fw-'));
    execFileSync('mkfifo', [fifo()]);
    // ~900 KB that parses but breaks the schema hundreds of thousands of times.
    writeFileSync(big(), JSON.stringify({ steps: Array.from({ length: 40_000 }, (_, i) => ({ id: `X${i}`, t: 1 })) }));
    client = await LspClient.start({ root, settings: { debounceMs: 0 } });
  });
  after(async () => {
    try { if (client) assert.equal(await client.shutdown(), 0); } finally {
      client?.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });

  const cases: [string, () => string, RegExp][] = [
    ['/dev/zero', () => '/dev/zero', /not a regular file \(a character device\)/],
    ['/dev/urandom', () => '/dev/urandom', /not a regular file/],
    ['/dev/stdin', () => '/dev/stdin', /not a regular file|cannot be read/],
    ['a FIFO', fifo, /not a regular file \(a FIFO\)/],
    ['a folder', () => root, /not a regular file \(a directory\)/],
  ];
  for (const [name, target, why] of cases) {
    it(`"framework": ${name} — reported, the doc linted with the built-in steps, hover still answers`, async () => {
      const dir = path.join(root, name.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ framework: target() }));
      const uri = fileUri(path.join(dir, 'doc.md'));
      client.openNoWait(uri, designDoc);
      const t0 = Date.now();
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(designDoc, 'NDCG@20', 1) }, 5000);
      assert.ok(h, 'hover answers while the framework is being looked at');
      assert.ok(Date.now() - t0 < 5000);
      const ds = await client.waitForDiagnostics(uri, { version: 1 });
      assert.ok(ds.some((d) => d.code === 'missing-step'), ds.map((d) => d.code).join(', '));
      const fwUri = pathToFileURL(target()).href;
      const problems = await client.waitForDiagnostics(fwUri, { predicate: (p) => p.length > 0 });
      assert.equal(problems.length, 1);
      assert.match(messageOf(problems[0]), why);
      assert.match(messageOf(problems[0]), /built-in seven steps/);
      client.close(uri);
    });
  }

  it('a 900 KB invalid framework: 20 problems and "and N more", not one diagnostic per error', async () => {
    const dir = path.join(root, 'big');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ framework: big() }));
    const uri = fileUri(path.join(dir, 'doc.md'));
    await client.open(uri, designDoc);
    const problems = await client.waitForDiagnostics(fileUri(big()), { predicate: (p) => p.length > 0 });
    assert.equal(problems.length, 21);
    assert.match(messageOf(problems[20]), /and \d+ more problems/);
    client.close(uri);
  });

  it('a framework file over 1 MB is refused unread', async () => {
    const dir = path.join(root, 'huge');
    mkdirSync(dir);
    const huge = path.join(dir, 'fw.json');
    writeFileSync(huge, `{"steps": [], "pad": "${'x'.repeat(1024 * 1024)}"}`);
    writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ framework: 'fw.json' }));
    const uri = fileUri(path.join(dir, 'doc.md'));
    await client.open(uri, designDoc);
    const problems = await client.waitForDiagnostics(fileUri(huge), { predicate: (p) => p.length > 0 });
    assert.match(messageOf(problems[0]), /larger than 1 MB/);
    client.close(uri);
  });
});

/** The seven steps with hostile text in the first step's title, a question and a topic label. */
function hostileFramework(): unknown {
  const fw = structuredClone(sevenSteps);
  fw.steps[0].title = 'Reqs <img src=x onerror=alert(1)> [run](command:workbench.action.terminal.new)';
  fw.steps[0].questions = ['![pixel](https://attacker.example/p.png) what <b>scale</b>?', ...fw.steps[0].questions];
  fw.steps[0].topics[0].label = '<script>alert(1)</script>';
  // Completion offers only steps a doc lacks: the design-doc fixture lacks monitoring, so it carries one too.
  fw.steps[6].questions = ['![pixel](https://attacker.example/p.png) what <b>drift</b>?', ...fw.steps[6].questions];
  return fw;
}

/** What VS Code would render: parsed as GFM, there is no HTML, no image and no command link. */
function assertInert(value: string): void {
  const found: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') found.push(node.type);
    if (node.type === 'link' && !/^https?:/.test(node.url ?? '')) found.push(`link to ${node.url}`);
    for (const c of node.children ?? []) walk(c as typeof node);
  };
  walk(unified().use(remarkParse).use(remarkGfm).parse(value));
  assert.deepEqual(found, [], value);
}

describe('language server: custom framework text in hover and completion', () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mlsd-fw-md-'));
    writeFileSync(path.join(root, 'fw.json'), JSON.stringify(hostileFramework()));
    writeFileSync(path.join(root, '.mlsd.json'), JSON.stringify({ framework: 'fw.json' }));
    client = await LspClient.start({ root, settings: { debounceMs: 0 } });
  });
  after(async () => {
    try { if (client) assert.equal(await client.shutdown(), 0); } finally {
      client?.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('hover on a step heading and heading completion show the text escaped', async () => {
    const uri = fileUri(path.join(root, 'doc.md'));
    const text = `${designDoc.trimEnd()}\n\n## `;
    await client.open(uri, text);
    const heading = designDoc.split('\n').find((l) => /^## .*requirements/i.test(l))!;
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(designDoc, heading, 4) });
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /Reqs/, 'the custom title is shown');
    assert.match(value, /&lt;img/, 'as text');
    assertInert(value);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: text.split('\n').length - 1, character: 3 } });
    const docs = items.map((i) => (i.documentation as MarkupContent | undefined)?.value ?? '').join('\n');
    assert.match(docs, /attacker\.example/, 'the custom question is offered');
    assertInert(docs);
  });
});

describe('language server: Restricted Mode (initializationOptions.restricted)', () => {
  it('reads no framework file and lints with the built-in steps; trusted, the same workspace uses it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mlsd-restricted-'));
    try {
      const fw = structuredClone(sevenSteps);
      fw.steps[6].title = 'Custom watching step';
      writeFileSync(path.join(root, 'fw.json'), JSON.stringify(fw));
      writeFileSync(path.join(root, '.mlsd.json'), JSON.stringify({ framework: 'fw.json' }));
      const uri = pathToFileURL(path.join(root, 'doc.md')).href;
      const doc = designDoc; // has no monitoring section
      const run = async (restricted: boolean) => {
        const server = await startRaw({
          rootUri: pathToFileURL(root).href,
          initializationOptions: { restricted },
          capabilities: { workspace: { configuration: true } },
        }, { debounceMs: 0 });
        try {
          await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc } });
          const p = await until('diagnostics', () => server.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri));
          return (p.params as { diagnostics: { message: string; code: string }[] }).diagnostics.filter((d) => d.code === 'missing-step').map((d) => d.message).join(' | ');
        } finally {
          await server.stop();
        }
      };
      const trusted = await run(false);
      assert.match(trusted, /Custom watching step/, `trusted: the workspace framework is used (${trusted})`);
      const restricted = await run(true);
      assert.doesNotMatch(restricted, /Custom watching step/, `restricted: ${restricted}`);
      assert.match(restricted, /monitor/i, 'the built-in step is reported missing instead');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
