/**
 * Heading text → the fragment GitHub (and most Markdown renderers that copy it) gives the heading:
 * lower case, punctuation dropped, spaces to hyphens, and "-1", "-2"… for repeats, so a link can land
 * on the section itself rather than the top of the file.
 */
export function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** One anchor per heading, in document order (repeats numbered as the renderer numbers them). */
export function anchorsFor(headings: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((h) => {
    const base = slug(h);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  });
}
