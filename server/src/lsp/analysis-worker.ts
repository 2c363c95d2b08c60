/**
 * The analysis worker thread. The server and the CLI run the core here so that a pathological
 * document can be stopped (worker terminated) without taking the main thread down with it.
 * Keeps one parse cache per open document for incremental re-analysis.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from '../host/analysis-request';
import { runAnalysis, ParseCache } from '../host/run-analysis';

const caches = new Map<string, ParseCache>();

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'forget') {
    caches.delete(msg.key);
    return;
  }
  let cache: ParseCache | undefined;
  if (msg.key) {
    cache = caches.get(msg.key);
    if (!cache) caches.set(msg.key, (cache = new ParseCache()));
  }
  let response: WorkerResponse;
  try {
    response = { id: msg.id, result: runAnalysis(msg, cache) };
  } catch (err) {
    response = { id: msg.id, error: String((err as Error)?.stack ?? err) };
  }
  parentPort!.postMessage(response);
});
