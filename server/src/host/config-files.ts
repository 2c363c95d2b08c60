/**
 * Reading `.mlsd.json` and framework files from disk, for the server and the CLI. Only regular files
 * up to 1 MB are read (see bounded-read.ts), so a config naming /dev/zero, a FIFO or /dev/stdin is
 * reported instead of blocking or exhausting memory, and at most MAX_PROBLEMS problems are kept per
 * file. Results are cached by path until `invalidate()` (the server calls it when the client reports
 * a file change). The CLI uses the synchronous methods; the server the `…Async` ones, which never
 * block its main thread: given a `validateFramework` (the analysis worker's), the JSON Schema check
 * of a framework file runs there, not here.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parseConfig, type ConfigProblem, type MlsdConfig } from '../core/config';
import { validateFramework } from '../core/framework';
import type { FileReadError } from './bounded-read';
import { readSmallTextFile, readSmallTextFileSync } from './read-text';
import { capProblems } from './cap-problems';

export interface ConfigFileState { path: string; config: MlsdConfig; problems: ConfigProblem[] }
export interface FrameworkFile { text?: string; problems: ConfigProblem[] }
/** The schema's complaints about a framework file's JSON text; empty when it is valid. */
export type FrameworkValidator = (text: string) => Promise<string[]>;

const SEARCH_DEPTH = 40;

export class ConfigFiles {
  private cache = new Map<string, ConfigFileState | null>();
  private frameworks = new Map<string, FrameworkFile>();
  private pendingConfigs = new Map<string, Promise<ConfigFileState | null>>();
  private pendingFrameworks = new Map<string, Promise<FrameworkFile>>();
  /** Bumped by invalidate(), so a read that started before it does not fill the new cache. */
  private generation = 0;

  constructor(private readonly validateAsync?: FrameworkValidator) {}

  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.frameworks.clear();
    this.pendingConfigs.clear();
    this.pendingFrameworks.clear();
  }

  /** A framework file, read and validated once until `invalidate()` (not on every keystroke). */
  framework(file: string): FrameworkFile {
    let fw = this.frameworks.get(file);
    if (!fw) this.frameworks.set(file, (fw = readFramework(file)));
    return fw;
  }

  async frameworkAsync(file: string): Promise<FrameworkFile> {
    const done = this.frameworks.get(file);
    if (done) return done;
    let p = this.pendingFrameworks.get(file);
    if (!p) {
      const gen = this.generation;
      p = readFrameworkAsync(file, this.validateAsync).then((fw) => {
        if (gen === this.generation) {
          this.frameworks.set(file, fw);
          this.pendingFrameworks.delete(file);
        }
        return fw;
      });
      this.pendingFrameworks.set(file, p);
    }
    return p;
  }

  /** Nearest `.mlsd.json` from the document's folder up to (and including) `stopAt`. */
  find(docPath: string, stopAt?: string): ConfigFileState | undefined {
    for (const candidate of candidates(docPath, stopAt)) {
      const state = this.read(candidate);
      if (state) return state;
    }
    return undefined;
  }

  async findAsync(docPath: string, stopAt?: string): Promise<ConfigFileState | undefined> {
    for (const candidate of candidates(docPath, stopAt)) {
      const state = await this.readAsync(candidate);
      if (state) return state;
    }
    return undefined;
  }

  private read(file: string): ConfigFileState | undefined {
    if (this.cache.has(file)) return this.cache.get(file) ?? undefined;
    let state: ConfigFileState | null;
    try {
      state = configState(file, readSmallTextFileSync(file));
    } catch (e) {
      state = unreadableConfig(file, e);
    }
    this.cache.set(file, state);
    return state ?? undefined;
  }

  private async readAsync(file: string): Promise<ConfigFileState | undefined> {
    if (this.cache.has(file)) return this.cache.get(file) ?? undefined;
    let p = this.pendingConfigs.get(file);
    if (!p) {
      const gen = this.generation;
      p = readSmallTextFile(file).then((text) => configState(file, text), (e) => unreadableConfig(file, e)).then((state) => {
        if (gen === this.generation) {
          this.cache.set(file, state);
          this.pendingConfigs.delete(file);
        }
        return state;
      });
      this.pendingConfigs.set(file, p);
    }
    return (await p) ?? undefined;
  }
}

function* candidates(docPath: string, stopAt?: string): Generator<string> {
  let dir = path.dirname(docPath);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (let i = 0; i < SEARCH_DEPTH; i++) {
    yield path.join(dir, '.mlsd.json');
    if (stop && path.resolve(dir) === stop) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
}

function configState(file: string, text: string): ConfigFileState {
  const { config, problems } = parseConfig(text);
  return { path: file, config, problems: capProblems(problems) };
}

/** No `.mlsd.json` there is the normal case (null: keep looking up); one that exists but cannot be read is reported. */
function unreadableConfig(file: string, e: unknown): ConfigFileState | null {
  const code = (e as FileReadError)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'not a regular file (a directory)') return null;
  return { path: file, config: {}, problems: [{ message: l10n.t('cannot be read ({0}); using the defaults', String(code ?? e)) }] };
}

/** JSON text of a framework file → the schema's complaints (empty: valid); null when it is not JSON. */
function parseFramework(text: string): FrameworkFile | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return { problems: [{ message: l10n.t('framework file is not valid JSON ({0}); using the built-in seven steps', (e as Error).message) }] };
  }
}

function checked(text: string, errors: string[]): FrameworkFile {
  if (errors.length) return { problems: capProblems(errors.map((m) => ({ message: l10n.t('framework file: {0}; using the built-in seven steps', m) }))) };
  return { text, problems: [] };
}

export function frameworkFromText(text: string): FrameworkFile {
  return parseFramework(text) ?? checked(text, validateFramework(JSON.parse(text)).errors);
}

function unreadableFramework(e: unknown): FrameworkFile {
  return { problems: [{ message: l10n.t('framework file cannot be read ({0}); using the built-in seven steps', String((e as FileReadError)?.code ?? e)) }] };
}

export function readFramework(file: string): FrameworkFile {
  let text: string;
  try { text = readSmallTextFileSync(file); } catch (e) { return unreadableFramework(e); }
  return frameworkFromText(text);
}

export async function readFrameworkAsync(file: string, validate?: FrameworkValidator): Promise<FrameworkFile> {
  let text: string;
  try { text = await readSmallTextFile(file); } catch (e) { return unreadableFramework(e); }
  if (!validate) return frameworkFromText(text);
  return parseFramework(text) ?? checked(text, await validate(text));
}
