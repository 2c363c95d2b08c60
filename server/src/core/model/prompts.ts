/**
 * Template prompts: the lines a scaffolded doc holds before anyone has written a word.
 *
 * A step whose sections hold only prompts is *not started*: it is reported once, as such, rather
 * than as thin prose plus one placeholder finding per prompt line. Prompts are recognised by their
 * marker, wherever they come from: `TODO:` / `TBD` lines (how `mlsd new`, the insert-step fix and
 * team templates render `{{?question}}`), raw `{{…}}` slots, unexpanded snippet tab stops, and the
 * framework's own guiding questions pasted verbatim. A bare question a writer typed themselves
 * ("How many users? About 2 M.") is content, not a prompt: interview answers are full of them.
 */
import type { Framework } from '../types';

/** A line that still holds a template marker. */
const MARKED = /\bTODO\b|\bTBD\b|\{\{|\$\{\d/;

const questionSets = new WeakMap<Framework, Set<string>>();

/** What is left of a line once list markers, checkboxes, emphasis and spacing are gone. */
function bare(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]?\]\s*)?/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The framework's guiding questions, normalised, so a pasted one is known for what it is. */
export function frameworkQuestions(framework: Framework): Set<string> {
  let set = questionSets.get(framework);
  if (!set) {
    set = new Set(framework.steps.flatMap((s) => s.questions.map(bare)));
    questionSets.set(framework, set);
  }
  return set;
}

/** A line that is nothing but a prompt: it opens with the marker (after a list bullet or a label
 * such as "**Baseline:**" / "Baseline:"), or is a bare slot. "Latency: 200 ms (TBD)" is an answer with a
 * caveat, not a prompt. */
const WHOLE_PROMPT = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]?\]\s*)?(?:(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__):?\s*|[^:\n]{1,40}:\s+)?(?:TODO\b|TBD\b|\{\{[^{}\n]*\}\}\s*$|\$\{\d)/;

/** The text without its prompt-only lines: a question about latency does not cover latency. */
export function withoutPrompts(text: string, questions: Set<string>): string {
  if (!MARKED.test(text) && !text.includes('?')) return text;
  return text
    .split('\n')
    .filter((l) => !isPromptLine(l, questions))
    .join('\n');
}

/** A table row of a template: at least half its cells are prompts, the rest are row labels
 * ("User | TODO: user features | TODO: batch or streaming?"). Cells are joined by " | ". */
export function isPromptRow(text: string, questions: Set<string>): boolean {
  const cells = text.split(' | ');
  const prompts = cells.filter((c) => isPromptLine(c, questions)).length;
  return prompts > 0 && prompts * 2 >= cells.length;
}

/** Whether a source line still holds a template marker; such a line adds no words to a section. */
export function holdsMarker(line: string, questions: Set<string>): boolean {
  return MARKED.test(line) || isPromptLine(line, questions);
}

/** Whether one source line is nothing but a prompt waiting for an answer. */
export function isPromptLine(line: string, questions: Set<string>): boolean {
  if (WHOLE_PROMPT.test(line)) return true;
  const b = bare(line);
  return b.length > 0 && questions.has(b);
}
