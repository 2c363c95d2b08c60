/**
 * Defensive reading of request params: a client (or a fuzzer) may send null, or leave fields out.
 * Handlers use these so a malformed request gets an empty answer, never an internal error.
 */
import type { Position } from 'vscode-languageserver';

export function uriParam(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

export function positionParam(params: unknown): Position | undefined {
  const p = (params as { position?: { line?: unknown; character?: unknown } } | null | undefined)?.position;
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || (p.line as number) < 0 || (p.character as number) < 0) return undefined;
  return { line: p.line as number, character: p.character as number };
}
