/**
 * What every tool hands back: a structured result with a text rendering of it (for clients that
 * show only text), or an error result with one clear line. Bad input is a ToolInputError, which the
 * tools turn into an error result; the server never crashes on it.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export class ToolInputError extends Error {}

export function ok(structured: object, text: string): CallToolResult {
  return { structuredContent: structured as Record<string, unknown>, content: [{ type: 'text', text }] };
}

export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** Runs a tool body; input errors and unexpected failures alike become an error result. */
export async function guarded(body: () => CallToolResult | Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ToolInputError) return toolError(e.message);
    return toolError(`mlsd: unexpected error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
}
