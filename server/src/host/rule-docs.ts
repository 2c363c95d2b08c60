/** Where a rule's page lives: docs/rules/<id>.md beside the bundle (shipped in the .vsix and the npm package). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';

function docsDir(): string {
  // dist/server.js → ../docs/rules; when run from sources (tests) → ../../../docs/rules.
  for (const rel of ['../docs/rules', '../../../docs/rules', '../../docs/rules']) {
    const dir = path.resolve(__dirname, rel);
    if (existsSync(dir)) return dir;
  }
  return path.resolve(__dirname, '../docs/rules');
}

let dir: string | undefined;

export function ruleDocPath(ruleId: string): string {
  dir ??= docsDir();
  return path.join(dir, `${ruleId}.md`);
}

export function ruleDocUrl(ruleId: string): string {
  return pathToFileURL(ruleDocPath(ruleId)).href;
}
