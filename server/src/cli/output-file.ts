/**
 * `--output-file FILE`: the report goes to a file, written whole or not at all — to a temporary file
 * beside it, then renamed over it — so a CI step that reads it never sees half a report, and a failed
 * run does not leave the previous report truncated. Missing parent folders are made (report folders
 * such as `reports/` often do not exist in a fresh checkout).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Writes `text` to `file`; returns one line saying what went wrong, or undefined. */
export function writeReportFile(file: string, text: string): string | undefined {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    // The temporary file may not exist (or its folder may not): nothing to clean up then.
    try { rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
    const err = e as NodeJS.ErrnoException;
    return `cannot write --output-file ${file} (${err.code ?? err.message})`;
  }
}
