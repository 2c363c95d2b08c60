/**
 * For tests that need an initialize the shared LspClient does not send (no workspaceFolders
 * capability, initializationOptions): the built server over stdio, with every notification recorded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER, REPO } from '../support/lsp-client';

export interface RawServer {
  proc: ChildProcess;
  conn: MessageConnection;
  /** Every notification the server sent, in order. */
  notifications: { method: string; params: unknown }[];
  stderr: () => string;
  stop(): Promise<void>;
}

export async function startRaw(initialize: Record<string, unknown>, settings: Record<string, unknown> | null = null): Promise<RawServer> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const notifications: { method: string; params: unknown }[] = [];
  conn.onNotification((method: string, params: unknown) => { notifications.push({ method, params }); });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest(() => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, ...initialize });
  await conn.sendNotification('initialized', {});
  return {
    proc, conn, notifications, stderr: () => stderr,
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      await new Promise((r) => { if (proc.exitCode !== null) r(undefined); else { proc.once('exit', r); setTimeout(() => { proc.kill(); r(undefined); }, 5000).unref(); } });
      conn.dispose();
    },
  };
}

export async function until<T>(what: string, check: () => T | undefined, deadlineMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - start > deadlineMs) throw new Error(`${what}: not seen within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * JSON-RPC written by hand, for params a typed client cannot send (`"params": null`, no params):
 * spawns a server, sends `messages` in order and resolves with the responses by id.
 */
export async function rawExchange(messages: Record<string, unknown>[], deadlineMs = 30_000): Promise<Map<unknown, { result?: unknown; error?: { code: number; message: string } }>> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  const want = new Set(messages.filter((m) => 'id' in m && 'method' in m).map((m) => m.id));
  const responses = new Map<unknown, { result?: unknown; error?: { code: number; message: string } }>();
  let buffer = Buffer.alloc(0);
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`raw exchange: ${want.size - responses.size} answers missing after ${deadlineMs} ms`)), deadlineMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) break;
        const msg = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if ('id' in msg && !('method' in msg)) responses.set(msg.id, msg);
        else if ('id' in msg && 'method' in msg) write({ jsonrpc: '2.0', id: msg.id, result: null }); // server → client requests
      }
      if ([...want].every((id) => responses.has(id))) { clearTimeout(timer); resolve(); }
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const write = (m: unknown) => {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin.write(body);
  };
  for (const m of messages) write({ jsonrpc: '2.0', ...m });
  try {
    await done;
  } finally {
    proc.kill();
  }
  return responses;
}
