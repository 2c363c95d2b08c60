/**
 * Seeded generator of realistic design docs for the benchmark and the property tests: the seven
 * steps repeated as numbered sections with sub-sections, prose, nested lists, tables, code fences
 * (with `#` comment lines), quotes and HTML comments, until the doc reaches the wanted length.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: tiny, deterministic, good enough for test data.
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

const WORDS = ('model data feature label user item ranking latency batch real-time embedding drift retrain metric offline online ' +
  'baseline sampling negative positive click watch session catalogue candidate retrieval index cache serve monitor alert ' +
  'precision recall NDCG calibration fairness privacy budget throughput request traffic experiment treatment control').split(' ');
const STEPS = ['Clarify requirements', 'Frame the problem as an ML task', 'Data preparation', 'Model development', 'Evaluation', 'Serving and deployment', 'Monitoring and maintenance'];
const SUBS = ['Scale and latency', 'Labels', 'Features', 'Sampling strategy', 'Baseline', 'Why this model', 'Offline metrics', 'Online metrics', 'Rollout', 'Drift', 'Open questions', 'Notes'];

export function generateDoc(targetLines: number, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const sentence = () => {
    const n = 6 + Math.floor(r() * 14);
    const w = Array.from({ length: n }, () => pick(WORDS));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}${r() < 0.2 ? ` because ${pick(WORDS)} ${pick(WORDS)}` : ''}.`;
  };
  const out: string[] = ['---', 'mlsd: true', 'problem: recommendation', 'title: Generated design doc', '---', '', '# Generated design doc', ''];
  let part = 0;
  while (out.length < targetLines) {
    const step = STEPS[part % STEPS.length];
    out.push(`## ${Math.floor(part / STEPS.length) + 1}.${(part % STEPS.length) + 1} ${step}`, '');
    const subs = 1 + Math.floor(r() * 3);
    for (let s = 0; s < subs; s++) {
      out.push(`### ${pick(SUBS)}`, '');
      const blocks = 2 + Math.floor(r() * 4);
      for (let b = 0; b < blocks; b++) {
        const kind = r();
        if (kind < 0.4) out.push(Array.from({ length: 1 + Math.floor(r() * 4) }, sentence).join(' '), '');
        else if (kind < 0.65) {
          for (let i = 0; i < 2 + Math.floor(r() * 4); i++) {
            out.push(`- ${sentence()}`);
            if (r() < 0.3) out.push(`  - ${sentence()}`);
          }
          out.push('');
        } else if (kind < 0.75) {
          out.push('| Option | Latency | Why |', '| --- | --- | --- |');
          for (let i = 0; i < 2 + Math.floor(r() * 3); i++) out.push(`| ${pick(WORDS)} | ${Math.floor(r() * 200)} ms | ${sentence()} |`);
          out.push('');
        } else if (kind < 0.85) {
          out.push('```python', '# compute the features', `x = ${pick(WORDS)}(${Math.floor(r() * 9)})`, '# Key metric', 'print(x)', '```', '');
        } else if (kind < 0.93) out.push(`> ${sentence()}`, '');
        else out.push('<!-- reviewer note:', `# not a heading ${pick(WORDS)}`, '-->', '');
      }
    }
    part++;
  }
  return out.slice(0, Math.max(targetLines, 10)).join('\n') + '\n';
}

/**
 * A doc of `n` sections, each a `##` heading and one short paragraph: the shape that must cost time
 * linear in its headings (issue 11). `plain`: "Section N" headings, which name no step; `steps`: the
 * seven steps' names in turn ("Requirements N", "Data N", …), so every step has n / 7 sections.
 */
export function generateHeadingsDoc(n: number, variant: 'plain' | 'steps' = 'steps'): string {
  const names = ['Requirements', 'Framing', 'Data', 'Model', 'Evaluation', 'Serving', 'Monitoring'];
  const out = ['# Many sections', ''];
  for (let i = 0; i < n; i++) {
    out.push(variant === 'plain' ? `## Section ${i}` : `## ${names[i % names.length]} ${i}`, '', `Some text about part ${i} of the system.`, '');
  }
  return out.join('\n');
}
