/** `mlsd lint` over the time limit with a team framework: the fallback report lists the team's steps. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { lintJson, REPO } from '../support/cli';
import { writeTeamFramework } from '../support/team-framework';

describe('mlsd lint: the time-limit fallback uses the framework in use', () => {
  let team: ReturnType<typeof writeTeamFramework>;
  before(() => {
    team = writeTeamFramework('mlsd-fallback-cli-');
    copyFileSync(path.join(REPO, 'test/lsp/fixtures/design-doc.md'), path.join(team.root, 'doc.md'));
  });
  after(() => rmSync(team.root, { recursive: true, force: true }));

  it('a team-framework doc that times out is reported with the team steps', async () => {
    const { result, reports } = await lintJson(['doc.md'], { cwd: team.root, env: { MLSD_ANALYSIS_TIMEOUT_MS: '1' } });
    assert.equal(result.stderr, '');
    assert.equal(reports.length, 1);
    const [report] = reports;
    assert.deepEqual(report.findings.map((f) => f.ruleId), ['too-complex']);
    assert.match(report.findings[0].message, /longer than 1 ms/);
    assert.deepEqual(report.steps.map((st) => st.title), team.titles);
  });
});
