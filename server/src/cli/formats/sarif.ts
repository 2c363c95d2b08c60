/** SARIF 2.1.0, in the subset GitHub code scanning reads. */
import type { FileReport } from '../report';
import { rules } from '../../core/rules';
import { readFileSync } from 'node:fs';
import { ruleDocPath } from '../../host/rule-docs';

/** The rule's page, shipped inside the SARIF so code scanning can show it wherever it runs. */
function help(ruleId: string, fallback: string): { text: string; markdown: string } {
  try {
    const markdown = readFileSync(ruleDocPath(ruleId), 'utf8');
    return { text: markdown, markdown };
  } catch {
    return { text: fallback, markdown: fallback };
  }
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(reports: FileReport[], version: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results = reports.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: r.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : 1) },
        },
      }],
      // The finding's other places (the second value of an inconsistent number), as code scanning shows them.
      ...(f.related?.length ? {
        relatedLocations: f.related.map((rel, id) => ({
          id,
          message: { text: rel.message },
          physicalLocation: { artifactLocation: { uri: r.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' }, region: { startLine: rel.line, startColumn: rel.column } },
        })),
      } : {}),
      ...(Object.keys(f.data).length ? { properties: f.data } : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'mlsd',
          version,
          // No informationUri: the package has no public page yet (it is not on the npm registry).
          rules: rules.map((r) => ({
            id: r.meta.id,
            name: r.meta.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: r.meta.description },
            help: help(r.meta.id, r.meta.description),
            defaultConfiguration: { level: r.meta.defaultSeverity === 'off' ? 'none' : LEVEL[r.meta.defaultSeverity] },
            properties: { tags: r.meta.tags },
          })),
        },
      },
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
