/**
 * Lint Workspace over real JSON-RPC (dist/server.js over stdio): mlsd/lintWorkspace analyses the
 * unopened design docs of a workspace folder into publishDiagnostics, skipping what git ignores, what
 * `files.exclude` hides and non-design files; it reports progress and stops when cancelled; closed
 * docs keep their diagnostics across open/close and follow files changed on disk; mlsd/workspaceDocs
 * lists them with coverage; mlsd/reviewReport renders the report for one doc and for the workspace.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from '../support/lsp-client';

const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');
const readme = readFileSync(path.join(__dirname, 'fixtures', 'readme.md'), 'utf8');

interface LintResult { files: number; analysed: number; designDocs: number; cancelled: boolean }
interface WorkspaceDoc { uri: string; title: string; coveredCount: number; thinCount: number; missingCount: number; stepCount: number; findingCount: number }

/** The fixture (six of seven steps: no Monitoring) under another title, optionally without its Serving section too. */
function variant(title: string, dropServing = false): string {
  let text = designDoc.replace(/^# .*$/m, `# ${title}`);
  if (dropServing) text = text.replace(/\n## Serving[\s\S]*$/, '\n');
  return text;
}
/** Steps the doc is told it lacks a section for: missing ones and those touched only in passing. */
const inPassing = (d: Diagnostic) => (d.data as { facts?: { inPassing?: boolean } } | undefined)?.facts?.inPassing === true;
const missingSteps = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-step' || d.code === 'empty-step' || (d.code === 'missing-topic' && inPassing(d))).length;

function workspace(extraDocs = 0): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mlsd-ws-'));
  spawnSync('git', ['init', '-q'], { cwd: root });
  mkdirSync(path.join(root, 'docs'));
  mkdirSync(path.join(root, 'build'));
  mkdirSync(path.join(root, 'hidden'));
  writeFileSync(path.join(root, 'docs', 'recipes.md'), designDoc);
  writeFileSync(path.join(root, 'docs', 'search.md'), variant('Recipe search ranking', true));
  writeFileSync(path.join(root, 'README.md'), readme);
  writeFileSync(path.join(root, '.gitignore'), 'build/\n');
  writeFileSync(path.join(root, 'build', 'copy.md'), designDoc);       // git ignores it
  writeFileSync(path.join(root, 'hidden', 'copy.md'), designDoc);      // files.exclude hides it
  for (let i = 0; i < extraDocs; i++) writeFileSync(path.join(root, 'docs', `extra-${String(i).padStart(3, '0')}.md`), variant(`Extra doc ${i}`));
  return root;
}

const sections = { 'files.exclude': { '**/hidden': true, '**/.git': true } };

describe('language server: Lint Workspace', () => {
  let root: string;
  let client: LspClient;
  const uri = (rel: string) => fileUri(path.join(root, rel));

  before(async () => {
    root = workspace();
    client = await LspClient.start({ root, settings: { debounceMs: 0 }, sections });
  });

  after(async () => {
    if (client) { await client.shutdown().catch(() => undefined); client.kill(); }
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics for unopened design docs only, skipping ignored, excluded and non-design files', async () => {
    const progress: { done: number; total: number }[] = [];
    client.connection.onNotification('mlsd/workspaceProgress', (p: { done: number; total: number }) => { progress.push(p); });
    const result = await client.request<LintResult>('mlsd/lintWorkspace', { publishDiagnostics: true }, 60_000);
    assert.deepEqual(result, { files: 3, analysed: 3, designDocs: 2, cancelled: false });
    const recipes = await client.waitForDiagnostics(uri('docs/recipes.md'));
    const search = await client.waitForDiagnostics(uri('docs/search.md'));
    assert.equal(missingSteps(recipes), 1, 'Monitoring is missing from the fixture');
    assert.equal(missingSteps(search), 2, 'Serving is missing too from the shortened copy');
    assert.equal(client.publishCount(uri('README.md')), 0, 'a README gets no design findings');
    assert.equal(client.publishCount(uri('build/copy.md')), 0, 'git-ignored files are not linted');
    assert.equal(client.publishCount(uri('hidden/copy.md')), 0, 'files.exclude hides a folder');
    assert.deepEqual(progress.at(-1), { done: 3, total: 3 });
  });

  it('lists the design docs with their coverage', async () => {
    const { indexed, docs } = await client.request<{ indexed: boolean; docs: WorkspaceDoc[] }>('mlsd/workspaceDocs', null);
    assert.equal(indexed, true);
    assert.deepEqual(docs.map((d) => [d.title, d.uri]), [
      ['Recipe suggestions for a cooking app', uri('docs/recipes.md')],
      ['Recipe search ranking', uri('docs/search.md')],
    ]);
    const [full, partial] = docs;
    assert.deepEqual([full.coveredCount, full.missingCount, full.stepCount], [6, 1, 7]);
    assert.deepEqual([partial.coveredCount, partial.thinCount, partial.missingCount, partial.stepCount], [5, 1, 1, 7]);
    assert.ok(partial.findingCount > full.findingCount);
  });

  it('opening a linted doc shows its live analysis once; closing it brings its on-disk diagnostics back', async () => {
    const u = uri('docs/search.md');
    const onDisk = client.published.get(u)!.at(-1)!.diagnostics;
    const before = client.publishCount(u);
    const edited = variant('Recipe search ranking', true) + '\n## Appendix\n\nTBD\n';
    await client.open(u, edited);
    const live = client.published.get(u)!.at(-1)!;
    assert.equal(live.version, 1, 'the open doc publishes with its version');
    assert.ok(live.diagnostics.some((d) => d.code === 'unfilled-placeholder'), 'the editor text is what is linted while open');
    const afterOpen = client.publishCount(u);
    client.close(u);
    const back = await client.waitForDiagnostics(u, { after: afterOpen, predicate: (ds) => ds.length > 0 });
    assert.deepEqual(back.map((d) => d.code).sort(), onDisk.map((d) => d.code).sort(), 'the closed doc shows the file on disk again');
    assert.ok(client.published.get(u)!.slice(before).every((p) => p.diagnostics.length > 0), 'never cleared in between');
  });

  it('follows design docs created, changed and deleted on disk', async () => {
    const file = path.join(root, 'docs', 'new.md');
    writeFileSync(file, variant('Brand new doc', true));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 1 }] });
    await client.waitForDiagnostics(fileUri(file), { predicate: (ds) => missingSteps(ds) === 2 });
    const docs = await client.request<{ docs: WorkspaceDoc[] }>('mlsd/workspaceDocs', null);
    assert.ok(docs.docs.some((d) => d.title === 'Brand new doc'));

    const count = client.publishCount(fileUri(file));
    writeFileSync(file, variant('Brand new doc'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 2 }] });
    await client.waitForDiagnostics(fileUri(file), { after: count, predicate: (ds) => missingSteps(ds) === 1 });

    const count2 = client.publishCount(fileUri(file));
    unlinkSync(file);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 3 }] });
    await client.waitForDiagnostics(fileUri(file), { after: count2, predicate: (ds) => ds.length === 0 });
    const gone = await client.request<{ docs: WorkspaceDoc[] }>('mlsd/workspaceDocs', null);
    assert.ok(!gone.docs.some((d) => d.title === 'Brand new doc'));
  });

  it('renders the review report of one doc and of the workspace with the report renderer', async () => {
    const one = await client.request<{ title: string; html: string; docCount: number }>('mlsd/reviewReport', { uri: uri('docs/search.md'), theme: 'editor' });
    assert.equal(one.docCount, 1);
    assert.equal(one.title, 'Review: Recipe search ranking');
    assert.match(one.html, /<h3>Steps<\/h3>/);
    assert.match(one.html, /Monitoring and maintenance/);
    assert.match(one.html, /--vscode-editor-background/, 'the editor theme is asked for');
    assert.match(one.html, /Content-Security-Policy" content="default-src 'none'/);
    const all = await client.request<{ title: string; html: string; docCount: number }>('mlsd/reviewReport', {});
    assert.equal(all.docCount, 2);
    assert.match(all.html, /<table class="matrix">/);
    assert.match(all.html, /Steps across 2 docs/);
    assert.doesNotMatch(all.html, /--vscode-editor-background/, 'the system theme unless asked');
    assert.equal(await client.request('mlsd/reviewReport', { uri: 'untitled:/nothing' }), null);
    // An editor's links: to the client's command with [uri, 0-based line], never to a relative file URL.
    const linked = await client.request<{ html: string }>('mlsd/reviewReport', { uri: uri('docs/search.md'), linkCommand: 'mlsd.openReportLink' });
    const hrefs = [...linked.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('#'));
    assert.ok(hrefs.length > 5, `links: ${hrefs.length}`);
    for (const h of hrefs) assert.match(h, /^command:mlsd\.openReportLink\?/, h);
    const args = hrefs.map((h) => JSON.parse(decodeURIComponent(h.slice(h.indexOf('?') + 1).replace(/&amp;/g, '&'))) as [string, number]);
    assert.ok(args.every(([u]) => u === uri('docs/search.md')));
    const dataLine = designDoc.split('\n').indexOf('## Data preparation');
    assert.ok(args.some(([, line]) => line === dataLine), `a link to the Data preparation heading (line ${dataLine})`);
    assert.match(linked.html, />search\.md<\/a>/, 'the file is named relative to its folder');
    const all2 = await client.request<{ html: string }>('mlsd/reviewReport', { linkCommand: 'mlsd.openReportLink' });
    assert.match(all2.html, />docs\/recipes\.md<\/a>/, 'workspace docs are named relative to the workspace folder');
    assert.ok(all2.html.includes(encodeURIComponent(JSON.stringify([uri('docs/recipes.md'), 0]))), 'and linked by their full URI');
    const odd = await client.request<{ html: string }>('mlsd/reviewReport', { uri: uri('docs/search.md'), linkCommand: 'x"><script>' });
    assert.doesNotMatch(odd.html, /command:/, 'a command id that is not one is not used');
  });
});

describe('language server: Lint Workspace cancelled', () => {
  it('stops between files when cancelled, keeps what is done, and can run again to the end', async () => {
    const root = workspace(40);
    const client = await LspClient.start({ root, settings: { debounceMs: 0 }, sections });
    try {
      const source = new CancellationTokenSource();
      client.connection.onNotification('mlsd/workspaceProgress', (p: { done: number }) => { if (p.done >= 2) source.cancel(); });
      const result = await client.within(client.connection.sendRequest<LintResult>('mlsd/lintWorkspace', { publishDiagnostics: true }, source.token), 'lintWorkspace', 60_000);
      assert.equal(result.cancelled, true);
      assert.equal(result.files, 43);
      assert.ok(result.analysed >= 2 && result.analysed < 43, `analysed ${result.analysed} of 43`);
      const published = [...client.published.keys()].filter((u) => u.startsWith(fileUri(root)));
      assert.ok(published.length >= 2 && published.length < 42, `${published.length} docs published after cancelling`);
      const { indexed } = await client.request<{ indexed: boolean }>('mlsd/workspaceDocs', null);
      assert.equal(indexed, false, 'a cancelled scan is not the whole workspace');

      const again = await client.request<LintResult>('mlsd/lintWorkspace', { publishDiagnostics: true }, 120_000);
      assert.deepEqual(again, { files: 43, analysed: 43, designDocs: 42, cancelled: false });
    } finally {
      await client.shutdown().catch(() => undefined);
      client.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
