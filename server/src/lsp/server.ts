/**
 * The mlsd language server in Node: the LSP logic of server-core.ts with the analysis in a worker
 * thread (a time limit stops a pathological document), config files read from disk, and the
 * workspace features (Lint Workspace, Design Docs view, review report: node/workspace.ts).
 * Transport is picked from the command line by vscode-languageserver: --stdio, --node-ipc, --socket.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { AnalysisHost } from '../host/analysis-host';
import { messagesFor } from '../host/locale';
import { ruleDocUrl } from '../host/rule-docs';
import { IdleSweep } from './idle-sweep';
import { knowledge, warmUpKnowledge } from './node/knowledge-loader';
import { nodeWorkspace } from './node/workspace';
import { globPath } from '../host/design-doc-globs';
import type { ServerPlatform } from './platform';
import { startServer } from './server-core';
import { ConfigFiles, effectiveConfig, uriToPath } from './settings';

const connection = createConnection(ProposedFeatures.all);
// MLSD_ANALYSIS_TIMEOUT_MS: the analysis time limit (tests set it tiny to force the fallback).
const host = new AnalysisHost(path.join(__dirname, 'analysis-worker.js'), Number(process.env.MLSD_ANALYSIS_TIMEOUT_MS) || 8000);
// Framework files are schema-checked in the worker: ajv's compile would block this thread.
const configFiles = new ConfigFiles((text) => host.validateFramework(text));
const sweep = new IdleSweep();

const node: ServerPlatform = {
  analysis: host,
  root: uriToPath,
  effectiveConfig: (uri, settings, roots, options) => effectiveConfig(uri, settings, configFiles, roots, options),
  invalidateConfig: () => configFiles.invalidate(),
  globPath: (uri, root) => {
    const file = uriToPath(uri);
    return file ? globPath(file, root) : undefined;
  },
  problemUri: (file) => pathToFileURL(file).href,
  displayName: (uri) => uriToPath(uri) ?? uri,
  ruleDocUrl,
  knowledge,
  warmUpKnowledge,
  closed: () => sweep.closed(),
  workspace: nodeWorkspace,
  messagesFor: (locale) => messagesFor(locale).messages,
};

startServer(connection, node);

process.on('uncaughtException', (err) => connection.console.error(`mlsd: unexpected error: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => connection.console.error(`mlsd: unexpected rejection: ${String(err)}`));
