// Bundles the language server, its analysis worker, the CLI (with its MCP server) and the VS Code client into dist/.
// Knowledge files (Markdown, JSON) are bundled as text/json so nothing is read from disk at run time.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const entries = {
  server: 'server/src/lsp/server.ts',
  'analysis-worker': 'server/src/host/analysis-worker.ts',
  cli: 'server/src/cli/main.ts',
  knowledge: 'server/src/knowledge/service.ts',
  mcp: 'server/src/mcp/server.ts',
  extension: 'client/src/extension.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

const options = {
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // ./knowledge.js and ./mcp.js are our own lazily loaded bundles (lsp/features/knowledge-requests.ts,
  // mcp/launch.ts); the MCP SDK is bundled into mcp.js, so the CLI and the .vsix need no node_modules.
  external: ['vscode', './knowledge.js', './mcp.js'],
  loader: { '.md': 'text' },
  sourcemap: 'linked',
  minify: !watch,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies ship ESM that calls createRequire(import.meta.url); give them a real URL in CJS.
  define: { 'import.meta.url': '__mlsdImportMetaUrl' },
  banner: { js: "const __mlsdImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// The web extension (package.json `browser`): the client for the web extension host and the language
// server for its Web Worker, for platform browser. Node built-ins are not provided, so one that slips
// in fails this build (the server's shared code imports vscode-languageserver's common API only).
const web = {
  bundle: true, platform: 'browser', target: 'es2022', minify: !watch, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none',
  loader: { '.md': 'text' },
  define: { 'process.env.NODE_ENV': '"production"' },
};
const webBuilds = [
  { ...web, entryPoints: { 'web/extension': 'client/src/browser/extension.ts' }, outdir: 'dist', format: 'cjs', external: ['vscode'] },
  // A Web Worker has no `document`: the `worker` condition picks packages' worker builds (micromark's
  // character-reference decoder would otherwise take its DOM one).
  { ...web, entryPoints: { 'web/server': 'server/src/lsp/browser/server.ts' }, outdir: 'dist', format: 'iife', conditions: ['worker'] },
].filter((b) => Object.values(b.entryPoints).every((f) => existsSync(f)));

if (watch) {
  for (const o of [options, ...webBuilds]) await (await esbuild.context(o)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all([esbuild.build(options), ...webBuilds.map((o) => esbuild.build(o))]);
}
