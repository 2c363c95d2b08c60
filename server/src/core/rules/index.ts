/** The rule catalogue. Order here is the order findings are reported on the same position. */
import type { Rule } from './rule';
import { invalidFrontMatter } from './invalid-front-matter';
import { missingStep } from './missing-step';
import { emptyStep } from './empty-step';
import { stepOrder } from './step-order';
import { missingTopic } from './missing-topic';
import { unjustifiedModelChoice } from './unjustified-model-choice';
import { missingBaseline } from './missing-baseline';
import { metricTaskMismatch } from './metric-task-mismatch';
import { imbalanceWithoutStrategy } from './imbalance-without-strategy';
import { unquantifiedRequirements } from './unquantified-requirements';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { splitLeakageRisk } from './split-leakage-risk';
import { inconsistentNumbers } from './inconsistent-numbers';
import { noOperatingPoint } from './no-operating-point';
import { labelDefinition } from './label-definition';
import { metricsNotConnected } from './metrics-not-connected';
import { tooComplex } from './too-complex';

export const rules: readonly Rule[] = [
  invalidFrontMatter,
  missingStep,
  emptyStep,
  stepOrder,
  missingTopic,
  unjustifiedModelChoice,
  missingBaseline,
  metricTaskMismatch,
  imbalanceWithoutStrategy,
  unquantifiedRequirements,
  splitLeakageRisk,
  inconsistentNumbers,
  noOperatingPoint,
  labelDefinition,
  metricsNotConnected,
  unfilledPlaceholder,
  tooComplex,
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
