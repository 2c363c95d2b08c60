/**
 * `mlsd/reviewReport`: the same review report `mlsd report` writes (server/src/report), for one doc or
 * the workspace's design docs, rendered from analyses the server already has. Links point at the files
 * relative to `linkFromDir`, as in a report written there.
 */
import * as path from 'node:path';
import type { FileOutcome } from '../../report/analyse-files';
import { collect } from '../../report/collect';
import { renderHtml } from '../../report/render-html';
import type { ReviewReportResult } from '../../protocol';

export function reviewReport(outcomes: FileOutcome[], linkFromDir: string, theme: 'editor' | undefined): ReviewReportResult {
  const data = collect(outcomes, linkFromDir);
  const title = data.docs.length === 1 ? `Review: ${data.docs[0].title}`
    : data.docs.length ? `Review of ${data.docs.length} design docs` : `Review: ${outcomes.length === 1 ? path.basename(outcomes[0].file) : 'no design docs'}`;
  return { title, html: renderHtml(data, { theme: theme === 'editor' ? 'editor' : 'system' }), docCount: data.docs.length };
}
