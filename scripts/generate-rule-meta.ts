/** `npm run generate`: rewrites the files derived from the rule catalogue (see scripts/rule-meta.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from './rule-meta';

const root = join(__dirname, '..');
for (const f of generatedFiles) {
  const file = join(root, f.path);
  const current = readFileSync(file, 'utf8');
  const next = f.render(current);
  if (next !== current) {
    writeFileSync(file, next);
    console.log(`generated ${f.path}`);
  }
}
