/**
 * Language packs: the words docs in one language use for the steps, topics and the rest of the
 * vocabulary, keyed by the built-in framework's step and topic ids. English lives in the framework
 * and lexicon files themselves; every other language is one JSON file here, validated by
 * schemas/language.schema.json (the knowledge tests check each one).
 */
import ru from './languages/ru.json';
import ko from './languages/ko.json';
import type { Framework } from '../core/types';

export interface LanguagePack {
  language: string;
  name: string;
  neutralHeadings?: string[];
  steps?: Record<string, {
    aliases?: string[];
    cues?: string[];
    /** `section…` words count only inside the topic's own step sections, as in the framework. */
    topics?: Record<string, { phrases?: string[]; patterns?: string[]; sectionPhrases?: string[]; sectionPatterns?: string[]; appliesWhenMentioned?: string[] }>;
  }>;
  lexicon?: {
    /** Extra words for the lexicon's plain word lists, by key (justification, baselineWords…). */
    lists?: Record<string, string[]>;
    documentKinds?: Record<string, { title?: string[]; headings?: string[]; text?: string[] }>;
    templateTitle?: string[];
    imbalanceStatements?: string[];
    problemTypes?: Record<string, string[]>;
    /** Words for inconsistent-numbers' time bounds: quantity phrases by id, units, bound words… */
    boundedQuantities?: {
      quantities?: Record<string, string[]>;
      units?: { factor: number; pattern: string }[];
      upperBounds?: string[];
      percentiles?: string[];
      scopes?: string[];
      wholeScopes?: string[];
      notTargets?: string[];
      idealCues?: string[];
    };
  };
}

export const languagePacks: readonly LanguagePack[] = [ru, ko];

/** The framework with each pack's words added to the steps and topics whose ids it names. */
export function withLanguages(framework: Framework, packs: readonly LanguagePack[] = languagePacks): Framework {
  return {
    ...framework,
    neutralHeadings: [...(framework.neutralHeadings ?? []), ...packs.flatMap((p) => p.neutralHeadings ?? [])],
    steps: framework.steps.map((step) => {
      const extra = packs.map((p) => p.steps?.[step.id]).filter((x) => x !== undefined);
      if (!extra.length) return step;
      return {
        ...step,
        aliases: [...step.aliases, ...extra.flatMap((e) => e.aliases ?? [])],
        cues: [...(step.cues ?? []), ...extra.flatMap((e) => e.cues ?? [])],
        topics: step.topics.map((t) => {
          const more = extra.map((e) => e.topics?.[t.id]).filter((x) => x !== undefined);
          if (!more.length) return t;
          const merged = (key: 'patterns' | 'sectionPhrases' | 'sectionPatterns' | 'appliesWhenMentioned') => {
            const list = [...(t[key] ?? []), ...more.flatMap((m) => m[key] ?? [])];
            return list.length ? { [key]: list } : {};
          };
          return {
            ...t,
            phrases: [...t.phrases, ...more.flatMap((m) => m.phrases ?? [])],
            ...merged('patterns'), ...merged('sectionPhrases'), ...merged('sectionPatterns'), ...merged('appliesWhenMentioned'),
          };
        }),
      };
    }),
  };
}
