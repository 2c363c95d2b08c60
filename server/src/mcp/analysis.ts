/**
 * A doc as the MCP tools receive it (a path inside the roots, or its text) → the same analysis
 * `mlsd lint` runs: the file's nearest `.mlsd.json` (or a config object the client passes) and its
 * framework, analysed in the worker with its time limit, the fallback when that fails.
 */
import * as path from 'node:path';
import { checkConfig, type MlsdConfig } from '../core/config';
import type { AnalysisHost } from '../host/analysis-host';
import { formatBytes } from '../host/bounded-read';
import { FileSettings, type FileSettingsResult } from '../host/file-settings';
import { readSmallTextFileSync } from '../host/read-text';
import type { AnalysisSummary } from '../host/summary';
import { ToolInputError } from './result';
import type { Roots } from './roots';

/** Larger docs are refused with a clear message instead of filling the server's memory. */
export const MAX_DOC_BYTES = 10 * 1024 * 1024;

export interface DocInput {
  path?: string;
  text?: string;
  /** For `text`: where the doc would live, so the nearest `.mlsd.json` applies. */
  filename?: string;
  config?: Record<string, unknown>;
  asDesignDoc?: boolean;
}

export interface Analysed {
  /** The real path of the file analysed (or named by `filename`). */
  file?: string;
  summary: AnalysisSummary;
  frameworkText?: string;
  /** Problems in the config or framework used; the defaults stand in for the broken parts. */
  configProblems: string[];
  /** The analysis did not finish (time limit or failure): a too-complex result stands in. */
  fellBack: boolean;
}

export class DocAnalyzer {
  constructor(private readonly host: AnalysisHost, private readonly roots: Roots) {}

  async analyse(input: DocInput): Promise<Analysed> {
    const { file, text } = await this.source(input);
    const configProblems: string[] = [];
    const settings = await this.settings(input.config, file, configProblems);
    const result = await this.host.analyzeOrFallback({ text, config: settings.config, frameworkText: settings.frameworkText, asDesignDoc: input.asDesignDoc || settings.declaredDesignDoc || undefined });
    if (!result.summary) throw new Error('the analysis was cancelled');
    return { file, summary: result.summary, frameworkText: settings.frameworkText, configProblems, fellBack: result.fellBack === true };
  }

  /** Our own bundled text (a case study) with the built-in framework: no files, no config. */
  async analyseBundled(text: string): Promise<AnalysisSummary> {
    const result = await this.host.analyzeOrFallback({ text });
    if (!result.summary) throw new Error('the analysis was cancelled');
    return result.summary;
  }

  private async source(input: DocInput): Promise<{ file?: string; text: string }> {
    const hasPath = input.path !== undefined;
    const hasText = input.text !== undefined;
    if (hasPath === hasText) throw new ToolInputError('give either `path` (a Markdown file inside the roots) or `text` (the doc itself), not both and not neither');
    if (hasText) {
      const text = input.text!;
      // A UTF-8 size is between one and three times the UTF-16 length: measure only when it may be over.
      if (text.length > MAX_DOC_BYTES / 3 && Buffer.byteLength(text) > MAX_DOC_BYTES) {
        throw new ToolInputError(`text is ${formatBytes(Buffer.byteLength(text))}; mlsd analyses docs up to ${formatBytes(MAX_DOC_BYTES)} (split the doc, or pass one part)`);
      }
      return { file: input.filename ? await this.roots.place(input.filename) : undefined, text };
    }
    const file = await this.roots.existingFile(input.path!);
    try {
      return { file, text: readSmallTextFileSync(file, MAX_DOC_BYTES) };
    } catch (e) {
      throw new ToolInputError(`cannot read ${input.path} (${(e as { code?: string }).code ?? String(e)})`);
    }
  }

  /** The client's config object wins over `.mlsd.json`; a framework file it names must be inside the roots. */
  private async settings(configData: Record<string, unknown> | undefined, file: string | undefined, problems: string[]): Promise<FileSettingsResult> {
    const complain = (line: string) => problems.push(line);
    if (configData === undefined) return file ? new FileSettings(undefined, complain).for(file) : {};
    const { config, problems: found } = checkConfig(configData);
    found.forEach((p) => complain(`config: ${p.message} (using defaults for that part)`));
    const roots = await this.roots.list();
    const fixed: MlsdConfig = { ...config };
    if (fixed.framework) fixed.framework = await this.roots.existingFile(path.resolve(roots[0], fixed.framework));
    return new FileSettings({ config: fixed, dir: roots[0] }, complain).for(file ?? path.join(roots[0], 'doc.md'));
  }
}
