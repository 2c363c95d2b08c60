/** YAML front matter → data, or a located syntax error. Never throws. */
import { parseDocument } from 'yaml';
import type { FrontMatter, Range } from '../types';
import { range } from '../text';

/** `raw` is the YAML between the fences; `fenceRange` covers the fences too (line 0 = `---`). */
export function readFrontMatter(raw: string, fenceRange: Range): FrontMatter {
  const fm: FrontMatter = { raw, range: fenceRange };
  try {
    const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const err = doc.errors[0];
    if (err) {
      // With prettyErrors off, yaml gives no linePos: derive line and column from the offset.
      const offset = Math.max(0, Math.min(raw.length, err.pos?.[0] ?? 0));
      const before = raw.slice(0, offset);
      const line = err.linePos?.[0]?.line ?? before.split('\n').length;
      const col = err.linePos?.[0]?.col ?? offset - before.lastIndexOf('\n');
      const docLine = fenceRange.start.line + line; // +1 for the opening fence, -1 for 1-based
      // Up to the end of the offending line (the raw YAML holds it), never past it.
      const lineLength = (raw.split('\n')[line - 1] ?? '').length;
      fm.error = { message: err.message.split('\n')[0], range: range(docLine, Math.min(Math.max(0, col - 1), lineLength), docLine, Math.max(Math.min(col + 20, lineLength), Math.min(Math.max(0, col - 1), lineLength))) };
      return fm;
    }
    fm.data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    fm.error = { message: String((e as Error)?.message ?? e), range: fenceRange };
  }
  return fm;
}

/** 0-based document line of a top-level front matter key, for pointing findings at it. */
export function frontMatterKeyLine(fm: FrontMatter, key: string): number {
  const lines = fm.raw.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? fm.range.start.line : fm.range.start.line + 1 + i;
}
