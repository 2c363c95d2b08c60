import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AnalysisHost } from '../../server/src/host/analysis-host';
import { fixturesDir } from './support/fixtures';

const worker = (name: string) => join(fixturesDir, 'workers', name);

describe('analysis host: the time limit', () => {
  it('does not count the time a new worker takes to load (1.5 s load, 0.5 s limit)', async () => {
    const host = new AnalysisHost(worker('slow-start-worker.mjs'), 500);
    try {
      const result = await host.analyze({ text: '# A doc\n' });
      assert.equal(result.timedOut, undefined, 'the request was not cut off by the loading time');
      assert.match(String(result.error), /stand-in worker/);
    } finally {
      host.dispose();
    }
  });

  it('still stops an analysis that runs past the limit once the worker is ready', async () => {
    const host = new AnalysisHost(worker('silent-worker.mjs'), 300);
    try {
      const result = await host.analyze({ text: '# A doc\n' });
      assert.equal(result.timedOut, true);
      assert.equal(host.restarts, 1, 'the stuck worker was replaced');
    } finally {
      host.dispose();
    }
  });
});
