// Runs the same extension-host suite under desktop VS Code with @vscode/test-electron, where VS Code
// can be downloaded (not on the CI machines: there test/e2e/exthost.test.mjs runs it in code-server).
// Needs `npm i -D @vscode/test-electron` (not a dependency of the project).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExthostSuite } from './build.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let runTests;
try { ({ runTests } = await import('@vscode/test-electron')); } catch {
  console.error('@vscode/test-electron is not installed: npm i -D @vscode/test-electron (or use `npm run test:e2e`, which runs this suite in code-server)');
  process.exit(2);
}
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-electron-'));
fs.cpSync(path.join(ROOT, 'test/e2e/fixtures/workspace'), ws, { recursive: true });
const extensionTestsPath = await buildExthostSuite();
try {
  await runTests({ extensionDevelopmentPath: ROOT, extensionTestsPath, launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'] });
} catch (err) {
  console.error(err);
  process.exit(1);
}
