/** Per-document scheduling (server/src/lsp/scheduler.ts) driven directly, with mock timers, no stdio. */
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from '../../server/src/lsp/scheduler';

function setup() {
  const versions = new Map<string, number>();
  const analysed: string[] = [];
  const scheduler = new Scheduler({ analyse: (uri) => analysed.push(`${uri}@${versions.get(uri)}`), versionOf: (uri) => versions.get(uri) });
  return { versions, analysed, scheduler };
}

describe('scheduler', () => {
  it('analyses an open at once, later changes after the debounce, a newer change replacing a pending one', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { versions, analysed, scheduler } = setup();
      versions.set('a', 1);
      scheduler.changed('a', 300);
      assert.deepEqual(analysed, ['a@1']);
      versions.set('a', 2);
      scheduler.changed('a', 300);
      mock.timers.tick(200);
      versions.set('a', 3);
      scheduler.changed('a', 300);
      mock.timers.tick(299);
      assert.deepEqual(analysed, ['a@1'], 'still waiting');
      mock.timers.tick(1);
      assert.deepEqual(analysed, ['a@1', 'a@3'], 'version 2 never analysed on its own');
    } finally {
      mock.timers.reset();
    }
  });

  it('a debounce of 0 analyses every change at once', () => {
    const { versions, analysed, scheduler } = setup();
    versions.set('a', 1);
    scheduler.changed('a', 0);
    versions.set('a', 2);
    scheduler.changed('a', 0);
    assert.deepEqual(analysed, ['a@1', 'a@2']);
  });

  it('fresh() waits for the newest version to be published, not an older one', async () => {
    const { versions, analysed, scheduler } = setup();
    versions.set('a', 1);
    scheduler.changed('a', 0);
    scheduler.published('a', 1);
    await scheduler.fresh('a'); // already fresh: resolves without analysing
    assert.deepEqual(analysed, ['a@1']);
    versions.set('a', 2);
    let done = false;
    const waiting = scheduler.fresh('a').then(() => { done = true; });
    assert.deepEqual(analysed, ['a@1', 'a@2'], 'fresh() starts the analysis');
    scheduler.published('a', 1);
    await Promise.resolve();
    assert.equal(done, false, 'an older result does not release the waiter');
    scheduler.published('a', 2);
    await waiting;
    assert.equal(done, true);
  });

  it('closing releases waiters and cancels a pending analysis', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { versions, analysed, scheduler } = setup();
      versions.set('a', 1);
      scheduler.changed('a', 0);
      versions.set('a', 2);
      const waiting = scheduler.fresh('a');
      versions.set('a', 3);
      scheduler.changed('a', 100);
      scheduler.closed('a');
      versions.delete('a');
      await waiting;
      mock.timers.tick(500);
      assert.deepEqual(analysed, ['a@1', 'a@2']);
      assert.equal(scheduler.tracked('a'), false);
    } finally {
      mock.timers.reset();
    }
  });
});
