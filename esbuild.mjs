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

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('esbuild: watching');
} else {
  await esbuild.build(options);
}
