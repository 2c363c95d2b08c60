/** Extension test entry for the run in an editor without the language-model API (no-lm/no-lm.test.ts removes it). */
import { runMocha } from './run-mocha';

export function run(): Promise<void> { return runMocha('no-lm.js'); }
