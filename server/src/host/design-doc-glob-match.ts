/**
 * The one decision of whether a path matches `designDocGlobs`, on a path already made relative to its
 * root and '/'-separated. Pure (no Node built-ins), so the web extension's server decides exactly as the
 * Node server and the CLI do (design-doc-globs.ts turns a file path into such a relative path).
 */
import picomatch from 'picomatch';

/** The default of package.json's `mlsd.designDocGlobs` (a test keeps the two the same). */
export const DEFAULT_DESIGN_DOC_GLOBS: readonly string[] = ['**/design-docs/**/*.md', '**/*.mlsd.md'];

const matchers = new Map<string, (p: string) => boolean>();

/** Whether `relPath` ('/'-separated, relative to the workspace or the config's folder) matches the globs. */
export function matchesDesignDocGlobs(relPath: string, globs: readonly string[] = DEFAULT_DESIGN_DOC_GLOBS): boolean {
  if (!globs.length) return false;
  const key = globs.join('\u0000');
  let match = matchers.get(key);
  if (!match) {
    if (matchers.size > 100) matchers.clear();
    matchers.set(key, (match = picomatch([...globs], { dot: true })));
  }
  return match(relPath);
}
