/**
 * After many documents were closed, ask V8 for one full garbage collection once the server has been
 * idle for a moment. Nothing is retained for a closed document (see analyseNow/onDidClose), but an
 * idle V8 does not collect on its own, so without this the process keeps the pages of thousands of
 * closed texts and looks like it leaks. Costs a few milliseconds, at most once per quiet period.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const CLOSES_BEFORE_SWEEP = 50;
const QUIET_MS = 2000;
const SWEEPS = 3;
const SWEEP_GAP_MS = 1000;

let collect: (() => void) | undefined | null;

function collector(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (exposed) collect = exposed;
      else {
        setFlagsFromString('--expose-gc');
        collect = runInNewContext('gc') as () => void;
      }
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

export class IdleSweep {
  private closes = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Called on every close; a sweep runs once closes have piled up and then stopped for a while. */
  closed(): void {
    this.closes++;
    if (this.closes < CLOSES_BEFORE_SWEEP) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.closes = 0;
      // A few collections, spaced out: V8 hands freed pages back to the system over several.
      let left = SWEEPS;
      const once = () => {
        collector()?.();
        if (--left > 0 && !this.timer) setTimeout(once, SWEEP_GAP_MS).unref();
      };
      once();
    }, QUIET_MS);
    this.timer.unref();
  }
}
