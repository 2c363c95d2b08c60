/**
 * The settings side of a document's effective configuration, shared by the Node server and the web
 * worker's: editor settings `mlsd.*` → an MlsdConfig, and the shape both hosts hand the server
 * (lsp/settings.ts reads `.mlsd.json` from disk, lsp/browser/config.ts through the editor's file system).
 */
import * as l10n from '@vscode/l10n';
import { checkConfig, type ConfigProblem, type MlsdConfig } from '../core/config';

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
  /** Problems per file (config files and framework files: a path in Node, a URI in the web; 'settings' for the editor settings). */
  problems: Map<string, ConfigProblem[]>;
  enable: boolean;
  debounceMs: number;
  /** Folder globs are relative to (workspace folder, else the config file's folder). */
  root?: string;
}

export const DEFAULT_DEBOUNCE_MS = 200;

export interface EffectiveOptions {
  /** Restricted Mode (an untrusted workspace): framework files are not read; the built-in steps are used. */
  restricted?: boolean;
}

export function debounceOf(settings: EditorSettings | undefined): number {
  return typeof settings?.debounceMs === 'number' && settings.debounceMs >= 0 ? settings.debounceMs : DEFAULT_DEBOUNCE_MS;
}

export function settingsToConfig(settings: EditorSettings | undefined) {
  if (!settings) return { config: {} as MlsdConfig, problems: [] as ConfigProblem[] };
  const raw: Record<string, unknown> = {};
  if (settings.rules && typeof settings.rules === 'object' && Object.keys(settings.rules).length) raw.rules = settings.rules;
  if (settings.lintMode) raw.lintMode = settings.lintMode;
  if (Array.isArray(settings.designDocGlobs)) raw.designDocGlobs = settings.designDocGlobs;
  if (typeof settings.framework === 'string' && settings.framework.trim()) raw.framework = settings.framework;
  const { config, problems } = checkConfig(raw);
  return { config, problems: problems.map((p) => ({ message: l10n.t('setting mlsd.{0}', p.message) })) };
}
