/** A broken file can have thousands of problems; report the first few and how many more there are. */
import type { ConfigProblem } from '../core/config';

export const MAX_PROBLEMS = 20;

export function capProblems(problems: ConfigProblem[], max = MAX_PROBLEMS): ConfigProblem[] {
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), { message: `and ${problems.length - max} more problem${problems.length - max === 1 ? '' : 's'} not shown` }];
}
