/** Extension test entry for the Restricted Mode run (trust enabled, the workspace not trusted). */
import { runMocha } from './run-mocha';

export function run(): Promise<void> { return runMocha('restricted.js'); }
