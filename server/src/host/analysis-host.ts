/**
 * Runs analyses in a worker thread, one at a time, each with a time limit. When a job overruns,
 * the worker is terminated and replaced, and the caller gets `timedOut` so it can keep the last
 * good result and report the doc as too complex. A newer request for the same document replaces
 * an older one still waiting in the queue (typing fast never builds a backlog).
 *
 * `analyzeOrFallback` is the one place a failed analysis becomes a `too-complex` result, with the
 * steps of the framework the request used. Framework files are validated here too
 * (`validateFramework`), so the server's main thread never compiles a JSON Schema.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzeMessage, MessagesMessage, ValidateFrameworkMessage, WorkerResponse } from './analysis-request';
import type { AnalysisSummary } from './summary';
import { fallbackSummary } from './fallback';
import { frameworkOf } from './frameworks';
import { warmUpText } from './warm-up';
import { messagesInUse, type MessageBundle } from '../core/l10n';

export interface HostResult { summary?: AnalysisSummary; timedOut?: boolean; superseded?: boolean; error?: string; ms: number }

/** An analysis that did not finish still has a summary (the fallback); `fellBack` says so. */
export interface SettledResult extends HostResult { fellBack?: boolean }

/** Validating a framework file is not an analysis: it gets this much time whatever the analysis limit. */
const VALIDATE_LIMIT_MS = 30_000;
/** How long a new worker may take to load the core and say it is ready, on top of the job's own limit. */
const STARTUP_LIMIT_MS = 30_000;
/** Event the host emits on a worker once that worker has reported it is ready. */
const READY = 'mlsd-ready';

interface Job { msg: AnalyzeMessage | ValidateFrameworkMessage; limitMs: number; resolve: (r: HostResult & { frameworkErrors?: string[] }) => void }

export class AnalysisHost {
  private worker: Worker | undefined;
  private queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout | undefined; started: number } | undefined;
  /** Workers that have loaded the core and said so (WorkerResponse.ready). */
  private ready = new WeakSet<Worker>();
  private nextId = 1;
  /** The doc model last received per document, filled back in when the worker reports it unchanged. */
  private lastDocs = new Map<string, AnalysisSummary['doc']>();
  restarts = 0;
  private warmedUp = false;
  /** The UI language's messages, handed to every worker as it starts (its findings are in that language). */
  private messages: MessageBundle | undefined;

  constructor(private readonly workerPath: string, public timeoutMs = 5000) {
    this.messages = messagesInUse(); // the shell's language, unless told otherwise (useMessages)
  }

  analyze(request: Omit<AnalyzeMessage, 'type' | 'id'>): Promise<HostResult> {
    return new Promise((resolve) => {
      const msg: AnalyzeMessage = { type: 'analyze', id: this.nextId++, ...request };
      if (msg.key) {
        for (const old of this.queue.filter((j) => keyOf(j) === msg.key)) old.resolve({ superseded: true, ms: 0 });
        this.queue = this.queue.filter((j) => keyOf(j) !== msg.key);
      }
      this.queue.push({ msg, limitMs: this.timeoutMs, resolve });
      this.pump();
    });
  }

  /** Analyse; if that fails, the fallback built from `previous` or the request's framework. */
  async analyzeOrFallback(request: Omit<AnalyzeMessage, 'type' | 'id'>, previous?: AnalysisSummary): Promise<SettledResult> {
    const result = await this.analyze(request);
    if (result.summary || result.superseded) return result;
    return { ...result, fellBack: true, summary: fallbackSummary(result, this.timeoutMs, frameworkOf(request.frameworkText), previous) };
  }

  /** The schema's complaints about a framework file's text (empty: valid), checked in the worker. */
  validateFramework(text: string): Promise<string[]> {
    return new Promise((resolve) => {
      const msg: ValidateFrameworkMessage = { type: 'validate-framework', id: this.nextId++, text };
      this.queue.push({
        msg,
        limitMs: Math.max(this.timeoutMs, VALIDATE_LIMIT_MS),
        resolve: (r) => resolve(r.frameworkErrors ?? [r.timedOut ? 'could not be validated in time' : `could not be validated (${(r.error ?? 'superseded').split('\n')[0]})`]),
      });
      this.pump();
    });
  }

  /** Start the worker now and, once it runs, have it analyse a small design doc (host/warm-up.ts)
   * if no real document is waiting by then: a document opened later finds the core's first-use
   * compilation done (≈0.4 s). When a document is already waiting, it warms the worker itself, and
   * a warm-up in front of it would only delay it. The warm-up gets the validation time limit, not
   * the analysis one (tests shorten that), and nobody waits for its result. */
  warmUp(): void {
    const worker = this.ensureWorker();
    if (this.warmedUp) return;
    this.warmedUp = true;
    worker.once('online', () => {
      if (this.worker !== worker || this.running || this.queue.length) return;
      const msg: AnalyzeMessage = { type: 'analyze', id: this.nextId++, text: warmUpText(frameworkOf(undefined)) };
      this.queue.push({ msg, limitMs: Math.max(this.timeoutMs, VALIDATE_LIMIT_MS), resolve: () => undefined });
      this.pump();
    });
  }

  /** Messages in this language from now on: a new worker gets them as it starts, a running one in
   * its queue (so the job it runs now finishes as it began). */
  useMessages(messages: MessageBundle | undefined): void {
    this.messages = messages;
    this.worker?.postMessage({ type: 'messages', messages } satisfies MessagesMessage);
  }

  /** Drop a document: its queued work, its running analysis (the worker is replaced), its cache. */
  forget(key: string): void {
    this.lastDocs.delete(key);
    for (const j of this.queue.filter((q) => keyOf(q) === key)) j.resolve({ superseded: true, ms: 0 });
    this.queue = this.queue.filter((q) => keyOf(q) !== key);
    const run = this.running;
    if (run && keyOf(run.job) === key) {
      clearTimeout(run.timer);
      this.running = undefined;
      this.replaceWorker();
      run.job.resolve({ superseded: true, ms: 0 });
      this.pump();
      return;
    }
    this.worker?.postMessage({ type: 'forget', key });
  }

  dispose(): void {
    for (const j of this.queue) j.resolve({ superseded: true, ms: 0 });
    this.queue = [];
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.job.resolve({ superseded: true, ms: 0 });
      this.running = undefined;
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { messages: this.messages } });
    worker.unref();
    worker.on('message', (res: WorkerResponse) => {
      if (res.ready) {
        this.ready.add(worker);
        worker.emit(READY);
      } else this.finish(res);
    });
    worker.on('error', (err) => this.crash(worker, String(err?.stack ?? err)));
    worker.on('exit', (code) => { if (this.worker === worker) this.crash(worker, `analysis worker exited with code ${code}`); });
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.running || !this.queue.length) return;
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    const run = { job, timer: undefined as NodeJS.Timeout | undefined, started: performance.now() };
    this.running = run;
    // The limit is for the analysis, not for starting a thread and loading the core into it (slow
    // on a busy machine): a fresh worker's clock starts when it says it is ready.
    const startClock = () => {
      if (this.running !== run) return;
      clearTimeout(run.timer);
      run.started = performance.now();
      run.timer = setTimeout(() => this.overrun(), job.limitMs);
    };
    if (this.ready.has(worker)) startClock();
    else {
      worker.once(READY, startClock);
      run.timer = setTimeout(() => this.overrun(), job.limitMs + STARTUP_LIMIT_MS); // a worker that never starts
    }
    worker.postMessage(job.msg);
  }

  private finish(res: WorkerResponse): void {
    const run = this.running;
    if (!run || run.job.msg.id !== res.id) return;
    clearTimeout(run.timer);
    this.running = undefined;
    if (run.job.msg.type === 'validate-framework') {
      run.job.resolve({ frameworkErrors: res.frameworkErrors ?? [], error: res.error, ms: performance.now() - run.started });
      this.pump();
      return;
    }
    const key = run.job.msg.key;
    let summary: AnalysisSummary | undefined;
    if (res.result && res.docUnchanged && key && this.lastDocs.has(key)) summary = { ...res.result, doc: this.lastDocs.get(key)! };
    else if (res.result && 'doc' in res.result) {
      summary = res.result;
      if (key) this.lastDocs.set(key, summary.doc);
    }
    const error = res.error ?? (res.result && !summary ? 'analysis result lost its document model' : undefined);
    run.job.resolve({ summary, error, ms: performance.now() - run.started });
    this.pump();
  }

  private overrun(): void {
    const run = this.running;
    if (!run) return;
    this.running = undefined;
    this.replaceWorker();
    run.job.resolve({ timedOut: true, ms: performance.now() - run.started });
    this.pump();
  }

  private crash(worker: Worker, error: string): void {
    if (worker !== this.worker) return;
    this.replaceWorker();
    const run = this.running;
    this.running = undefined;
    if (run) {
      clearTimeout(run.timer);
      run.job.resolve({ error, ms: performance.now() - run.started });
    }
    this.pump();
  }

  private replaceWorker(): void {
    this.lastDocs.clear(); // the new worker remembers nothing, so it will send full models
    const old = this.worker;
    this.worker = undefined;
    this.restarts++;
    void old?.terminate();
  }
}

function keyOf(job: Job): string | undefined {
  return job.msg.type === 'analyze' ? job.msg.key : undefined;
}
