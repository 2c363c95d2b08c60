/** A step's totals as a sentence a lead can repeat: "2 of 5 docs have no Monitoring; 1 more covers it thinly". */
import type { StepTotals } from './collect';

export function totalsSentence(c: StepTotals, docCount: number): string {
  const docs = (n: number) => `${n} of ${docCount} doc${docCount === 1 ? '' : 's'}`;
  const parts = [`${docs(c.missing)} ${c.missing === 1 ? 'has' : 'have'} no ${c.title}`];
  if (c.thin) parts.push(`${c.thin} more cover${c.thin === 1 ? 's' : ''} it thinly`);
  return parts.join('; ');
}
