/**
 * The mlsd language server in the web extension: server-core.ts in a Web Worker the client starts
 * (client/src/browser/extension.ts), talking over postMessage. The analysis runs in-process here;
 * `.mlsd.json` and framework files are read by the client through `workspace.fs`. No Node built-ins.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import * as knowledgeService from '../../knowledge/service';
import { ServerRequests } from '../../protocol';
import { WebConfigFiles } from './config';
import { InProcessAnalyser } from './in-process-analysis';
import type { ServerPlatform } from '../platform';
import { startServer } from '../server-core';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

/** The largest config or framework file read (as in Node, host/read-text.ts). */
const MAX_CONFIG_CHARS = 1024 * 1024;

const files = new WebConfigFiles(async (uri) => {
  try {
    const r = await connection.sendRequest<{ text: string | null }>(ServerRequests.readFile.method, { uri });
    return typeof r?.text === 'string' && r.text.length <= MAX_CONFIG_CHARS ? r.text : undefined;
  } catch {
    return undefined;
  }
});

const web: ServerPlatform = {
  analysis: new InProcessAnalyser(),
  root: (folderUri) => folderUri.replace(/\/$/, ''),
  effectiveConfig: (uri, settings, roots, options) => files.effective(uri, settings, roots, options),
  invalidateConfig: () => files.invalidate(),
  globPath: (uri, root) => {
    const m = /^[a-z][\w+.-]*:\/\/[^/]*(\/[^?#]*)/i.exec(uri);
    if (!m) return undefined;
    const base = root ? /^[a-z][\w+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(root)?.[1]?.replace(/\/$/, '') : undefined;
    const full = decodeURIComponent(m[1]);
    const rootPath = base === undefined ? undefined : decodeURIComponent(base);
    return rootPath !== undefined && full.startsWith(`${rootPath}/`) ? full.slice(rootPath.length + 1) : full.replace(/^\//, '');
  },
  problemUri: (file) => file,
  displayName: (uri) => uri,
  // The client passes where the pages are (initializationOptions.ruleDocsBase); this is the last resort.
  ruleDocUrl: (ruleId) => `docs/rules/${ruleId}.md`,
  knowledge: () => knowledgeService,
  warmUpKnowledge: () => undefined,
  closed: () => undefined,
};

startServer(connection, web);
