// Bundles the extension-host suite (TypeScript) to .test-artifacts/exthost-out/{index,suite}.js.
// `vscode` and `mocha` stay external: the extension host provides the first, node_modules the second.
import * as esbuild from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const OUT = path.join(ROOT, '.test-artifacts', 'exthost-out');

export async function buildExthostSuite() {
  await esbuild.build({
    entryPoints: { index: path.join(ROOT, 'test/e2e/exthost/index.ts'), suite: path.join(ROOT, 'test/e2e/exthost/suite.ts') },
    outdir: OUT, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return path.join(OUT, 'index.js');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildExthostSuite());
