/**
 * Restricted Mode: this suite runs in a code-server window with workspace trust enabled and the
 * workspace NOT trusted (test/e2e/exthost.test.mjs, second run). The runner gives the workspace a team
 * framework that renames the serving and monitoring steps, names it in `.mlsd.json` and in the workspace
 * setting `mlsd.framework`, and sets `mlsd.templatesFolder`. mlsd must lint with the built-in steps and
 * ignore all three (package.json `capabilities.untrustedWorkspaces`).
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { settings } from '../../../../client/src/config';
import { RESTRICTED_NOTE } from '../../../../client/src/statusBar';
import { api, fixture, open, waitFor, withCode, workspaceRoot } from '../helpers';

/** Titles the runner's team framework gives the two steps podcast-recs.md lacks. */
const TEAM_TITLES = /Team serving step|Team watching step/;
const doc = () => fixture('design-docs/podcast-recs.md');

suite('Restricted Mode (untrusted workspace)', () => {
  test('the workspace is untrusted, and its team framework is real (the CLI, outside the editor, reads it)', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'workspace trust is enabled and this folder is not trusted');
    // Without this the test below could pass because the framework file was broken, not because it was ignored.
    const ext = vscode.extensions.getExtension('mlsd.mlsd')!;
    const cli = path.join(ext.extensionPath, 'dist/cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', doc().fsPath], { cwd: workspaceRoot().fsPath, encoding: 'utf8' });
    assert.match(r.stdout, TEAM_TITLES, `the CLI lints with the team framework: ${r.stdout.slice(0, 400)} ${r.stderr}`);
  });

  test('lints with the built-in framework: the missing steps carry the built-in titles', async () => {
    const a = await api();
    await open(doc());
    const missing = await waitFor('two missing-step findings', () => { const d = withCode(doc(), 'missing-step'); return d.length === 2 && d; }, 30_000);
    const messages = missing.map((d) => d.message).join(' | ');
    assert.doesNotMatch(messages, TEAM_TITLES, `no team step titles: ${messages}`);
    assert.match(messages, /Serving and deployment/, messages);
    assert.match(messages, /Monitoring and maintenance/, messages);
    const model = await a.server.documentModel(doc());
    assert.ok(model, 'the server has the doc');
    assert.deepStrictEqual(model.steps.map((s) => s.title).filter((t) => TEAM_TITLES.test(t)), [], 'the outline shows the built-in steps');
    assert.strictEqual(model.steps.length, 7);
  });

  test('the workspace values of mlsd.framework and mlsd.templatesFolder are not applied', () => {
    const written = JSON.parse(fs.readFileSync(path.join(workspaceRoot().fsPath, '.vscode/settings.json'), 'utf8'));
    assert.strictEqual(written['mlsd.templatesFolder'], 'team-templates', 'the workspace sets a templates folder');
    assert.ok(written['mlsd.framework'], 'the workspace names a framework');
    const cfg = vscode.workspace.getConfiguration('mlsd', workspaceRoot());
    assert.strictEqual(cfg.get('framework'), '', 'mlsd.framework reads as the default');
    assert.strictEqual(settings.templatesFolder(workspaceRoot()), 'docs/design', 'New Design Doc proposes the default folder');
  });

  test('the status bar tooltip says Restricted Mode', async () => {
    const a = await api();
    await open(doc());
    await waitFor('the status item for the design doc', () => a.status.item.text.includes('/7'));
    assert.ok(String(a.status.item.tooltip).includes(RESTRICTED_NOTE), `tooltip: ${String(a.status.item.tooltip)}`);
  });
});
