/**
 * Effective configuration for one document in the editor: defaults < nearest `.mlsd.json`
 * (searched from the document's folder up to its workspace folder) < editor settings `mlsd.*`
 * for that resource. Problems are returned so the server can show them on the file that has them.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkConfig, mergeConfigs, type ConfigProblem, type MlsdConfig } from '../core/config';
import { ConfigFiles } from '../host/config-files';

export { ConfigFiles };

export interface EditorSettings {
  enable?: boolean;
  debounceMs?: number;
  rules?: Record<string, string>;
  lintMode?: string;
  designDocGlobs?: string[];
  framework?: string;
}

export interface Effective {
  config: MlsdConfig;
  frameworkText?: string;
  /** Problems per file path (config files and framework files). */
  problems: Map<string, ConfigProblem[]>;
  enable: boolean;
  debounceMs: number;
  /** Folder globs are relative to (workspace folder, else the config file's folder). */
  root?: string;
}

export const DEFAULT_DEBOUNCE_MS = 200;

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export interface EffectiveOptions {
  /** Restricted Mode (an untrusted workspace): framework files are not read; the built-in steps are used. */
  restricted?: boolean;
}

/** Files are read asynchronously (bounded, regular files only), so the server's main thread never waits on them. */
export async function effectiveConfig(
  docUri: string, settings: EditorSettings | undefined, files: ConfigFiles, workspaceRoots: string[], options: EffectiveOptions = {},
): Promise<Effective> {
  const problems = new Map<string, ConfigProblem[]>();
  const docPath = uriToPath(docUri);
  const root = docPath ? workspaceRoots.filter((r) => docPath.startsWith(r + path.sep)).sort((a, b) => b.length - a.length)[0] : undefined;
  const file = docPath ? await files.findAsync(docPath, root) : undefined;
  if (file) problems.set(file.path, file.problems);

  const fromSettings = settingsToConfig(settings);
  if (fromSettings.problems.length) problems.set('settings', fromSettings.problems);
  const config = mergeConfigs(file?.config, fromSettings.config);

  let frameworkText: string | undefined;
  if (config.framework && !options.restricted) {
    const base = settings?.framework ? root ?? (file ? path.dirname(file.path) : undefined) : file ? path.dirname(file.path) : root;
    const fwPath = path.resolve(base ?? process.cwd(), config.framework);
    const fw = await files.frameworkAsync(fwPath);
    if (fw.problems.length) problems.set(fwPath, fw.problems);
    frameworkText = fw.text;
  }
  return {
    config,
    frameworkText,
    problems,
    enable: settings?.enable !== false,
    debounceMs: typeof settings?.debounceMs === 'number' && settings.debounceMs >= 0 ? settings.debounceMs : DEFAULT_DEBOUNCE_MS,
    root: root ?? (file ? path.dirname(file.path) : undefined),
  };
}

function settingsToConfig(settings: EditorSettings | undefined) {
  if (!settings) return { config: {} as MlsdConfig, problems: [] as ConfigProblem[] };
  const raw: Record<string, unknown> = {};
  if (settings.rules && typeof settings.rules === 'object' && Object.keys(settings.rules).length) raw.rules = settings.rules;
  if (settings.lintMode) raw.lintMode = settings.lintMode;
  if (Array.isArray(settings.designDocGlobs)) raw.designDocGlobs = settings.designDocGlobs;
  if (typeof settings.framework === 'string' && settings.framework.trim()) raw.framework = settings.framework;
  const { config, problems } = checkConfig(raw);
  return { config, problems: problems.map((p) => ({ message: `setting mlsd.${p.message}` })) };
}
