/**
 * Files the user declares design docs with `designDocGlobs` (in .mlsd.json, or the editor's
 * `mlsd.designDocGlobs` setting), whatever their content looks like: the editor, `mlsd lint` and
 * `mlsd report` all ask here, so a file is a design doc in one place exactly when it is in the others.
 * The matching itself is design-doc-glob-match.ts (shared with the web server, which has no node:path).
 */
import * as path from 'node:path';
import { DEFAULT_DESIGN_DOC_GLOBS, matchesDesignDocGlobs } from './design-doc-glob-match';

export { DEFAULT_DESIGN_DOC_GLOBS };

/** A file path as the globs read it: relative to `root` when there is one, '/'-separated. */
export function globPath(file: string, root: string | undefined): string {
  return (root ? path.relative(root, file) : file).split(path.sep).join('/');
}

/** Whether `file` matches the globs, read relative to `root` (the workspace or the config's folder). */
export function isDeclaredDesignDoc(file: string, root: string | undefined, globs: readonly string[] = DEFAULT_DESIGN_DOC_GLOBS): boolean {
  return matchesDesignDocGlobs(globPath(file, root), globs);
}
