/**
 * A document's effective configuration in the web extension, as lsp/settings.ts builds it in Node:
 * defaults < nearest `.mlsd.json` (from the document's folder up to its workspace folder) < editor
 * settings; the framework file it names is read and schema-checked too. Files are URIs, read by the
 * client through `workspace.fs` (the `mlsd/readFile` request), so virtual workspaces work as well.
 */
import * as l10n from '@vscode/l10n';
import { mergeConfigs, parseConfig, type ConfigProblem, type MlsdConfig } from '../../core/config';
import { validateFramework } from '../../core/framework';
import { capProblems } from '../../host/cap-problems';
import { debounceOf, settingsToConfig, type EditorSettings, type Effective, type EffectiveOptions } from '../effective';

/** As in Node (host/config-files.ts): a config file this many folders up is the last one looked at. */
const SEARCH_DEPTH = 32;

/** The text of a file, or undefined when there is none (or it cannot be read). */
export type ReadFile = (uri: string) => Promise<string | undefined>;

interface ConfigFile { uri: string; config: MlsdConfig; problems: ConfigProblem[] }
interface FrameworkFile { text?: string; problems: ConfigProblem[] }

/** The folder a URI is in ('file:///a/b/c.md' → 'file:///a/b'); undefined at the top. */
export function parentUri(uri: string): string | undefined {
  const m = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  const p = (m[2] ?? '/').replace(/\/+$/, '');
  if (!p) return undefined;
  return `${m[1]}${p.slice(0, p.lastIndexOf('/')) || ''}`;
}

/** `rel` resolved against the folder URI `base` (an absolute path replaces the base's path). */
export function resolveUri(base: string, rel: string): string {
  const m = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(base);
  if (/^[a-z][\w+.-]*:\/\//i.test(rel) || !m) return rel;
  const parts = rel.startsWith('/') ? [] : (m[2] ?? '').split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(encodeURIComponent(decodeURIComponent(seg)));
  }
  return `${m[1]}/${parts.join('/')}`;
}

export class WebConfigFiles {
  private configs = new Map<string, Promise<ConfigFile | undefined>>();
  private frameworks = new Map<string, Promise<FrameworkFile>>();

  constructor(private readonly read: ReadFile) {}

  invalidate(): void {
    this.configs.clear();
    this.frameworks.clear();
  }

  async effective(docUri: string, settings: EditorSettings | undefined, roots: string[], options: EffectiveOptions): Promise<Effective> {
    const problems = new Map<string, ConfigProblem[]>();
    const root = roots.filter((r) => docUri.startsWith(`${r.replace(/\/$/, '')}/`)).sort((a, b) => b.length - a.length)[0];
    // Untitled docs have no folder: no config file applies.
    const file = /^[a-z][\w+.-]*:\/\//i.test(docUri) ? await this.nearest(docUri, root) : undefined;
    if (file) problems.set(file.uri, file.problems);
    const fromSettings = settingsToConfig(settings);
    if (fromSettings.problems.length) problems.set('settings', fromSettings.problems);
    const config = mergeConfigs(file?.config, fromSettings.config);
    const fileDir = file ? parentUri(file.uri) : undefined;

    let frameworkText: string | undefined;
    if (config.framework && !options.restricted) {
      // As in Node: a framework named by the setting is relative to the workspace folder, one named by .mlsd.json to that file.
      const base = settings?.framework ? root ?? fileDir : fileDir ?? root;
      if (base) {
        const fwUri = resolveUri(base, config.framework);
        const fw = await this.framework(fwUri);
        if (fw.problems.length) problems.set(fwUri, fw.problems);
        frameworkText = fw.text;
      }
    }
    return { config, frameworkText, problems, enable: settings?.enable !== false, debounceMs: debounceOf(settings), root: root ?? fileDir };
  }

  private async nearest(docUri: string, stopAt: string | undefined): Promise<ConfigFile | undefined> {
    let dir = parentUri(docUri);
    const stop = stopAt?.replace(/\/$/, '');
    for (let i = 0; dir !== undefined && i < SEARCH_DEPTH; i++) {
      const found = await this.config(`${dir}/.mlsd.json`);
      if (found) return found;
      if (stop && dir === stop) break;
      dir = parentUri(dir);
    }
    return undefined;
  }

  private config(uri: string): Promise<ConfigFile | undefined> {
    let p = this.configs.get(uri);
    if (!p) {
      p = this.read(uri).then((text) => {
        if (text === undefined) return undefined;
        const { config, problems } = parseConfig(text);
        return { uri, config, problems: capProblems(problems) };
      });
      this.configs.set(uri, p);
    }
    return p;
  }

  private framework(uri: string): Promise<FrameworkFile> {
    let p = this.frameworks.get(uri);
    if (!p) {
      p = this.read(uri).then((text): FrameworkFile => {
        if (text === undefined) return { problems: [{ message: l10n.t('framework file cannot be read; using the built-in seven steps') }] };
        let data: unknown;
        try { data = JSON.parse(text); } catch (e) {
          return { problems: [{ message: l10n.t('framework file is not valid JSON ({0}); using the built-in seven steps', (e as Error).message) }] };
        }
        const errors = validateFramework(data).errors;
        if (errors.length) return { problems: capProblems(errors.map((m) => ({ message: l10n.t('framework file: {0}; using the built-in seven steps', m) }))) };
        return { text, problems: [] };
      });
      this.frameworks.set(uri, p);
    }
    return p;
  }
}
