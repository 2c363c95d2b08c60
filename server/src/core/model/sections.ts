/**
 * Sections → steps, the way a reviewer reads them. Each heading's section (its own text, up to the
 * next heading of any level) is classified from its heading and its body:
 *
 *   - the doc's title (its single top heading, or a first heading naming the system) is no step;
 *   - an inline `<!-- mlsd-step: monitoring -->` on the lines above a heading decides outright;
 *   - neutral headings (References, Appendix, Table of contents) are no step and end inheritance;
 *   - a heading that names a step (alias) takes it — two steps when it names two;
 *   - otherwise the body's vocabulary decides when it clearly points at one step;
 *   - otherwise a sub-heading inherits its parent's step (the parent is a prior, not a cage:
 *     a sub-heading whose heading and text both point elsewhere moves there).
 *
 * A section whose body also speaks strongly for a second step covers both.
 */
import * as l10n from '@vscode/l10n';
import { frameworkText } from '../l10n';
import type { Framework, HeadingInfo, MappedBy } from '../types';
import type { HeadingMatcher } from './headings';

export interface SectionMarker {
  heading: HeadingInfo;
  pseudo: boolean;
  /** Body vocabulary score per framework step (same order as framework.steps). */
  scores: number[];
  /** Content words in the section's own body. */
  words: number;
}

/** Distinct step cues a body needs before its content alone decides the step. */
const CONTENT_MIN = 3;
/** …and how far ahead of the runner-up it must be. */
const CONTENT_MARGIN = 1.5;
/** …and, under a parent that has a step, this many and twice the parent step's score. */
const NESTED_MIN = 5;
/** A second step is added when its cues are this many and at least this share of the first's. */
const SECOND_MIN = 4;
const SECOND_SHARE = 0.8;

const OVERRIDE = /<!--\s*mlsd-step\s*:\s*([\w\s,-]+?)\s*-->/i;

/** The first real heading, when it is the doc's title rather than a section. */
export function titleIndex(markers: SectionMarker[], matcher: HeadingMatcher): number {
  const real = markers.map((m, i) => ({ m, i })).filter(({ m }) => !m.pseudo);
  if (!real.length) return -1;
  const first = real[0];
  if (real.length === 1) return first.m.heading.depth === 1 && !matcher.matchDetail(first.m.heading.text)?.exact ? first.i : -1;
  const minDepth = Math.min(...real.map(({ m }) => m.heading.depth));
  const tops = real.filter(({ m }) => m.heading.depth === minDepth);
  if (tops.length === 1 && tops[0] === first) return first.i;
  // Several top headings: the first is still the title when it names no step and is followed by
  // a deeper heading, or opens the doc with an H1 while the sections use H1 too ("# Design of X").
  const next = real[1];
  if (namesNoStep(first.m.heading.text, matcher) && !matcher.isNeutral(first.m.heading.text) && first.m.heading.depth <= next.m.heading.depth && first.m.words < 80) {
    const nextIsStepLike = !!matcher.match(next.m.heading.text) || next.m.heading.depth > first.m.heading.depth;
    if (nextIsStepLike) return first.i;
  }
  return -1;
}

/**
 * A heading that names no step, or names one only in passing: "Project X — a service that estimates
 * calories from photos" mentions a service but is about the whole system (a third of its words or less).
 */
function namesNoStep(text: string, matcher: HeadingMatcher): boolean {
  const m = matcher.matchDetail(text);
  return !m || (!m.exact && m.share <= 1 / 3);
}

function override(lines: string[], line: number): string[] | null | undefined {
  for (let l = line - 1; l >= 0 && l >= line - 3; l--) {
    const text = lines[l] ?? '';
    const m = OVERRIDE.exec(text);
    if (m) {
      const ids = m[1].split(/[\s,]+/).filter(Boolean);
      return ids.includes('none') ? null : ids;
    }
    if (text.trim() !== '') break;
  }
  return undefined;
}

interface Frame { depth: number; steps: string[]; neutral: boolean; text: string }

export function mapSections(markers: SectionMarker[], framework: Framework, matcher: HeadingMatcher, lines: string[]): void {
  const ids = framework.steps.map((s) => s.id);
  const titles = new Map(framework.steps.map((s) => [s.id, frameworkText(framework, s.title)])); // for `why`, in the UI language
  const keeping = new Set(framework.steps.filter((s) => s.keepsSubsections).map((s) => s.id));
  const title = titleIndex(markers, matcher);
  const stack: Frame[] = [];
  for (let i = 0; i < markers.length; i++) {
    const { heading, scores } = markers[i];
    // Pseudo-headings (bold lines) sit below every real heading.
    while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    const parent = stack[stack.length - 1];
    const parentSteps = parent && !parent.neutral ? parent.steps : [];
    let steps: string[] = [];
    let mappedBy: MappedBy = 'none';
    let why = '';
    let neutral = false;
    const ranked = ids.map((id, k) => ({ id, score: scores[k] ?? 0 })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score);
    const top = ranked[0];
    const runnerUp = ranked[1]?.score ?? 0;
    const scoreOf = (id: string) => scores[ids.indexOf(id)] ?? 0;
    const forced = heading.pseudo ? undefined : override(lines, heading.range.start.line);
    const alias = matcher.matchDetail(heading.text);

    if (forced !== undefined) {
      steps = (forced ?? []).filter((id) => ids.includes(id));
      mappedBy = 'comment';
      why = steps.length ? l10n.t('set by an mlsd-step comment') : l10n.t('no step (mlsd-step comment)');
      neutral = forced === null;
    } else if (i === title) {
      mappedBy = 'title';
      why = l10n.t("the doc's title");
    } else if (parentSteps.length && parentSteps.every((id) => keeping.has(id)) && !matcher.isNeutral(heading.text)) {
      steps = parentSteps;
      mappedBy = 'inherited';
      why = l10n.t("under '{0}' (its sub-headings stay in it)", parent.text);
    } else if (!alias?.exact && matcher.isNeutral(heading.text)) {
      mappedBy = 'neutral';
      why = l10n.t('a heading that belongs to no step');
      neutral = true;
    } else if (alias && (alias.exact || !parentSteps.length || parentSteps.includes(alias.stepId) || scoreOf(alias.stepId) >= Math.max(...parentSteps.map(scoreOf)))) {
      // A partial name under another step ("### Feature store" under Serving) moves only when the
      // text agrees with the heading at least as much as with the parent.
      steps = alias.stepIds;
      mappedBy = 'alias';
      why = steps.length > 1 ? l10n.t('heading names {0} and {1}', steps.slice(0, -1).map((s) => titles.get(s)).join(' and '), titles.get(steps[steps.length - 1]) ?? '') : l10n.t('heading names {0}', titles.get(steps[0]) ?? '');
    } else if (top && top.score >= CONTENT_MIN && top.score >= CONTENT_MARGIN * runnerUp && !parentSteps.includes(top.id) &&
      (!parentSteps.length || top.score >= NESTED_MIN && top.score >= 2 * Math.max(...parentSteps.map(scoreOf)))) {
      // Under a step, the text must speak clearly louder than the parent's step to move away from it.
      steps = [top.id];
      mappedBy = 'content';
      why = l10n.t('text is about {0} ({1} of its words)', titles.get(top.id) ?? '', top.score);
    } else if (parentSteps.length) {
      steps = parentSteps;
      mappedBy = 'inherited';
      why = l10n.t("under '{0}'", parent.text);
    } else if (top && top.score >= CONTENT_MIN && top.score > runnerUp) {
      steps = [top.id];
      mappedBy = 'content';
      why = l10n.t('text is about {0} ({1} of its words)', titles.get(top.id) ?? '', top.score);
    }

    // A body that also speaks strongly for another step covers it too.
    if (steps.length === 1 && mappedBy !== 'comment' && mappedBy !== 'title') {
      const first = scoreOf(steps[0]);
      const second = ranked.find((r) => r.id !== steps[0]);
      if (second && second.score >= SECOND_MIN && second.score >= SECOND_SHARE * Math.max(first, CONTENT_MIN)) {
        steps = [steps[0], second.id];
        why = l10n.t('{0}; its text is also about {1}', why, titles.get(second.id) ?? '');
      }
    }

    heading.stepId = mappedBy === 'alias' || mappedBy === 'comment' ? steps[0] : undefined;
    heading.sectionStepId = steps[0];
    heading.sectionStepIds = steps.length ? steps : undefined;
    heading.mappedBy = mappedBy;
    heading.why = why || l10n.t('no step: the heading names none and its text is not clearly about one');
    stack.push({ depth: heading.depth, steps, neutral, text: heading.text });
  }
}
