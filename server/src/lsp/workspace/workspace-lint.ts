/**
 * "Lint Workspace": the server's index of the workspace's Markdown files, each analysed from disk
 * through the same worker and settings as an open document. Closed design docs get their
 * diagnostics published once the user asked for it (as ESLint's workspace lint does); an open doc is
 * the editor's business (its live text wins), so this never publishes for a file that is open, and
 * when it is closed again its on-disk diagnostics come back instead of vanishing.
 * Knows nothing of the connection: the server hands it hooks, so the rules above live in one place.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisSummary } from '../../host/summary';
import type { LintWorkspaceResult, WorkspaceDoc } from '../../protocol';
import type { WorkspaceFiles } from './find-files';

export interface Analysed { summary: AnalysisSummary; lintable: boolean; frameworkText?: string }

export interface WorkspaceLintHooks {
  roots(): string[];
  /** Analyse a closed file's text from disk (undefined: mlsd is disabled for it, or it could not be read). */
  analyseFile(file: string, uri: string): Promise<Analysed | undefined>;
  /** The open document for this path, if any, with its newest analysis. */
  open(file: string): { uri: string; analysed?: Analysed } | undefined;
  /** Publish (or with `undefined`, clear) a closed file's diagnostics. */
  publish(uri: string, summary: AnalysisSummary | undefined): void;
  progress(done: number, total: number): void;
  /** The list of workspace docs changed. */
  changed(): void;
}

interface Entry extends Analysed { uri: string; published: boolean }

export interface Cancel { readonly isCancellationRequested: boolean }

export class WorkspaceLint {
  private readonly entries = new Map<string, Entry>();
  /** Set once "Lint Workspace" ran: from then on closed design docs keep their diagnostics current. */
  private publishing = false;
  /** At least one scan finished: the index is the workspace (the Design Docs view can trust it). */
  indexed = false;
  /** Runs one after another, so two scans never analyse the same file at once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly files: WorkspaceFiles, private readonly hooks: WorkspaceLintHooks) {}

  run(publish: boolean, cancel: Cancel): Promise<LintWorkspaceResult> {
    const next = this.queue.then(() => this.scan(publish, cancel));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async scan(publish: boolean, cancel: Cancel): Promise<LintWorkspaceResult> {
    if (publish) this.publishing = true;
    const files = await this.files.list(this.hooks.roots());
    let analysed = 0;
    // Only a Lint Workspace run reports progress: a background rescan or the view's indexing must not
    // show up in the notification of a run the user started next.
    const progress = (done: number, total: number) => { if (publish) this.hooks.progress(done, total); };
    progress(0, files.length);
    for (const file of files) {
      if (cancel.isCancellationRequested) break;
      await this.refresh(file);
      analysed++;
      progress(analysed, files.length);
    }
    const cancelled = analysed < files.length;
    if (!cancelled) {
      // Files gone since the last scan (deleted, newly ignored) leave the index and the Problems panel.
      const keep = new Set(files);
      for (const file of [...this.entries.keys()]) if (!keep.has(file)) this.remove(file);
      this.indexed = true;
    }
    // Cancelled: what is done stays (in the index and the Problems panel); files not reached wait for the next run.
    this.hooks.changed();
    return { files: files.length, analysed, designDocs: this.docs().length, cancelled };
  }

  /** A file changed on disk (created, edited or deleted). */
  async fileChanged(file: string, deleted: boolean): Promise<void> {
    if (!this.indexed && !this.publishing && !this.entries.size) return;
    if (deleted || !(await this.files.includes(file, this.hooks.roots()))) {
      if (this.entries.has(file)) { this.remove(file); this.hooks.changed(); }
      return;
    }
    await this.refresh(file);
    this.hooks.changed();
  }

  /** A document opened: its live analysis replaces what was published from disk, under whatever URI that used. */
  opened(uri: string, file: string | undefined): void {
    const e = file ? this.entries.get(file) : undefined;
    if (e?.published && e.uri !== uri) this.hooks.publish(e.uri, undefined);
    if (e) e.published = false;
  }

  /** A document closed: true when its file is in the workspace lint, whose on-disk diagnostics then return. */
  closed(uri: string, file: string | undefined): boolean {
    const e = file ? this.entries.get(file) : undefined;
    if (!file || !e || !this.publishing) return false;
    // The editor's diagnostics are on this URI now: the refresh replaces them, or clears them if it is no longer a design doc.
    e.uri = uri;
    e.published = true;
    void this.refresh(file).then(() => this.hooks.changed());
    return true;
  }

  /** Analyse one file from disk into the index (an open one is left to the editor) and publish it when asked to. */
  private async refresh(file: string): Promise<void> {
    const open = this.hooks.open(file);
    if (open) {
      // Listed with the editor's analysis; nothing is published from disk while it is open.
      if (open.analysed) this.entries.set(file, { ...open.analysed, uri: open.uri, published: false });
      return;
    }
    const uri = this.entries.get(file)?.uri ?? pathToFileURL(file).href;
    const result = await this.hooks.analyseFile(file, uri);
    if (this.hooks.open(file)) return;            // opened meanwhile: the editor's analysis wins
    const old = this.entries.get(file);
    if (!result) { if (old) this.remove(file); return; }
    const publish = this.publishing && result.lintable;
    if (publish) this.hooks.publish(uri, result.summary);
    else if (old?.published) this.hooks.publish(uri, undefined);
    this.entries.set(file, { ...result, uri, published: publish });
  }

  private remove(file: string): void {
    const e = this.entries.get(file);
    this.entries.delete(file);
    if (e?.published && !this.hooks.open(file)) this.hooks.publish(e.uri, undefined);
  }

  /** Design docs of the index (and open ones in it, as the editor has them), each with its own analysis. */
  analysed(): { file: string; uri: string; analysed: Analysed }[] {
    const out: { file: string; uri: string; analysed: Analysed }[] = [];
    for (const [file, e] of this.entries) {
      const open = this.hooks.open(file);
      const a = open?.analysed ?? e;
      if (a.lintable) out.push({ file, uri: open?.uri ?? e.uri, analysed: a });
    }
    return out.sort((a, b) => a.file.localeCompare(b.file));
  }

  docs(): WorkspaceDoc[] {
    return this.analysed().map(({ file, uri, analysed: { summary } }) => {
      const steps = summary.doc.steps;
      return {
        uri,
        title: summary.doc.title || path.basename(file),
        coveredCount: steps.filter((s) => s.status === 'covered').length,
        thinCount: steps.filter((s) => s.status === 'thin').length,
        missingCount: steps.filter((s) => s.status === 'missing').length,
        stepCount: steps.length,
        findingCount: summary.findings.length,
      };
    });
  }

  /** Whether this file is in the index (the server tells the client when an open one in it changes). */
  has(file: string | undefined): boolean { return !!file && this.entries.has(file); }
}
