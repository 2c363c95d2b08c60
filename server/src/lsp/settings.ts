/**
 * Effective configuration for one document in the editor: defaults < nearest `.mlsd.json`
 * (searched from the document's folder up to its workspace folder) < editor settings `mlsd.*`
 * for that resource. Problems are returned so the server can show them on the file that has them.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeConfigs, type ConfigProblem } from '../core/config';
import { debounceOf, DEFAULT_DEBOUNCE_MS, settingsToConfig, type EditorSettings, type Effective, type EffectiveOptions } from './effective';
import { ConfigFiles } from '../host/config-files';

export { ConfigFiles };

export type { EditorSettings, Effective, EffectiveOptions };
export { DEFAULT_DEBOUNCE_MS };

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
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
    debounceMs: debounceOf(settings),
    root: root ?? (file ? path.dirname(file.path) : undefined),
  };
}
