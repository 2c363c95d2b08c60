/**
 * `--baseline FILE` / `--write-baseline FILE`: accept today's findings and fail only on new ones.
 *
 * An entry names a finding by what it is about, never by where it is: rule, file (relative to the
 * baseline's folder, posix), step, topic, the text of the heading above it and a short hash of the
 * flagged text with whitespace normalised. Editing other parts of the doc moves line numbers but not
 * these, so the entry keeps matching. Entries are a multiset: two identical findings are two entries,
 * and a third identical one is new.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitLines } from '../core/text';
import type { FileReport, ReportFinding } from './report';

export interface FindingKey {
  rule: string;
  step?: string;
  topic?: string;
  /** Text of the nearest heading at or above the finding ("" before the first heading). */
  heading: string;
  /** First 12 hex digits of sha256 over the flagged text, runs of whitespace collapsed to one space. */
  hash: string;
}

export interface BaselineEntry extends FindingKey { file: string }

const FORMAT = 1;

/** The key of every finding in a report, computed from the text the report was made from. */
export function findingKeys(report: FileReport, text: string): FindingKey[] {
  const lines = splitLines(text);
  const headings = [...(report.headings ?? [])].sort((a, b) => a.line - b.line);
  return report.findings.map((f) => {
    let heading = '';
    for (const h of headings) {
      if (h.line > f.line) break;
      heading = h.text;
    }
    const key: FindingKey = { rule: f.ruleId, heading, hash: shortHash(flaggedText(lines, f)) };
    if (typeof f.data.step === 'string') key.step = f.data.step;
    if (typeof f.data.topic === 'string') key.topic = f.data.topic;
    return key;
  });
}

/** The text a finding's range covers (1-based lines and columns, end exclusive). */
export function flaggedText(lines: string[], f: Pick<ReportFinding, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  const parts: string[] = [];
  for (let l = f.line; l <= f.endLine && l <= lines.length; l++) {
    const line = lines[l - 1] ?? '';
    const from = l === f.line ? f.column - 1 : 0;
    const to = l === f.endLine ? f.endColumn - 1 : line.length;
    parts.push(line.slice(Math.max(0, from), Math.max(0, to)));
  }
  return parts.join('\n');
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
}

/** The path an entry uses for a file: relative to the baseline's folder, with forward slashes. */
export function baselinePath(file: string, baselineFile: string): string {
  return path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(file)).split(path.sep).join('/');
}

const identity = (e: BaselineEntry) => JSON.stringify([e.file, e.rule, e.step ?? '', e.topic ?? '', e.heading, e.hash]);

/** Reads a baseline file; throws an Error whose message is one line saying what is wrong. */
export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    throw new Error(`cannot read baseline ${file} (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let data: unknown;
  try { data = JSON.parse(text); } catch {
    throw new Error(`baseline ${file} is not JSON — write it again with --write-baseline ${file}`);
  }
  const entries = (data as { entries?: unknown })?.entries;
  if (!Array.isArray(entries) || !entries.every(isEntry)) {
    throw new Error(`baseline ${file} is not an mlsd baseline (expected {"entries": [{"rule", "file", "heading", "hash", …}]})`);
  }
  return entries;
}

function isEntry(e: unknown): e is BaselineEntry {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  const optional = (v: unknown) => v === undefined || typeof v === 'string';
  return typeof o.rule === 'string' && typeof o.file === 'string' && typeof o.heading === 'string' && typeof o.hash === 'string'
    && optional(o.step) && optional(o.topic);
}

export interface BaselineMatch {
  /** Per file, whether each finding is recorded in the baseline (true: suppress it). */
  suppressed: boolean[][];
  suppressedCount: number;
  /** Entries for files linted in this run that matched no finding. */
  stale: BaselineEntry[];
}

/**
 * Matches findings against entries, each entry used at most once. `files[i]` is file i's baseline
 * path and `keys[i]` its findings' keys. Entries for files not linted in this run are neither used
 * nor stale: a run over part of the repo says nothing about the rest.
 */
export function matchBaseline(files: string[], keys: FindingKey[][], entries: BaselineEntry[]): BaselineMatch {
  const available = new Map<string, BaselineEntry[]>();
  for (const e of entries) {
    const id = identity(e);
    const list = available.get(id);
    if (list) list.push(e);
    else available.set(id, [e]);
  }
  let suppressedCount = 0;
  const suppressed = keys.map((fileKeys, i) => fileKeys.map((k) => {
    const list = available.get(identity({ ...k, file: files[i] }));
    if (!list?.length) return false;
    list.pop();
    suppressedCount++;
    return true;
  }));
  const linted = new Set(files);
  const stale = [...available.values()].flat().filter((e) => linted.has(e.file));
  return { suppressed, suppressedCount, stale };
}

/**
 * The entries to write: every current finding of the linted files, plus the previous entries of files
 * not linted this run that still exist (so re-baselining one doc keeps the others). Stale entries of
 * linted files are dropped — that is the pruning.
 */
export function nextBaseline(files: string[], keys: FindingKey[][], previous: BaselineEntry[], baselineFile: string): BaselineEntry[] {
  const linted = new Set(files);
  const dir = path.dirname(path.resolve(baselineFile));
  const kept = previous.filter((e) => !linted.has(e.file) && existsSync(path.resolve(dir, e.file)));
  const current = keys.flatMap((fileKeys, i) => fileKeys.map((k) => ({ file: files[i], ...k })));
  // Sorted so the file diffs well in review; equal entries stay side by side.
  return [...kept, ...current].sort((a, b) => (identity(a) < identity(b) ? -1 : identity(a) > identity(b) ? 1 : 0));
}

export function writeBaselineFile(file: string, entries: BaselineEntry[], version: string): void {
  const body = { mlsdBaseline: FORMAT, mlsdVersion: version, entries: entries.map(orderedEntry) };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Same field order in every entry, optional fields only when present. */
function orderedEntry(e: BaselineEntry): BaselineEntry {
  return {
    file: e.file,
    rule: e.rule,
    ...(e.step !== undefined ? { step: e.step } : {}),
    ...(e.topic !== undefined ? { topic: e.topic } : {}),
    heading: e.heading,
    hash: e.hash,
  };
}
