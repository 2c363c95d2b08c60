/**
 * Runs the rules over a DesignDoc and applies configuration: rule severities (config wins over a
 * rule's default and over per-topic severities), inline `mlsd-disable…` comments, and the
 * "disable for this line" fix every finding carries. A rule that throws becomes a finding, never a crash.
 */
import * as l10n from '@vscode/l10n';
import type { DesignDoc, Finding, Framework, InlineDirective, Position, Range, Severity } from './types';
import type { MlsdConfig } from './config';
import type { RuleContext } from './rules/rule';
import { rules } from './rules';
import { lexicon } from './lexicon';
import { disableFix } from './fixes';
import { comparePositions, range } from './text';

const MAX_PER_RULE = 200;

export interface LintOptions {
  framework: Framework;
  config?: MlsdConfig;
  caseStudyIds?: string[];
  /** Lint the file as a design doc whatever its kind (a glob, `lintMode: allMarkdown`, "lint anyway"). */
  asDesignDoc?: boolean;
}

/** Which rules a doc gets: design docs all, templates the structural ones (and missing topics), anything else none. */
export function lintScope(doc: DesignDoc, options: Pick<LintOptions, 'config' | 'asDesignDoc'>): 'all' | 'structure' | 'none' {
  if (options.asDesignDoc || options.config?.lintMode === 'allMarkdown') return 'all';
  if (!doc.isDesignDoc) return 'none';
  return doc.kind === 'template' ? 'structure' : 'all';
}

export function lint(doc: DesignDoc, lines: string[], options: LintOptions): Finding[] {
  const config = options.config ?? {};
  const ctx: RuleContext = {
    framework: options.framework,
    lexicon,
    lines,
    topicSeverities: config.topics ?? {},
    caseStudyIds: options.caseStudyIds ?? [],
  };
  let scope: ReturnType<typeof lintScope> | 'reading' = lintScope(doc, options);
  ctx.ruleOn = (id) => {
    const rule = rules.find((r) => r.meta.id === id);
    if (!rule || (config.rules?.[id] ?? rule.meta.defaultSeverity) === 'off') return false;
    return scope === 'all' || (scope === 'structure' && !!rule.meta.templates);
  };
  // Broken front matter that speaks to mlsd (mlsd:, problem:, caseStudy:) is reported whatever the
  // kind: it is why the doc could not be read as a design doc.
  // So is a part mlsd could not read (too-complex): it may be why the kind was misjudged.
  if (scope === 'none' && (doc.skipped.length || (doc.frontMatter && frontMatterSpeaksToMlsd(lines, doc.frontMatter.range.end.line)))) scope = 'reading';
  if (scope === 'none') return [];
  const disabled = disabledLines(doc.directives);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (scope === 'structure' && !rule.meta.templates) continue;
    if (scope === 'reading' && rule.meta.id !== 'invalid-front-matter' && rule.meta.id !== 'too-complex') continue;
    const configured = config.rules?.[rule.meta.id];
    const severity = configured ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    let produced;
    try {
      produced = rule.check(doc, ctx);
    } catch (err) {
      produced = [{ message: l10n.t('mlsd could not run this rule on the doc (internal error: {0}). Please report it.', String((err as Error)?.message ?? err)), range: range(0, 0, 0, 0), severity: 'info' as Severity }];
    }
    let kept = 0;
    for (const f of produced) {
      if (disabled(rule.meta.id, f.range.start.line)) continue;
      // A rule that fires hundreds of times on one doc (a pasted template, binary junk) says
      // nothing more with each repeat: keep the first ones and one line saying how many were left.
      if (++kept > MAX_PER_RULE) {
        const more = produced.length - MAX_PER_RULE;
        findings.push({ ruleId: rule.meta.id, severity: severity, message: `…and about ${more} more ${rule.meta.id} findings in this doc (only the first ${MAX_PER_RULE} are shown).`, range: f.range, data: { truncated: more } });
        break;
      }
      const inFrontMatter = doc.frontMatter !== undefined && f.range.start.line <= doc.frontMatter.range.end.line;
      findings.push({
        ruleId: rule.meta.id,
        severity: configured && configured !== 'off' ? configured : (f.severity ?? (severity)),
        message: f.message,
        range: withinLines(f.range, lines),
        data: f.data,
        // A comment inside YAML front matter would break it, so no "disable" fix there.
        fixes: [...(f.fixes ?? []), ...(inFrontMatter ? [] : [disableFix(rule.meta.id, f.range.start.line, lines)])],
        ...(f.related?.length ? { related: f.related.map((r) => ({ message: r.message, range: withinLines(r.range, lines) })) } : {}),
      });
    }
  }
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** Every range ends inside its line: a rule may point past the end ("+20 characters"), editors may not. */
function withinLines(r: Range, lines: string[]): Range {
  const last = Math.max(0, lines.length - 1);
  const clampPos = (p: Position): Position => {
    const line = Math.min(Math.max(0, p.line), last);
    return { line, character: Math.min(Math.max(0, p.character), (lines[line] ?? '').length) };
  };
  const start = clampPos(r.start);
  const end = clampPos(r.end);
  return comparePositions(end, start) < 0 ? { start, end: start } : { start, end };
}

const MLSD_KEY = /^(?:mlsd|problem|caseStudy)\s*:/;
function frontMatterSpeaksToMlsd(lines: string[], endLine: number): boolean {
  const last = Math.min(lines.length - 1, Math.max(endLine, 40));
  for (let l = 1; l <= last; l++) if (MLSD_KEY.test(lines[l])) return true;
  return false;
}

/** (ruleId, line) → is the rule switched off there by an inline comment? */
function disabledLines(directives: InlineDirective[]): (ruleId: string, line: number) => boolean {
  if (!directives.length) return () => false;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  return (ruleId, line) => {
    let off = false;
    for (const d of sorted) {
      const applies = d.rules.length === 0 || d.rules.includes(ruleId);
      if (!applies) continue;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.kind === 'disable-line' && d.line === line) return true;
      if (d.line > line) break;
      if (d.kind === 'disable') off = true;
      if (d.kind === 'enable') off = false;
    }
    return off;
  };
}
