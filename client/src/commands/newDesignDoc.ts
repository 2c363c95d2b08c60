/**
 * "MLSD: New Design Doc": pick a template (from the server), give a title, choose a path in the
 * templates folder; never overwrites; inserts the template as a snippet so the writer tabs through it.
 */
import * as vscode from 'vscode';
import type { TemplateInfo } from '../../../server/src/protocol';
import { settings } from '../config';
import type { MlsdServer } from '../server';
import { exists, freeName, slugify, splitName } from './designDocPath';

/** Optional arguments (for automation and tests); anything missing is asked for. */
export interface NewDesignDocOptions {
  templateId?: string;
  title?: string;
  /** Target file: absolute URI/path, or relative to the first workspace folder. `untitled` → no file. */
  target?: string | vscode.Uri;
}

export class NewDesignDocCommand {
  constructor(private readonly server: MlsdServer, private readonly log: vscode.OutputChannel) {}

  /** Returns the created document's URI, or undefined when cancelled or refused. */
  async run(opts: NewDesignDocOptions = {}): Promise<vscode.Uri | undefined> {
    const template = opts.templateId ?? (await this.pickTemplate());
    if (!template) return undefined;
    const title = opts.title ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('MLSD: New Design Doc'), prompt: vscode.l10n.t('Title of the design doc'), value: vscode.l10n.t('Untitled ML system'),
      validateInput: (v) => v.trim() ? undefined : vscode.l10n.t('A title is needed'),
    }));
    if (!title?.trim()) return undefined;

    const rendered = await this.server.renderTemplate({ id: template, title: title.trim(), snippet: true });
    if (!rendered) { void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: the server has no template "{0}".', template)); return undefined; }
    const { text } = rendered;
    const target = await this.target(opts.target, title);
    if (target === null) return undefined;

    let document: vscode.TextDocument;
    if (target === 'untitled') {
      document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    } else {
      if (await exists(target)) {                       // explicit path given: refuse, never overwrite
        void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: {0} already exists — mlsd never overwrites a file. Choose another name.', vscode.workspace.asRelativePath(target)));
        return undefined;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(target, { overwrite: false, ignoreIfExists: false });
      if (!(await vscode.workspace.applyEdit(edit)) || !(await exists(target))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: could not create {0} (it may already exist).', vscode.workspace.asRelativePath(target)));
        return undefined;
      }
      document = await vscode.workspace.openTextDocument(target);
    }
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const inserted = await editor.insertSnippet(new vscode.SnippetString(text), new vscode.Position(0, 0));
    if (!inserted) this.log.appendLine(`[client] inserting template ${template} into ${document.uri.toString()} failed`);
    if (target !== 'untitled') await document.save();
    return document.uri;
  }

  private async pickTemplate(): Promise<string | undefined> {
    let templates: TemplateInfo[];
    try { templates = await this.server.listTemplates(); } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('MLSD: the server could not list templates ({0}).', String(err)));
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.title, description: t.problemType, detail: t.description, id: t.id })),
      { title: vscode.l10n.t('MLSD: New Design Doc'), placeHolder: vscode.l10n.t('Template'), matchOnDetail: true });
    return pick?.id;
  }

  /** Where to write: a free file in the templates folder (asked), or `untitled` without a workspace; null = cancelled. */
  private async target(given: string | vscode.Uri | undefined, title: string): Promise<vscode.Uri | 'untitled' | null> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (given === 'untitled') return 'untitled';
    if (given instanceof vscode.Uri) return given;
    if (typeof given === 'string') {
      // No node:path here: the web extension runs this too.
      if (/^(\/|[a-z]:[\\/])/i.test(given) || !root) return vscode.Uri.file(given);
      return vscode.Uri.joinPath(root, given);
    }
    if (!root) return 'untitled';
    const folder = vscode.Uri.joinPath(root, settings.templatesFolder(root));
    const proposal = await freeName(folder, slugify(title));
    // The proposals are inside the workspace folder: what follows its path.
    const relative = (u: vscode.Uri) => (u.path.startsWith(`${root.path.replace(/\/$/, '')}/`) ? u.path.slice(root.path.replace(/\/$/, '').length + 1) : u.path);
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('MLSD: New Design Doc'), prompt: vscode.l10n.t('File to create (relative to the workspace folder)'),
      value: relative(proposal), valueSelection: [relative(folder).length + 1, relative(proposal).length - 3],
      validateInput: async (v) => {
        if (!v.trim()) return vscode.l10n.t('A file name is needed');
        const uri = vscode.Uri.joinPath(root, v.trim());
        if (await exists(uri)) {
          const { folder: f, base, ext } = splitName(uri);
          return vscode.l10n.t('{0} already exists and will not be overwritten — try {1}', v, relative(await freeName(f, base, ext)));
        }
        return undefined;
      },
    });
    if (!answer?.trim()) return null;
    return vscode.Uri.joinPath(root, answer.trim());
  }
}
