/** Typed access to knowledge/lexicon.json: the vocabulary the rules look for (data, not code). */
import data from '../knowledge/lexicon.json';

export type Tier = 'simple' | 'medium' | 'complex';
export interface ModelFamily { id: string; label: string; tier: Tier; phrases: string[] }
export interface MetricEntry { id: string; label: string; phrases: string[] }
export interface TaskMetrics { fitting: string[]; misfit: string[]; suggest: string }
export interface PlaceholderPattern { pattern: string; flags: string; label: string }

export interface Lexicon {
  justification: string[];
  justificationHeadings: string[];
  /** Words that introduce a list of models being surveyed rather than chosen ("Typical options:"). */
  enumerationCues: string[];
  modelFamilies: ModelFamily[];
  metrics: MetricEntry[];
  taskMetrics: Record<string, TaskMetrics>;
  problemTypes: { id: string; task: string; phrases: string[] }[];
  frontMatterTasks: Record<string, string>;
  imbalanceStatements: { phrases: string[]; patterns: string[] };
  imbalanceStrategies: string[];
  placeholders: PlaceholderPattern[];
  requirementNumbers: { scale: string[]; latency: string[] };
  /** Words that show a doc is about machine learning at all (design-doc detection). */
  mlSignals: string[];
}

export const lexicon = data as Lexicon;
