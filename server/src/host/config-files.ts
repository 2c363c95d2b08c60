/**
 * Reading `.mlsd.json` and framework files from disk, for the server and the CLI. Config files are
 * cached by path until `invalidate()` (the server calls it when the client reports a file change).
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig, type ConfigProblem, type MlsdConfig } from '../core/config';
import { validateFramework } from '../core/framework';

export interface ConfigFileState { path: string; config: MlsdConfig; problems: ConfigProblem[] }


export class ConfigFiles {
  private cache = new Map<string, ConfigFileState | null>();
  private frameworks = new Map<string, ReturnType<typeof readFramework>>();

  invalidate(): void {
    this.cache.clear();
    this.frameworks.clear();
  }

  /** A framework file, read and validated once until `invalidate()` (not on every keystroke). */
  framework(file: string): ReturnType<typeof readFramework> {
    let fw = this.frameworks.get(file);
    if (!fw) this.frameworks.set(file, (fw = readFramework(file)));
    return fw;
  }

  /** Nearest `.mlsd.json` from the document's folder up to (and including) `stopAt`. */
  find(docPath: string, stopAt?: string): ConfigFileState | undefined {
    let dir = path.dirname(docPath);
    for (let i = 0; i < 40; i++) {
      const candidate = path.join(dir, '.mlsd.json');
      const state = this.read(candidate);
      if (state) return state;
      if (stopAt && path.resolve(dir) === path.resolve(stopAt)) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return undefined;
  }

  private read(file: string): ConfigFileState | undefined {
    if (this.cache.has(file)) return this.cache.get(file) ?? undefined;
    let state: ConfigFileState | null = null;
    try {
      if (statSync(file).isFile()) {
        const { config, problems } = parseConfig(readFileSync(file, 'utf8'));
        state = { path: file, config, problems };
      }
    } catch {
      state = null;
    }
    this.cache.set(file, state);
    return state ?? undefined;
  }
}

export function readFramework(file: string): { text?: string; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { problems: [{ message: `framework file cannot be read (${(e as NodeJS.ErrnoException).code ?? e}); using the built-in seven steps` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [{ message: `framework file is not valid JSON (${(e as Error).message}); using the built-in seven steps` }] };
  }
  const { errors } = validateFramework(data);
  if (errors.length) return { problems: errors.map((m) => ({ message: `framework file: ${m}; using the built-in seven steps` })) };
  return { text, problems: [] };
}

