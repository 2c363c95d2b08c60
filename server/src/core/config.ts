/**
 * `.mlsd.json` and editor settings. Parsing never throws: a broken file yields readable problems
 * (with a line when JSON itself is broken) and the defaults are used.
 */
import * as l10n from '@vscode/l10n';
import type { FrameworkTopic, SeveritySetting } from './types';
import { schemas, validateAgainst } from './validate';
import { editDistance } from './edit-distance';

export interface ExtraTopic extends Partial<FrameworkTopic> { step: string; id: string; label: string; phrases: string[] }

export interface MlsdConfig {
  rules?: Record<string, SeveritySetting>;
  topics?: Record<string, SeveritySetting>;
  extraTopics?: ExtraTopic[];
  framework?: string;
  designDocGlobs?: string[];
  lintMode?: 'designDocs' | 'allMarkdown';
  /** Globs (relative to the .mlsd.json) that `mlsd lint` leaves out when searching folders. */
  ignores?: string[];
}

export interface ConfigProblem { message: string; line?: number; column?: number }
export interface ConfigLoad { config: MlsdConfig; problems: ConfigProblem[] }

export function parseConfig(text: string): ConfigLoad {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    if (at) {
      const before = text.slice(0, Number(at[1]));
      line = before.split('\n').length - 1;
      column = before.length - before.lastIndexOf('\n') - 1;
    }
    return { config: {}, problems: [{ message: l10n.t('not valid JSON: {0}', message), line, column }] };
  }
  return checkConfig(data);
}

/** Validates already-parsed config data (from a file or from `mlsd.*` settings). */
export function checkConfig(data: unknown): ConfigLoad {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { config: {}, problems: [{ message: l10n.t('must be a JSON object') }] };
  }
  const { data: normalised, problems: keyProblems } = checkRuleKeys(withSeverityAliases(data as Record<string, unknown>));
  const problems = [...keyProblems, ...validateAgainst(schemas.config, normalised).map((p) => ({ message: `${p.path || '(root)'} ${p.message}` }))];
  if (!problems.length) return { config: normalised, problems };
  // Keep the parts that are valid so one typo does not switch off the whole file.
  const config: MlsdConfig = {};
  for (const [key, value] of Object.entries(normalised)) {
    const part = { [key]: value };
    if (!validateAgainst(schemas.config, part).length) Object.assign(config, part);
  }
  return { config, problems };
}

/** "warn" is what ESLint users type; it means "warning" (the schema accepts it too). */
const SEVERITY_ALIASES: Record<string, string> = { warn: 'warning' };

function withSeverityAliases(data: Record<string, unknown>): Record<string, unknown> {
  const alias = (v: unknown) => (typeof v === 'string' && SEVERITY_ALIASES[v]) || v;
  const mapValues = (o: unknown) => (o && typeof o === 'object' && !Array.isArray(o)
    ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, alias(v)]))
    : o);
  const out = { ...data };
  if ('rules' in out) out.rules = mapValues(out.rules);
  if ('topics' in out) out.topics = mapValues(out.topics);
  if (Array.isArray(out.extraTopics)) {
    out.extraTopics = out.extraTopics.map((t: unknown) => (t && typeof t === 'object' && 'severity' in t ? { ...t, severity: alias(t.severity) } : t));
  }
  return out;
}

/** The rule ids the schema accepts under `rules` (generated from the rule catalogue). */
const RULE_IDS: readonly string[] = (schemas.config as { properties: { rules: { propertyNames: { enum: string[] } } } }).properties.rules.propertyNames.enum;

/**
 * One problem per unknown rule key, with the closest rule id — instead of the schema's two
 * (an enum listing every rule and "a key that is not allowed") — and the key dropped, so the
 * other rule settings in the file still apply.
 */
function checkRuleKeys(data: Record<string, unknown>): { data: Record<string, unknown>; problems: ConfigProblem[] } {
  const rulesPart = data.rules;
  if (!rulesPart || typeof rulesPart !== 'object' || Array.isArray(rulesPart)) return { data, problems: [] };
  const problems: ConfigProblem[] = [];
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rulesPart)) {
    if (RULE_IDS.includes(key)) { kept[key] = value; continue; }
    const near = closestName(key, RULE_IDS);
    problems.push({ message: near ? l10n.t("rules.{0} is not a rule — did you mean '{1}'?", key, near) : l10n.t('rules.{0} is not a rule (rules: {1})', key, RULE_IDS.join(', ')) });
  }
  return { data: { ...data, rules: kept }, problems };
}

/**
 * The known name nearest to `typed` by edit distance, when close enough to be a typo (at most a
 * third of its letters wrong). Used for config keys here and for commands and flags by the CLI.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) { best = name; bestDistance = d; }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(typed.length, best.length) / 3)) ? best : undefined;
}


/** Later sources win: defaults < .mlsd.json < editor settings. */
export function mergeConfigs(...configs: (MlsdConfig | undefined)[]): MlsdConfig {
  const out: MlsdConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
    if (c.topics) out.topics = { ...out.topics, ...c.topics };
    if (c.extraTopics) out.extraTopics = [...(out.extraTopics ?? []), ...c.extraTopics];
    if (c.framework !== undefined) out.framework = c.framework;
    if (c.designDocGlobs) out.designDocGlobs = c.designDocGlobs;
    if (c.lintMode) out.lintMode = c.lintMode;
  }
  return out;
}

export function extraTopicsByStep(config: MlsdConfig): Record<string, FrameworkTopic[]> {
  const out: Record<string, FrameworkTopic[]> = {};
  for (const t of config.extraTopics ?? []) {
    (out[t.step] ??= []).push({ id: t.id, label: t.label, phrases: t.phrases, severity: t.severity ?? 'warning', why: t.why ?? 'Required by this team\'s .mlsd.json.' });
  }
  return out;
}
