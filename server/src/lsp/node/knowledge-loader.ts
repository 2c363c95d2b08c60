/** dist/knowledge.js, loaded on the first knowledge request (kept out of the Node server's start-up). */
import type { KnowledgeService } from '../platform';

let service: KnowledgeService | undefined;

export function knowledge(): KnowledgeService {
  // In the bundle this file is dist/server.js, so the path is relative to dist/.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  service ??= require('./knowledge.js') as KnowledgeService;
  return service;
}

/** Load the knowledge bundle soon after start, off the first request's path. */
export function warmUpKnowledge(): void {
  setTimeout(() => { try { knowledge(); } catch { /* the first request will report it */ } }, 500).unref();
}
