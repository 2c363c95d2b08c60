/** What a rule is: metadata plus one pure function of (doc model, context). */
import type { DesignDoc, Finding, Framework, Severity, SeveritySetting } from '../types';
import type { Lexicon } from '../lexicon';

export interface RuleMeta {
  id: string;
  /** One line: what the rule flags. */
  description: string;
  defaultSeverity: SeveritySetting;
  tags: string[];
  /** Offers a quick fix beyond "disable for this line". */
  fixable: boolean;
  /** Runs on design-doc templates too (structure); content rules expect a filled-in doc. */
  templates?: boolean;
}

export interface RuleContext {
  framework: Framework;
  lexicon: Lexicon;
  /** The document's lines, for rules that point at an exact word. */
  lines: string[];
  /** Severity per topic ("step.topic"), from config. */
  topicSeverities: Record<string, SeveritySetting>;
  /** Known case-study ids, for front matter checks. */
  caseStudyIds: string[];
  /** Whether another rule runs on this doc (not off, in scope): rules that hand a gap to each other ask. */
  ruleOn?: (ruleId: string) => boolean;
}

/** A rule's output; severity is filled in by the linter unless the rule sets one (per-topic severities). */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface Rule {
  meta: RuleMeta;
  check(doc: DesignDoc, ctx: RuleContext): RuleFinding[];
}
