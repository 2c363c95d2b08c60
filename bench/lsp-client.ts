/** Minimal LSP client over stdio for the benchmark: spawn the built server, talk JSON-RPC. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface BenchServer {
  proc: ChildProcess;
  conn: MessageConnection;
  /** Resolves when diagnostics for (uri, version) arrive. */
  diagnosticsFor(uri: string, version: number): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function startServer(settings: Record<string, unknown> = { debounceMs: 0 }): Promise<{ server: BenchServer; initMs: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [path.resolve(__dirname, '../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map<string, (d: unknown[]) => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.(p.diagnostics);
    waiting.delete(key);
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  const initMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  return {
    initMs,
    server: {
      proc,
      conn,
      diagnosticsFor: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
      async close() {
        await conn.sendRequest('shutdown').catch(() => undefined);
        await conn.sendNotification('exit').catch(() => undefined);
        conn.dispose();
        proc.kill();
      },
    },
  };
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
