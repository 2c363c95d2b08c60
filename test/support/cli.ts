/** Runs the real `mlsd` command (bin/mlsd.js → dist/cli.js) as a child process. Never throws on a non-zero exit. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const BIN = path.join(REPO, 'bin', 'mlsd.js');

export interface CliResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function mlsd(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: opts.cwd ?? REPO,
        // No TTY, no colours: the output is what CI logs see.
        env: { ...process.env, NO_COLOR: '1', ...opts.env },
        maxBuffer: 256 * 1024 * 1024,
        timeout: opts.timeoutMs ?? 180_000,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : null) : 0;
        resolve({ code, signal: (error as { signal?: NodeJS.Signals } | null)?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** `mlsd lint --format json …` parsed; fails loudly with the output when it is not JSON. */
export async function lintJson(args: string[], opts: Parameters<typeof mlsd>[1] = {}): Promise<{ result: CliResult; reports: JsonReport[] }> {
  const result = await mlsd(['lint', '--format', 'json', ...args], opts);
  let reports: JsonReport[];
  try {
    reports = JSON.parse(result.stdout) as JsonReport[];
  } catch (e) {
    throw new Error(`stdout is not JSON (${(e as Error).message}); exit ${result.code}\nstdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr.slice(0, 2000)}`);
  }
  return { result, reports };
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, string | number | boolean>;
}

export interface JsonReport {
  file: string;
  isDesignDoc?: boolean;
  steps: { id: string; title: string; status: 'covered' | 'thin' | 'missing'; line: number | null }[];
  findings: JsonFinding[];
  error?: string;
}

/** 1-based line and column of the first occurrence of `needle`. */
export function lineCol(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}
