/**
 * `.mlsd.json` and editor settings. Parsing never throws: a broken file yields readable problems
 * (with a line when JSON itself is broken) and the defaults are used.
 */
import type { FrameworkTopic, SeveritySetting } from './types';
import { schemas, validateAgainst } from './validate';

export interface ExtraTopic extends Partial<FrameworkTopic> { step: string; id: string; label: string; phrases: string[] }

export interface MlsdConfig {
  rules?: Record<string, SeveritySetting>;
  topics?: Record<string, SeveritySetting>;
  extraTopics?: ExtraTopic[];
  framework?: string;
  designDocGlobs?: string[];
  lintMode?: 'designDocs' | 'allMarkdown';
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
    return { config: {}, problems: [{ message: `not valid JSON: ${message}`, line, column }] };
  }
  return checkConfig(data);
}

/** Validates already-parsed config data (from a file or from `mlsd.*` settings). */
export function checkConfig(data: unknown): ConfigLoad {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { config: {}, problems: [{ message: 'must be a JSON object' }] };
  }
  const problems = validateAgainst(schemas.config, data).map((p) => ({ message: `${p.path || '(root)'} ${p.message}` }));
  if (!problems.length) return { config: data, problems };
  // Keep the parts that are valid so one typo does not switch off the whole file.
  const config: MlsdConfig = {};
  for (const [key, value] of Object.entries(data)) {
    const part = { [key]: value };
    if (!validateAgainst(schemas.config, part).length) Object.assign(config, part);
  }
  return { config, problems };
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
