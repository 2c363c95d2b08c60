/**
 * `--jobs N`: analyse files on N worker threads at once, and still report them in input order.
 * Each lane owns one AnalysisHost (one worker, with its own time limit and restart on overrun), and
 * takes the next file as soon as it is free, so one slow doc does not hold up the others.
 */
import * as os from 'node:os';
import { AnalysisHost } from '../host/analysis-host';

/**
 * Runs `work` over `items` with at most `lanes` calls in flight; result i belongs to item i whatever
 * order they finish in. `work` gets the lane number, so a lane can keep its own resources.
 */
export async function mapInOrder<T, R>(items: readonly T[], lanes: number, work: (item: T, index: number, lane: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (id: number) => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i, id);
    }
  };
  const count = Math.max(1, Math.min(lanes, items.length));
  await Promise.all(Array.from({ length: count }, (_, id) => lane(id)));
  return results;
}

/** `--jobs` text → a lane count; undefined means the default (one per core the process may use). */
export function parseJobs(value: string | undefined): number | string {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) return `--jobs must be a whole number of at least 1 (got '${value}')`;
  return n;
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** One AnalysisHost per lane, each started only when its lane first needs it. */
export class HostPool {
  private readonly hosts: (AnalysisHost | undefined)[] = [];
  /** How many analyses the workers ran (cache hits never reach a host). */
  analyses = 0;

  constructor(private readonly workerPath: string, private readonly timeoutMs: number) {}

  host(lane: number): AnalysisHost {
    this.analyses++;
    return (this.hosts[lane] ??= new AnalysisHost(this.workerPath, this.timeoutMs));
  }

  dispose(): void {
    for (const h of this.hosts) h?.dispose();
  }
}
