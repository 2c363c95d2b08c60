/**
 * A doc whose analysis overruns the time limit (MLSD_ANALYSIS_TIMEOUT_MS=1) in a workspace with a
 * team framework: the server's too-complex fallback lists the team's steps, not the built-in seven.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lsp-client';
import { writeTeamFramework } from '../support/team-framework';

const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');

interface Model { tooComplex?: boolean; steps: { id: string; title: string; status: string }[] }

describe('language server: the time-limit fallback uses the framework in use', () => {
  let client: LspClient;
  let team: ReturnType<typeof writeTeamFramework>;

  before(async () => {
    team = writeTeamFramework('mlsd-fallback-lsp-');
    client = await LspClient.start({ root: team.root, env: { MLSD_ANALYSIS_TIMEOUT_MS: '1' }, settings: { debounceMs: 0 } });
  });
  after(async () => {
    try { if (client) assert.equal(await client.shutdown(), 0); } finally {
      client?.kill();
      rmSync(team.root, { recursive: true, force: true });
    }
  });

  it('a team-framework doc that times out gets the team steps', async () => {
    const uri = pathToFileURL(path.join(team.root, 'doc.md')).href;
    const ds = await client.open(uri, designDoc);
    assert.deepEqual(ds.filter((d) => d.code === 'too-complex').length, 1, ds.map((d) => d.code).join(', '));
    assert.ok(!ds.some((d) => d.code === 'invalid-config'), 'the team framework is valid');
    const model = await client.request<Model | null>('mlsd/documentModel', { uri });
    assert.equal(model?.tooComplex, true);
    assert.deepEqual(model.steps.map((st) => st.title), team.titles);
  });
});
