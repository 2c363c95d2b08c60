/** Register handlers for the typed declarations of protocol.ts, so a handler's params and result are checked against the wire types. */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { WireNotification, WireRequest } from '../protocol';

export function handle<P, R>(connection: Connection, request: WireRequest<P, R>, handler: (params: P, token: CancellationToken) => R | Promise<R>): void {
  // By method name: the typed overloads of vscode-languageserver read params.workDoneToken before our
  // handler runs, and fail on null params (see server.ts). Checked here, so the cast loses nothing.
  connection.onRequest(request.method, handler as (params: unknown, token: CancellationToken) => unknown);
}

export function notify<P>(connection: Connection, notification: WireNotification<P>, params: P): Promise<void> {
  return connection.sendNotification(notification.method, params);
}
