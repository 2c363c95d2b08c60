/** File naming for new design docs: a slug from the title, and the first name that does not exist yet. */
import * as vscode from 'vscode';

export function slugify(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'design-doc';
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** `base.md`, else `base-2.md`, `base-3.md`, … — the first that is free. */
export async function freeName(folder: vscode.Uri, base: string, ext = '.md'): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}${i === 1 ? '' : `-${i}`}${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** Splits `docs/design/foo.md` into its folder and base name (without `.md`). */
export function splitName(uri: vscode.Uri): { folder: vscode.Uri; base: string; ext: string } {
  const path = uri.path;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const m = /^(.*?)(\.mlsd\.md|\.md|\.markdown)?$/i.exec(name) as RegExpExecArray;
  return { folder: uri.with({ path: path.slice(0, slash) || '/' }), base: m[1] || 'design-doc', ext: m[2] || '.md' };
}
