// Bundles the extension-host suites (TypeScript) to .test-artifacts/exthost-out/: index.js + suite.js
// (the trusted run), index-restricted.js + restricted.js (Restricted Mode) and index-no-lm.js + no-lm.js
// (an editor without the language-model API) and index-ru.js + ru.js (the editor in Russian). `vscode` and `mocha`
// stay external: the extension host provides the first, node_modules the second.
import * as esbuild from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const OUT = path.join(ROOT, '.test-artifacts', 'exthost-out');
const src = (f) => path.join(ROOT, 'test/e2e/exthost', f);

/** Returns the entry for the trusted run; the Restricted Mode entry is `restrictedEntry`. */
export async function buildExthostSuite() {
  await esbuild.build({
    entryPoints: {
      index: src('index.ts'), suite: src('suite.ts'),
      'index-restricted': src('index-restricted.ts'), restricted: src('restricted/restricted.test.ts'),
      'index-no-lm': src('index-no-lm.ts'), 'no-lm': src('no-lm/no-lm.test.ts'),
      'index-ru': src('index-ru.ts'), ru: src('ru/ru.test.ts'),
    },
    outdir: OUT, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return path.join(OUT, 'index.js');
}

export const restrictedEntry = path.join(OUT, 'index-restricted.js');
export const noLanguageModelEntry = path.join(OUT, 'index-no-lm.js');
export const russianEntry = path.join(OUT, 'index-ru.js');

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildExthostSuite());
