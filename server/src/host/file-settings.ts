/**
 * What a file on disk is analysed with: the nearest `.mlsd.json` (or one fixed `--config`) and the
 * framework file it names. One place for every command that walks files (`lint`, `report`), so they
 * find the same config and report each config or framework problem once per run, not once per file.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { MlsdConfig } from '../core/config';
import { ConfigFiles } from './config-files';
import { isDeclaredDesignDoc } from './design-doc-globs';

/** Where the search for .mlsd.json stops: the enclosing repository, else the current folder. */
export function projectRoot(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) break;
  }
  const cwd = process.cwd();
  return file.startsWith(cwd + path.sep) ? cwd : undefined;
}

export interface FileSettingsResult {
  config?: MlsdConfig;
  frameworkText?: string;
  /** Whether the config's `designDocGlobs` (or the default ones) name the file: lint it as a design doc. */
  declaredDesignDoc?: boolean;
}

export class FileSettings {
  private readonly configFiles = new ConfigFiles();
  private readonly reported = new Set<string>();

  /** `fixed`: a `--config` file already read, used for every file; `complain`: one line per problem. */
  constructor(private readonly fixed: { config: MlsdConfig; dir: string } | undefined, private readonly complain: (line: string) => void) {}

  for(file: string): FileSettingsResult {
    let config = this.fixed?.config;
    let configDir = this.fixed?.dir;
    if (!this.fixed) {
      const found = this.configFiles.find(path.resolve(file), projectRoot(path.resolve(file)));
      if (found) {
        config = found.config;
        configDir = path.dirname(found.path);
        const shown = path.relative(process.cwd(), found.path) || found.path;
        this.once(found.path, found.problems.map((p) => `${shown}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message} (using defaults for that part)`));
      }
    }
    // Globs are read from the config's folder, as the editor reads them from the workspace folder.
    const absolute = path.resolve(file);
    const declaredDesignDoc = isDeclaredDesignDoc(absolute, configDir ?? projectRoot(absolute) ?? process.cwd(), config?.designDocGlobs);
    if (!config?.framework) return { config, declaredDesignDoc };
    const fwPath = path.resolve(configDir ?? process.cwd(), config.framework);
    const fw = this.configFiles.framework(fwPath);
    this.once(fwPath, fw.problems.map((p) => `${fwPath}: ${p.message}`));
    return { config, frameworkText: fw.text, declaredDesignDoc };
  }

  private once(key: string, lines: string[]): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    lines.forEach(this.complain);
  }
}
