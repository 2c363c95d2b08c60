/**
 * Files the user declares design docs with `designDocGlobs` (in .mlsd.json, or the editor's
 * `mlsd.designDocGlobs` setting), whatever their content looks like: the editor, `mlsd lint` and
 * `mlsd report` all ask here, so a file is a design doc in one place exactly when it is in the others.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';

/** The default of package.json's `mlsd.designDocGlobs` (a test keeps the two the same). */
export const DEFAULT_DESIGN_DOC_GLOBS: readonly string[] = ['**/design-docs/**/*.md', '**/*.mlsd.md'];

const matchers = new Map<string, (p: string) => boolean>();

/** Whether `file` matches the globs, read relative to `root` (the workspace or the config's folder). */
export function isDeclaredDesignDoc(file: string, root: string | undefined, globs: readonly string[] = DEFAULT_DESIGN_DOC_GLOBS): boolean {
  if (!globs.length) return false;
  const key = globs.join('\u0000');
  let match = matchers.get(key);
  if (!match) {
    if (matchers.size > 100) matchers.clear();
    matchers.set(key, (match = picomatch([...globs], { dot: true })));
  }
  const rel = root ? path.relative(root, file) : file;
  return match(rel.split(path.sep).join('/'));
}
