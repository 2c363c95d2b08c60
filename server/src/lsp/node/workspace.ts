/**
 * The Node server's workspace features: "Lint Workspace", the Design Docs view's index and the review
 * report. They read the workspace's Markdown files from disk and ask git what it ignores, so they live
 * in the Node host; server-core.ts hands them its settings, analysis and diagnostics (platform.ts,
 * WorkspaceCore), so a closed doc is analysed exactly as it would be open.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegularFile } from '../../host/bounded-read';
import { decodeText } from '../../host/read-text';
import { Notifications, Requests } from '../../protocol';
import { reviewReport } from '../features/review-report';
import type { WorkspaceCore, WorkspaceSupport } from '../platform';
import { uriToPath } from '../settings';
import { handle, notify } from '../wire';
import { WorkspaceFiles, type ExcludeSetting } from '../workspace/find-files';
import { WorkspaceLint } from '../workspace/workspace-lint';

export function nodeWorkspace(core: WorkspaceCore): WorkspaceSupport {
  const { connection } = core;
  const files = new WorkspaceFiles(async (root): Promise<ExcludeSetting> => {
    const v = await core.configuration(pathToFileURL(root).href, 'files.exclude');
    return v && typeof v === 'object' ? (v as ExcludeSetting) : undefined;
  });
  const analyseFile = (file: string, uri: string) => core.analyseClosed(uri, async () => decodeText(await readRegularFile(file)));
  const lint = new WorkspaceLint(files, {
    roots: () => core.roots(),
    analyseFile,
    open: (file) => core.openDocuments().find((d) => uriToPath(d.uri) === file),
    publish: (uri, summary) => core.publish(uri, summary),
    progress: (done, total) => void notify(connection, Notifications.workspaceProgress, { done, total }),
    changed: () => void notify(connection, Notifications.workspaceDocsChanged, {}),
  });

  handle(connection, Requests.lintWorkspace, (p, token) => lint.run(p?.publishDiagnostics !== false, token));

  handle(connection, Requests.workspaceDocs, () => ({ indexed: lint.indexed, docs: lint.docs() }));

  handle(connection, Requests.reviewReport, async (p) => {
    const options = { theme: p?.theme === 'editor' ? 'editor' as const : undefined, linkCommand: typeof p?.linkCommand === 'string' ? p.linkCommand : undefined };
    if (typeof p?.uri === 'string') {
      const uri = p.uri;
      const file = uriToPath(uri);
      const analysed = (await core.fresh(uri)) ?? (file ? await analyseFile(file, uri) : undefined);
      if (!analysed) return null;
      return reviewReport([{ file: file ?? uri, ...analysed }], file ? path.dirname(file) : process.cwd(), options);
    }
    if (!lint.indexed) await lint.run(false, { isCancellationRequested: false });
    const docs = lint.analysed().map(({ file, analysed: a }) => ({ file, summary: a.summary, frameworkText: a.frameworkText }));
    return reviewReport(docs, core.roots()[0] ?? process.cwd(), options);
  });

  return {
    rescan: () => { if (lint.indexed) void lint.run(false, { isCancellationRequested: false }); },
    invalidate: () => files.invalidate(),
    fileChanged: (uri, deleted) => {
      const file = uriToPath(uri);
      if (file) void lint.fileChanged(file, deleted);
    },
    opened: (uri) => lint.opened(uri, uriToPath(uri)),
    closed: (uri) => lint.closed(uri, uriToPath(uri)),
    analysed: (uri) => { if (lint.has(uriToPath(uri))) void notify(connection, Notifications.workspaceDocsChanged, {}); },
  };
}
