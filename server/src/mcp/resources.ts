/**
 * Resources: each rule's page (mlsd://rules/<id>) and each case study (mlsd://case-studies/<id>),
 * as Markdown, listed so a client can browse them and read one by URI.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { findRule, rules } from '../core/rules';
import { caseStudies, findCaseStudy } from '../knowledge/case-studies';
import { caseStudyUri, rulePage, ruleUri } from './rule-pages';

const MARKDOWN = 'text/markdown';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function registerResources(server: McpServer): void {
  server.registerResource(
    'rule-page',
    new ResourceTemplate('mlsd://rules/{id}', {
      list: () => ({
        resources: rules.map((r) => ({ uri: ruleUri(r.meta.id), name: r.meta.id, description: r.meta.description, mimeType: MARKDOWN })),
      }),
      complete: { id: (prefix) => rules.map((r) => r.meta.id).filter((id) => id.startsWith(prefix)) },
    }),
    { title: 'mlsd rule page', description: 'What a rule checks, why it matters and how to fix a finding.', mimeType: MARKDOWN },
    (uri, { id }) => {
      const rule = findRule(one(id));
      if (!rule) throw new McpError(ErrorCode.InvalidParams, `no rule '${one(id)}' (the rules tool lists them)`);
      return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text: rulePage(rule) }] };
    },
  );
  server.registerResource(
    'case-study',
    new ResourceTemplate('mlsd://case-studies/{id}', {
      list: () => ({
        resources: caseStudies().map((c) => ({ uri: caseStudyUri(c.id), name: c.id, title: c.title, description: c.summary, mimeType: MARKDOWN })),
      }),
      complete: { id: (prefix) => caseStudies().map((c) => c.id).filter((id) => id.startsWith(prefix)) },
    }),
    { title: 'mlsd case study', description: 'A reference ML system design worked through the seven steps.', mimeType: MARKDOWN },
    (uri, { id }) => {
      const cs = findCaseStudy(one(id));
      if (!cs) throw new McpError(ErrorCode.InvalidParams, `no case study '${one(id)}'`);
      return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text: cs.markdown }] };
    },
  );
}
