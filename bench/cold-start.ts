/**
 * Cold start over stdio: spawn dist/server.js, initialize, open a design doc at once, and time the
 * first publishDiagnostics — the server's share of "activation → first squiggle" (the extension-host
 * suite measures the whole path in a real editor; see test/e2e/exthost/activation.test.ts).
 * Default settings (the real debounce), five fresh servers; prints the median.
 * Usage: node --import tsx bench/cold-start.ts [--append]   (--append adds its lines to bench/results.md;
 * `npm run bench` includes them in the table it writes)
 */
import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp-client';

const DOC = path.resolve(__dirname, '../test/e2e/fixtures/workspace/design-docs/podcast-recs.md');
const RUNS = 5;

/** `openAfterMs` > 0: the doc is opened that long after initialize (a doc opened later in the session,
 * when the worker has warmed up), and the time counts from the open. */
async function once(openAfterMs = 0): Promise<{ initMs: number; firstMs: number }> {
  let t0 = performance.now();
  const { server, initMs } = await startServer({});            // {} = the user's defaults, debounce included
  if (openAfterMs) {
    await new Promise((r) => setTimeout(r, openAfterMs));
    t0 = performance.now();
  }
  const uri = pathToFileURL(DOC).href;
  const first = server.diagnosticsFor(uri, 1);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(DOC, 'utf8') } });
  await first;
  const firstMs = performance.now() - t0;
  await server.close();
  return { initMs, firstMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median cold start over `runs` fresh servers (ms), and when initialize answered. */
export async function measureColdStart(runs = RUNS): Promise<{ firstMs: number; initMs: number; all: number[]; laterMs: number }> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const later = [];
  for (let i = 0; i < runs; i++) later.push((await once(LATER_OPEN_MS)).firstMs);
  return { firstMs: median(results.map((r) => r.firstMs)), initMs: median(results.map((r) => r.initMs)), all: results.map((r) => r.firstMs), laterMs: median(later) };
}

/** A doc opened this long after the server started finds the worker warmed up (host/warm-up.ts). */
const LATER_OPEN_MS = 1500;

export const coldStartLine = (c: { firstMs: number; initMs: number; all: number[]; laterMs: number }) =>
  `- cold start over stdio (server spawn → first diagnostics of a design doc, default settings): median ${c.firstMs.toFixed(0)} ms of ${c.all.length} ` +
  `(initialize answered at ${c.initMs.toFixed(0)} ms; runs ${c.all.map((x) => x.toFixed(0)).join(', ')} ms); ` +
  `a doc opened ${LATER_OPEN_MS / 1000} s after start: open → first diagnostics median ${c.laterMs.toFixed(0)} ms`;

/** The editor's figure, recorded by the extension-host suite in .test-artifacts/activation.json. */
export function editorColdStartLine(): string | undefined {
  const act = path.resolve(__dirname, '../.test-artifacts/activation.json');
  try {
    const a = JSON.parse(readFileSync(act, 'utf8')) as { firstDiagnosticsMs?: number; serverReadyMs?: number; measuredAt?: string };
    if (typeof a.firstDiagnosticsMs !== 'number') return undefined;
    return `- cold start in code-server (extension-host suite, ${a.measuredAt ?? 'last e2e run'}): activation → first diagnostics ${a.firstDiagnosticsMs.toFixed(0)} ms (server ready ${a.serverReadyMs?.toFixed(0)} ms)`;
  } catch { return undefined; }
}

if (require.main === module) {
  void (async () => {
    const lines = [coldStartLine(await measureColdStart()), editorColdStartLine()].filter((l): l is string => !!l);
    console.log(lines.join('\n'));
    if (process.argv.includes('--append')) appendFileSync(path.resolve(__dirname, 'results.md'), lines.join('\n') + '\n');
  })();
}
