/**
 * The language of mlsd's messages. Every human sentence the core and the shells produce goes
 * through `@vscode/l10n`'s `t` with its English text as the key (so `@vscode/l10n-dev` extracts it
 * and the unit tests check each bundle has it). A shell calls `useMessages` once, before the first
 * analysis, with the bundle of the UI language (the editor's, or the CLI's `--locale`/LANG); no
 * bundle means English. The docs' language is another matter: the analysis never reads a message.
 *
 * Framework strings (step titles, topic labels, questions) are data: the bundled framework's are in
 * the bundle (scripts/l10n-strings.ts collects them), a team's own framework file is its own text
 * and is shown as written — `frameworkText` translates only for frameworks marked as shipped.
 */
import * as l10n from '@vscode/l10n';
import type { Framework } from './types';

/** A message bundle as `@vscode/l10n` reads it: English text → translation. */
export type MessageBundle = Record<string, string | { message: string; comment: string[] }>;

let current: MessageBundle | undefined;

/** Translate every message from now on with this bundle (undefined or empty: English). */
export function useMessages(bundle: MessageBundle | undefined): void {
  current = bundle && Object.keys(bundle).length ? bundle : undefined;
  l10n.config({ contents: current ?? {} });
}

/** The bundle in use, to hand on to a worker thread (undefined: English). */
export function messagesInUse(): MessageBundle | undefined {
  return current;
}

const shipped = new WeakSet<Framework>();

/** Mark a framework as one mlsd ships, so its titles, labels and questions are translated. */
export function shipsTranslations<F extends Framework>(framework: F): F {
  shipped.add(framework);
  return framework;
}

/** A framework string as the reader sees it: translated for a shipped framework, else as written. */
export function frameworkText(framework: Framework | undefined, text: string): string {
  return framework && shipped.has(framework) && text ? l10n.t(text) : text;
}

/** Text of other data mlsd ships (the lexicon's placeholder kinds and metric suggestions, the
 * practice plan's questions): always in the bundle. */
export function shippedText(text: string): string {
  return text ? l10n.t(text) : text;
}
