/**
 * Everything derived from the rule catalogue (server/src/core/rules): each rule's id, default
 * severity and description are written once, in its rule file, and these functions render them
 * into the files that list rules. Pure text → text, so the staleness test (test/unit/generated.test.ts)
 * and the writer (scripts/generate-rule-meta.ts) share one definition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/core/rules';
import { defaultFramework } from '../server/src/knowledge/framework';

export interface GeneratedFile {
  /** Repository-relative path. */
  path: string;
  /** The file as it should be, given its current text. */
  render(current: string): string;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const SEVERITY_WORDS: Record<string, string> = {
  error: 'Report as an error',
  warning: 'Report as a warning',
  info: 'Report as information',
  hint: 'Show as a hint (faded, no Problems entry in most themes)',
  off: 'Do not report',
};
/** package.json names its words by `%key%`; package.nls.json holds them (package.nls.<lang>.json translates). */
const severityKey = (s: string) => `rules.severity.${s}`;
const ruleKey = (id: string) => `rules.${id}.description`;

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function replaceRegion(text: string, name: string, body: string, file: string, source = 'the rule files'): string {
  const start = `<!-- generated:${name} (npm run generate; edit ${source}, not this table) -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file}: missing the markers\n${start}\n${end}`);
  return `${text.slice(0, i + start.length)}\n${body}${text.slice(j)}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\.$/, '');
}

export function readmeTable(): string {
  const rows = rules.map((r) => `| [${r.meta.id}](docs/rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${cell(r.meta.description)} |`);
  return ['| Rule | Default | Flags |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

export function docsTable(): string {
  const rows = rules.map((r) => `| [${r.meta.id}](${r.meta.id}.md) | ${cell(r.meta.description)} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : '-'} |`);
  return ['| Rule | What it flags | Default | Quick fix |', '|---|---|---|---|', ...rows, ''].join('\n');
}

/** The built-in framework's topics with a few of the words that show each anywhere in a doc, and
 * the ones that count only inside the topic's own step (docs/rules/missing-topic.md). */
export function topicsTable(): string {
  const some = (words: string[] | undefined) => (words?.length ? `${words.slice(0, 5).join(', ')}${words.length > 5 ? ', …' : ''}` : '—');
  const rows = defaultFramework.steps.flatMap((s) => s.topics.map((t) =>
    `| \`${s.id}.${t.id}\` | ${cell(t.label)} | ${t.severity} | ${cell(some(t.phrases))} | ${cell(some(t.sectionPhrases))} |`));
  return ['| Topic (`step.topic`) | Label | Severity | Some words that show it anywhere | Words that count only in its own step |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** package.json `contributes.configuration` → `mlsd.rules.properties`: one entry per rule. */
export function renderPackageJson(text: string): string {
  const pkg = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } | { properties: Record<string, { properties?: Record<string, unknown> }> }[] } };
  const configs = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
  const setting = configs.map((c) => c.properties['mlsd.rules']).find(Boolean);
  if (!setting) throw new Error('package.json: no mlsd.rules setting under contributes.configuration');
  setting.properties = Object.fromEntries(rules.map((r) => [r.meta.id, {
    type: 'string',
    enum: SEVERITIES,
    enumDescriptions: SEVERITIES.map((s) => `%${severityKey(s)}%`),
    // No `default` here: VS Code would show it as if set; the rule's own default applies when absent.
    description: `%${ruleKey(r.meta.id)}%`,
  }]));
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** package.nls.json: the English of the `mlsd.rules` setting's entries (every other key is written
 * by hand and kept); a removed rule's key goes. */
export function renderPackageNls(text: string): string {
  const nls = JSON.parse(text) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(nls)) if (!/^rules\.(?!severity\.)[^.]+\.description$/.test(k)) out[k] = v;
  for (const s of SEVERITIES) out[severityKey(s)] = SEVERITY_WORDS[s];
  for (const r of rules) out[ruleKey(r.meta.id)] = `${r.meta.description} Default: ${r.meta.defaultSeverity}.`;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** schemas/config.schema.json: the rule-id enum under `rules.propertyNames`, edited in place so the
 * schema's hand formatting (and everything else in it) stays as written. */
export function renderConfigSchema(text: string): string {
  const re = /("rules"\s*:\s*\{[^]*?"propertyNames"\s*:\s*\{\s*"enum"\s*:\s*)\[[^\]]*\]/;
  if (!re.test(text)) throw new Error('schemas/config.schema.json: no rules.propertyNames.enum');
  return text.replace(re, (_m, head: string) => `${head}${JSON.stringify(rules.map((r) => r.meta.id)).replace(/","/g, '", "')}`);
}

/** A section's text: from its `## heading` line to the next `## ` heading outside a code fence. */
function section(page: string, heading: string): string {
  const lines = page.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${heading}`));
  if (start < 0) return '';
  let fenced = false;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) break;
    out.push(line);
  }
  return out.join('\n');
}

/** server/src/knowledge/rule-explanations.json: what hover on a finding shows — the rule's one line,
 * the first paragraph of its page's "Why it matters" and its "Fails" example — so the editor
 * explains a check without reading docs/rules (the web host has no file system). */
export function renderRuleExplanations(readPage: (id: string) => string): string {
  const out: Record<string, { description: string; why: string; example: string }> = {};
  for (const r of rules) {
    const page = readPage(r.meta.id);
    const why = section(page, 'Why it matters').trim().split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
    const example = /```markdown\n([^]*?)\n```/.exec(section(page, 'Fails'))?.[1] ?? '';
    out[r.meta.id] = { description: r.meta.description, why, example };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

const rootDir = join(__dirname, '..');
const readRulePage = (id: string) => readFileSync(join(rootDir, 'docs/rules', `${id}.md`), 'utf8');

export const generatedFiles: GeneratedFile[] = [
  { path: 'server/src/knowledge/rule-explanations.json', render: () => renderRuleExplanations(readRulePage) },
  { path: 'schemas/config.schema.json', render: renderConfigSchema },
  { path: 'package.json', render: renderPackageJson },
  { path: 'package.nls.json', render: renderPackageNls },
  { path: 'README.md', render: (t) => replaceRegion(t, 'rules', readmeTable(), 'README.md') },
  { path: 'docs/rules/README.md', render: (t) => replaceRegion(t, 'rules', docsTable(), 'docs/rules/README.md') },
  {
    path: 'docs/rules/missing-topic.md',
    render: (t) => replaceRegion(t, 'topics', topicsTable(), 'docs/rules/missing-topic.md', 'server/src/knowledge/frameworks/seven-step.json'),
  },
];
