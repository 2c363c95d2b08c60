/** Extension test entry for the run with the editor in Russian (ru/ru.test.ts). */
import { runMocha } from './run-mocha';

export function run(): Promise<void> { return runMocha('ru.js'); }
