/** Extension test entry, `@vscode/test-electron` contract: `run()` runs mocha inside the real extension host. */
import { runMocha } from './run-mocha';

export function run(): Promise<void> { return runMocha('suite.js'); }
