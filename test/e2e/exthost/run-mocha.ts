/**
 * Runs one bundled mocha file inside the extension host and logs each result as one
 * `MLSD-RESULT {json}` line, so the code-server runner (test/e2e/exthost.test.mjs) can report them
 * through the node test runner. Shared by the trusted suite (index.ts) and Restricted Mode (index-restricted.ts).
 */
import * as path from 'node:path';
import Mocha from 'mocha';

export function runMocha(file: string): Promise<void> {
  // MLSD_EXTHOST_GREP (inherited through code-server): run only the matching tests while working on them.
  const grep = process.env.MLSD_EXTHOST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host tests failed`)) : resolve()));
    const report = (state: string, t: Mocha.Test, err?: Error) =>
      console.log(`MLSD-RESULT ${JSON.stringify({ title: t.fullTitle(), state, duration: t.duration ?? 0, error: err ? `${err.message}\n${err.stack ?? ''}` : undefined })}`);
    runner.on('pass', (t: Mocha.Test) => report('passed', t));
    runner.on('fail', (t: Mocha.Test, err: Error) => report('failed', t, err));
    runner.on('pending', (t: Mocha.Test) => report('skipped', t));
  });
}
