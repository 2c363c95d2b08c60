/** "MLSD: Open Case Study Reference" and "MLSD: Choose Case Study". */
import * as vscode from 'vscode';
import type { CaseStudyInfo } from '../../../server/src/protocol';
import type { ModelStore } from '../modelStore';
import type { MlsdServer } from '../server';
import type { CaseStudyPanel } from '../views/caseStudyPanel';
import type { CursorFollower } from '../views/cursorFollower';

export class CaseStudyCommands {
  constructor(private readonly server: MlsdServer, private readonly store: ModelStore,
    private readonly panel: CaseStudyPanel, private readonly follower: CursorFollower) {}

  /** Opens the case study that fits the doc (front matter, else the server's best match); asks when none fits. */
  async open(caseStudyId?: string): Promise<string | undefined> {
    const id = typeof caseStudyId === 'string' ? caseStudyId : (await this.fitting()) ?? (await this.pick());
    if (!id) return undefined;
    await this.panel.show(id);
    await this.follower.sync();
    return id;
  }

  /** Quick pick of all case studies, then opens the one chosen. */
  async choose(): Promise<string | undefined> {
    const id = await this.pick();
    if (!id) return undefined;
    await this.panel.show(id);
    await this.follower.sync();
    return id;
  }

  private async fitting(): Promise<string | undefined> {
    const current = this.store.designDoc ?? (await this.store.refresh());
    return current?.model.isDesignDoc ? current.model.caseStudy : undefined;
  }

  private async pick(): Promise<string | undefined> {
    let studies: CaseStudyInfo[];
    try { studies = await this.server.listCaseStudies(); } catch { studies = []; }
    if (studies.length === 0) { void vscode.window.showWarningMessage(vscode.l10n.t('MLSD: the server offers no case studies.')); return undefined; }
    const suggested = this.store.designDoc?.model.caseStudy;
    const items = studies.map((s) => ({
      label: s.title, description: `${s.problem} · ${s.category}`, detail: s.summary, id: s.id,
      picked: s.id === suggested,
    }));
    items.sort((a, b) => Number(b.picked) - Number(a.picked));
    const choice = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('MLSD: Choose Case Study'), placeHolder: vscode.l10n.t('Reference case study to open beside the doc'),
      matchOnDescription: true, matchOnDetail: true,
    });
    return choice?.id;
  }
}
