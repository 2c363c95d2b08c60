/** Shared helpers for the fixture-driven unit tests. Tests read files; the core never does. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis } from '../../../server/src/core/analyze';
import type { MlsdConfig } from '../../../server/src/core/config';
import type { Finding } from '../../../server/src/core/types';
import { defaultFramework } from '../../../server/src/knowledge/framework';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const fixturesDir = resolve(here, '../fixtures');
export const ruleFixturesDir = join(fixturesDir, 'rules');
export const stepFixturesDir = join(fixturesDir, 'steps');

/** `<name>.options.json` beside a fixture: config and the known case-study ids to analyse it with. */
/** Rule fixtures are linted as design docs whatever their kind (kind detection has its own fixtures
 * in fixtures/kinds/); `asDesignDoc: false` lints as the shells do by default. */
export interface FixtureOptions { config?: MlsdConfig; caseStudyIds?: string[]; asDesignDoc?: boolean }

/** What a fail fixture's `<name>.expected.json` lists: every finding of the directory's rule. */
export interface ExpectedFinding {
  ruleId: string;
  /** 1-based line where the finding starts. */
  line: number;
  /** 1-based column where the finding starts (optional). */
  column?: number;
  severity?: string;
  messageIncludes?: string;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function sibling(mdPath: string, suffix: string): string {
  return mdPath.replace(/\.md$/, suffix);
}

export function fixtureOptions(mdPath: string): FixtureOptions {
  const p = sibling(mdPath, '.options.json');
  return existsSync(p) ? readJson<FixtureOptions>(p) : {};
}

export function analyzeText(text: string, options: FixtureOptions = {}): Analysis {
  return analyze(text, { framework: defaultFramework, config: options.config, caseStudyIds: options.caseStudyIds, asDesignDoc: options.asDesignDoc ?? true });
}

export function analyzeFixture(mdPath: string): Analysis {
  return analyzeText(readFileSync(mdPath, 'utf8'), fixtureOptions(mdPath));
}

export function listDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

export function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).filter((f) => pattern.test(f)).sort();
}

/** One finding as a readable line, for assertion messages. */
export function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} — ${f.message}`;
}

/** Known, reported problems: fixtures that state the right behaviour but fail today (run as `todo`). */
export function knownIssues(dir: string): Record<string, string> {
  const p = join(dir, 'known-issues.json');
  return existsSync(p) ? readJson<Record<string, string>>(p) : {};
}
