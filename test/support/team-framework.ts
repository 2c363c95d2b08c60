/** A team framework unlike the built-in one (five steps, own titles), written to a fresh folder with a `.mlsd.json` naming it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

export function writeTeamFramework(prefix: string): { root: string; titles: string[] } {
  const fw = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8')) as { steps: { title: string }[] };
  fw.steps = fw.steps.slice(0, 5);
  fw.steps.forEach((st, i) => { st.title = `Team step ${i + 1}`; });
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFileSync(path.join(root, 'team-framework.json'), JSON.stringify(fw));
  writeFileSync(path.join(root, '.mlsd.json'), JSON.stringify({ framework: 'team-framework.json' }));
  return { root, titles: fw.steps.map((st) => st.title) };
}
