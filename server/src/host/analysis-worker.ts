/**
 * The analysis worker thread. The server and the CLI run the core here so that a pathological
 * document can be stopped (worker terminated) without taking the main thread down with it.
 * Keeps one parse cache per open document for incremental re-analysis.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './analysis-request';
import { runAnalysis, ParseCache } from './run-analysis';
import { validateFramework } from '../core/framework';
import { useMessages, type MessageBundle } from '../core/l10n';

// The host's UI language: findings are written in it (core/l10n.ts).
useMessages((workerData as { messages?: MessageBundle } | null)?.messages);

const caches = new Map<string, ParseCache>();
const lastDocs = new Map<string, unknown>();

/** Structural equality of plain data (what a DocSummary is made of). Objects met twice (a step's
 * headings are also the doc's headings) are compared once. */
function same(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], seen)) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen)) return false;
  if (ka.length > 2) seen.set(a, b); // remember whole records, not every small range object
  return true;
}

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'messages') {
    useMessages(msg.messages);
    return;
  }
  if (msg.type === 'forget') {
    caches.delete(msg.key);
    lastDocs.delete(msg.key);
    return;
  }
  if (msg.type === 'validate-framework') {
    let frameworkErrors: string[];
    try { frameworkErrors = validateFramework(JSON.parse(msg.text)).errors; } catch (err) { frameworkErrors = [`not valid JSON (${(err as Error).message})`]; }
    parentPort!.postMessage({ id: msg.id, frameworkErrors } satisfies WorkerResponse);
    return;
  }
  let cache: ParseCache | undefined;
  if (msg.key) {
    cache = caches.get(msg.key);
    if (!cache) caches.set(msg.key, (cache = new ParseCache()));
  }
  let response: WorkerResponse;
  try {
    const result = runAnalysis(msg, cache);
    if (msg.key && same(lastDocs.get(msg.key), result.doc)) {
      const { doc: _unchanged, ...rest } = result;
      response = { id: msg.id, result: rest, docUnchanged: true };
    } else {
      if (msg.key) lastDocs.set(msg.key, result.doc);
      response = { id: msg.id, result };
    }
  } catch (err) {
    response = { id: msg.id, error: String((err as Error)?.stack ?? err) };
  }
  parentPort!.postMessage(response);
});

parentPort?.postMessage({ id: 0, ready: true } satisfies WorkerResponse);
