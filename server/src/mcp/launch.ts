/**
 * How `mlsd mcp` starts: the MCP server and its SDK are their own bundle, dist/mcp.js, loaded only
 * for this command, so `mlsd lint` and the other commands do not pay for loading them.
 */
type McpModule = typeof import('./server');

export function launchMcp(args: string[], workerPath: string): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/mcp.js, beside dist/cli.js
  return (require('./mcp.js') as McpModule).runMcp(args, workerPath);
}
