/**
 * Where the MCP tools may read and write: inside the roots the client gives (MCP `roots/list`), or
 * the working directory when the client gives none. A path is compared after resolving symbolic
 * links (the target itself when it exists, else its nearest existing folder), so neither `..` nor
 * a link that points out of a root gets past the check.
 */
import { lstatSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { ToolInputError } from './result';

/** Roots are asked for once and asked again only when the client says they changed. */
const ROOTS_TIMEOUT_MS = 5000;

export class Roots {
  private cached: Promise<string[]> | undefined;

  constructor(private readonly server: Server, private readonly cwd = process.cwd()) {
    server.setNotificationHandler(RootsListChangedNotificationSchema, () => { this.cached = undefined; });
  }

  /** The allowed folders, real paths, first one first (relative paths are taken from it). */
  list(): Promise<string[]> {
    this.cached ??= this.fetch();
    return this.cached;
  }

  /** An existing file inside the roots, as a real path; throws ToolInputError otherwise. */
  async existingFile(input: string): Promise<string> {
    const roots = await this.list();
    const wanted = this.absolute(input, roots);
    let real: string;
    try { real = realpathSync(wanted); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ToolInputError(code === 'ENOENT' ? `no such file: ${input}` : `cannot read ${input} (${code ?? String(e)})`);
    }
    this.confine(input, real, roots);
    return real;
  }

  /** A path inside the roots that may not exist yet (a file to create, a name for config lookup): the
   * real path of its nearest existing folder plus the rest. */
  async place(input: string): Promise<string> {
    const roots = await this.list();
    const wanted = this.absolute(input, roots);
    const rest: string[] = [];
    let dir = wanted;
    for (;;) {
      try {
        lstatSync(dir);
        break;
      } catch { /* missing: look further up */ }
      if (dir === path.dirname(dir)) break;
      rest.unshift(path.basename(dir));
      dir = path.dirname(dir);
    }
    // The last part is the file itself: when something (even a dangling link) is there, keep its name
    // as written, so the caller sees it exists and refuses, rather than following the link.
    let real: string;
    if (dir === wanted) real = path.join(this.realOrSelf(path.dirname(dir)), path.basename(dir));
    else real = path.join(this.realOrSelf(dir), ...rest);
    this.confine(input, real, roots);
    return real;
  }

  private realOrSelf(p: string): string {
    try { return realpathSync(p); } catch { return p; }
  }

  private absolute(input: string, roots: string[]): string {
    if (typeof input !== 'string' || !input.trim()) throw new ToolInputError('path must be a non-empty string');
    if (input.includes('\0')) throw new ToolInputError('path must not contain a NUL character');
    let p = input;
    if (/^file:/i.test(p)) {
      try { p = fileURLToPath(p); } catch { throw new ToolInputError(`not a usable file URI: ${input}`); }
    }
    return path.resolve(roots[0], p);
  }

  private confine(input: string, real: string, roots: string[]): void {
    if (roots.some((root) => inside(root, real))) return;
    throw new ToolInputError(`${input} is outside the allowed roots (${roots.join(', ')}); mlsd reads and writes only inside the folders the client shares (or its working directory)`);
  }

  private async fetch(): Promise<string[]> {
    const fallback = [this.realOrSelf(path.resolve(this.cwd))];
    if (!this.server.getClientCapabilities()?.roots) return fallback;
    try {
      const { roots } = await this.server.listRoots(undefined, { timeout: ROOTS_TIMEOUT_MS });
      const dirs = roots.filter((r) => /^file:/i.test(r.uri)).flatMap((r) => {
        try { return [this.realOrSelf(fileURLToPath(r.uri))]; } catch { return []; }
      });
      return dirs.length ? dirs : fallback;
    } catch {
      // A client that declares roots but fails to list them gets the working directory, not everything.
      this.cached = undefined;
      return fallback;
    }
  }
}

export function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
