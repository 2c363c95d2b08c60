/**
 * Open/close storm over JSON-RPC stdio with a client that answers workspace/configuration (as VS Code
 * does): open a doc and close it at once, N times, then let the server settle and read its RSS.
 * `node --import tsx bench/open-close.ts [cycles]` prints one line; bench/run.ts adds it as a row.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rssMb, startServer } from './lsp-client';

export interface OpenCloseResult { cycles: number; startMb: number; peakMb: number; settledMb: number; ms: number }

const designDoc = readFileSync(path.resolve(__dirname, '../test/lsp/fixtures/design-doc.md'), 'utf8');

export async function openCloseCycles(cycles = 3000, settleMs = 15_000): Promise<OpenCloseResult> {
  const { server } = await startServer();
  try {
    // One real analysis first, so the worker and the knowledge bundle are loaded before the start figure.
    const warm = server.diagnosticsFor('file:///bench/warm.md', 1);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bench/warm.md', languageId: 'markdown', version: 1, text: designDoc } });
    await warm;
    await new Promise((r) => setTimeout(r, 1000));
    const startMb = rssMb(server.proc.pid!);
    let peakMb = startMb;
    const t0 = performance.now();
    for (let i = 0; i < cycles; i++) {
      const uri = `file:///bench/open-close-${i}.md`;
      await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: `${designDoc}\n<!-- ${i} -->\n` } });
      await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      if (i % 100 === 99) {
        // A round trip now and then, so the storm does not just pile up in the pipe.
        await server.conn.sendRequest('mlsd/listTemplates', null);
        peakMb = Math.max(peakMb, rssMb(server.proc.pid!));
      }
    }
    await server.conn.sendRequest('mlsd/listTemplates', null);
    const ms = performance.now() - t0;
    const deadline = Date.now() + settleMs;
    let settledMb = rssMb(server.proc.pid!);
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      settledMb = rssMb(server.proc.pid!);
      peakMb = Math.max(peakMb, settledMb);
      if (settledMb <= startMb * 1.3) break;
    }
    return { cycles, startMb, peakMb, settledMb, ms };
  } finally {
    await server.close();
  }
}

export function describeOpenClose(r: OpenCloseResult): string {
  return `- ${r.cycles} didOpen+didClose cycles (workspace/configuration client): server RSS ${r.startMb.toFixed(0)} MB before, ` +
    `peak ${r.peakMb.toFixed(0)} MB, ${r.settledMb.toFixed(0)} MB after settling (${(r.settledMb / r.startMb).toFixed(2)}×); ${(r.ms / 1000).toFixed(1)} s`;
}

if (require.main === module) {
  const cycles = Number(process.argv[2]) || 3000;
  openCloseCycles(cycles).then((r) => console.log(describeOpenClose(r)), (e) => { console.error(e); process.exit(1); });
}
