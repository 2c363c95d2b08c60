/**
 * `mlsd/reviewReport`: the same review report `mlsd report` writes (server/src/report), for one doc or
 * the workspace's design docs, rendered from analyses the server already has. Links point at the files
 * relative to `linkFromDir`, as in a report written there, or run the client's `linkCommand`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileOutcome } from '../../report/analyse-files';
import { collect } from '../../report/collect';
import { renderHtml } from '../../report/render-html';
import type { ReviewReportResult } from '../../protocol';

export interface ReportOptions { theme?: 'editor'; linkCommand?: string }

/** A command link the client's webview allows; the command id is the client's, the server only spells the arguments. */
function commandLink(command: string, baseDir: string): (file: string, line?: number) => string {
  return (file, line) => `command:${command}?${encodeURIComponent(JSON.stringify([pathToFileURL(path.resolve(baseDir, file)).href, line ?? 0]))}`;
}

/** Shown relative to the folder, as a report written there would show it. */
function relativeTo(dir: string, file: string): string {
  const rel = path.relative(dir, file);
  return path.isAbsolute(file) && rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function reviewReport(outcomes: FileOutcome[], linkFromDir: string, options: ReportOptions = {}): ReviewReportResult {
  const linkCommand = options.linkCommand && /^[\w.-]+$/.test(options.linkCommand) ? options.linkCommand : undefined;
  const data = linkCommand
    ? collect(outcomes.map((o) => ({ ...o, file: relativeTo(linkFromDir, o.file) })), linkFromDir, { link: commandLink(linkCommand, linkFromDir) })
    : collect(outcomes, linkFromDir);
  const theme = options.theme;
  const title = data.docs.length === 1 ? `Review: ${data.docs[0].title}`
    : data.docs.length ? `Review of ${data.docs.length} design docs` : `Review: ${outcomes.length === 1 ? path.basename(outcomes[0].file) : 'no design docs'}`;
  return { title, html: renderHtml(data, { theme: theme === 'editor' ? 'editor' : 'system' }), docCount: data.docs.length };
}
