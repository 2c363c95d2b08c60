/**
 * The repo benchmark's folder: `count` design docs in ten team folders, as a docs repo might hold
 * them. Three in four are bench/generate.ts docs of 60–300 lines (seeded, all different); every
 * fourth is a copy of one of examples/*.md, so real hand-written docs are in the mix too.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateDoc, rng } from './generate';

const EXAMPLES = path.resolve(__dirname, '../examples');

/** Writes the docs under `dir` (created); returns how many lines they hold in all. */
export function writeRepoFolder(dir: string, count: number): number {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort()
    .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));
  const r = rng(7);
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const team = path.join(dir, `team-${i % 10}`);
    mkdirSync(team, { recursive: true });
    const text = i % 4 === 3 ? examples[i % examples.length] : generateDoc(60 + Math.floor(r() * 240), 5000 + i);
    lines += text.split('\n').length;
    writeFileSync(path.join(team, `doc-${String(i).padStart(4, '0')}.md`), text);
  }
  return lines;
}
