/**
 * `mlsd mcp`: the Model Context Protocol server over stdio. It wires the tools (one file each) and
 * the resources to one analysis worker and the client's roots, and runs until the client closes
 * stdin. stdout carries only protocol messages; anything else goes to stderr.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { AnalysisHost } from '../host/analysis-host';
import pkg from '../../../package.json';
import { DocAnalyzer, MAX_DOC_BYTES } from './analysis';
import { caseStudyInput, caseStudyOutput, caseStudyTool } from './case-study';
import { explainInput, explainOutput, explainTool } from './explain';
import { lintInput, lintOutput, lintTool } from './lint';
import { registerResources } from './resources';
import { Roots } from './roots';
import { rulesOutput, rulesTool } from './rules';
import { scaffoldInput, scaffoldOutput, scaffoldTool } from './scaffold';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

export function createMcpServer(workerPath: string): { server: McpServer; dispose: () => void } {
  const server = new McpServer({ name: 'mlsd', title: 'ML system design doc reviewer', version: pkg.version }, { capabilities: { tools: {}, resources: {} } });
  const roots = new Roots(server.server);
  const host = new AnalysisHost(workerPath, Number(process.env.MLSD_ANALYSIS_TIMEOUT_MS) || 10000);
  const analyzer = new DocAnalyzer(host, roots);

  server.registerTool('lint', {
    title: 'Review a design doc',
    description: 'Review an ML system design doc against the seven-step framework: what kind of doc it is, each step\'s status (covered, thin, not started, missing) with its headings, and findings with the reviewer\'s question behind each. Give `path` (inside the roots) or `text`.',
    inputSchema: lintInput,
    outputSchema: lintOutput,
    annotations: READ_ONLY,
  }, lintTool(analyzer));

  server.registerTool('explain', {
    title: 'Explain a rule or ML term',
    description: 'A rule id → the rule\'s page (what it checks, why, how to fix); an ML term → its glossary entry (definition, when to use, pitfall).',
    inputSchema: explainInput,
    outputSchema: explainOutput,
    annotations: READ_ONLY,
  }, explainTool);

  server.registerTool('case_study', {
    title: 'Reference case study',
    description: 'A reference ML system design: by `id`, or the one closest to a doc (`text` or `path`); with `step`, only that step\'s section.',
    inputSchema: caseStudyInput,
    outputSchema: caseStudyOutput,
    annotations: READ_ONLY,
  }, caseStudyTool(analyzer));

  server.registerTool('scaffold', {
    title: 'New design doc from a template',
    description: 'The text of a new design doc from a template and a title. With `path` (inside the roots) it also writes the file, only if nothing exists there yet.',
    inputSchema: scaffoldInput,
    outputSchema: scaffoldOutput,
    annotations: { destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }, scaffoldTool(roots));

  server.registerTool('rules', {
    title: 'List the rules',
    description: 'The rule catalogue: id, default severity, what each rule flags.',
    outputSchema: rulesOutput,
    annotations: READ_ONLY,
  }, rulesTool);

  registerResources(server);
  return { server, dispose: () => host.dispose() };
}

/** Serves until stdin closes; resolves with the exit code. */
export async function runMcp(args: string[], workerPath: string): Promise<number> {
  if (args.length) {
    process.stderr.write(`mlsd: mcp takes no arguments (got ${args.join(' ')}); register 'mlsd mcp' as a stdio server in your MCP client\n`);
    return 2;
  }
  const { server, dispose } = createMcpServer(workerPath);
  // A doc of MAX_DOC_BYTES, JSON-escaped, fits in one message; a larger one is refused by the tool, not the transport.
  const transport = new StdioServerTransport(process.stdin, process.stdout, { maxBufferSize: 4 * MAX_DOC_BYTES });
  // A line that is not JSON-RPC is reported here and skipped; the server keeps serving.
  server.server.onerror = (err) => process.stderr.write(`mlsd mcp: ${err.message.split('\n')[0]}\n`);
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    server.server.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
  dispose();
  await server.close().catch(() => undefined);
  return 0;
}
