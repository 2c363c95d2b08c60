/**
 * `action.yml` and `.pre-commit-hooks.yaml`, read with the `yaml` package: every input the action
 * uses is declared (and every declared one used), its scripts take inputs only through env, and the
 * lint step's script itself is run with bash the way the runner would (expressions replaced, a
 * GITHUB_OUTPUT file) against this checkout. The hook's entry must name the package's bin and a
 * real command, and the packed package must carry the built CLI the hook runs.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { BIN, mlsd, REPO } from '../support/cli';

interface Step { name?: string; id?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; 'working-directory'?: string }
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = readFileSync(path.join(REPO, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const steps = action.runs.steps;
const lintStep = steps.find((s) => s.id === 'lint')!;

let temp: string;
before(() => { temp = mkdtempSync(path.join(tmpdir(), 'mlsd-action-')); });
after(() => rmSync(temp, { recursive: true, force: true }));

/** The few expressions the action's env uses, evaluated as the runner would for these inputs. */
function expand(value: string, inputs: Record<string, string>, lintExit = ''): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return REPO;
    if (expr === 'runner.temp') return temp;
    if (expr === 'steps.lint.outputs.exit-code') return lintExit;
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1]] ?? action.inputs[input[1]]?.default ?? '';
    throw new Error(`the test does not know the expression \${{ ${expr} }}`);
  });
}

interface StepRun { code: number; stdout: string; stderr: string; outputs: string }

/** Runs a step's script with bash, its env expanded, from the repo as the workspace. */
function runStep(step: Step, inputs: Record<string, string>, lintExit = ''): Promise<StepRun> {
  const outputFile = path.join(temp, `github-output-${Math.random().toString(36).slice(2)}`);
  const env: Record<string, string> = { ...process.env as Record<string, string>, NO_COLOR: '1', GITHUB_OUTPUT: outputFile };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs, lintExit);
  return new Promise((resolve) => {
    // `shell: bash` runs `bash --noprofile --norc -eo pipefail {0}`.
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: REPO, env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr, outputs: existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '' });
    });
  });
}

describe('action.yml', () => {
  it('is a composite action whose inputs are exactly the ones it uses', () => {
    assert.equal(action.runs.using, 'composite');
    const declared = Object.keys(action.inputs).sort();
    assert.deepEqual(declared, ['baseline', 'changed-since', 'fail-on', 'format', 'paths']);
    const used = [...new Set([...actionText.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]))].sort();
    assert.deepEqual(used, declared, 'every input used is declared, and every declared input is used');
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description?.length > 10, `${name} is described`);
    const stepIds = new Set(steps.map((s) => s.id).filter(Boolean));
    for (const m of actionText.matchAll(/\bsteps\.([\w-]+)\./g)) assert.ok(stepIds.has(m[1]), `step '${m[1]}' exists`);
  });

  it('scripts take inputs only through env (no expression is spliced into a script), each with a shell', () => {
    for (const s of steps.filter((st) => st.run)) {
      assert.equal(s.shell, 'bash', `${s.name} has a shell`);
      assert.doesNotMatch(s.run!, /\$\{\{/, `${s.name}: no \${{ }} inside run`);
    }
  });

  it('builds the action\'s own checkout, runs its built CLI, and uploads SARIF only for format sarif', () => {
    const build = steps.find((s) => s.run?.includes('npm ci'))!;
    assert.equal(build['working-directory'], '${{ github.action_path }}');
    assert.match(build.run!, /npm ci .*&& npm run build/);
    assert.equal(lintStep.env!.MLSD_BIN, '${{ github.action_path }}/bin/mlsd.js');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if!, /inputs\.format == 'sarif'/);
    assert.equal(upload.with!.sarif_file, lintStep.env!.MLSD_SARIF, 'uploads the file the lint step writes');
  });

  it('format github: annotations on stdout, fails on the error, exit-code output', async () => {
    const r = await runStep(lintStep, { format: 'github', paths: 'test/cli/fixtures/gaps.md\n  test/cli/fixtures/broken-front-matter.md' });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 5 && lines.every((l) => /^::(error|warning|notice) file=test\/cli\/fixtures\/[\w-]+\.md,line=\d+,/.test(l)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::error file=test/cli/fixtures/broken-front-matter.md')));
    assert.equal(r.outputs, 'exit-code=1\n');
  });

  it('fail-on never passes the step but still reports the exit code; fail-on warning fails on warnings', async () => {
    const never = await runStep(lintStep, { format: 'github', paths: 'test/cli/fixtures/broken-front-matter.md', 'fail-on': 'never' });
    assert.equal(never.code, 0, never.stderr);
    assert.equal(never.outputs, 'exit-code=1\n');
    const errorOnly = await runStep(lintStep, { format: 'github', paths: 'test/cli/fixtures/gaps.md' });
    assert.equal(errorOnly.code, 0, 'warnings alone do not fail with fail-on error');
    const warning = await runStep(lintStep, { format: 'github', paths: 'test/cli/fixtures/gaps.md', 'fail-on': 'warning' });
    assert.equal(warning.code, 1);
  });

  it('format sarif: writes the SARIF the upload step reads and leaves failing to the last step', async () => {
    const r = await runStep(lintStep, { format: 'sarif', paths: 'test/cli/fixtures/broken-front-matter.md' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.outputs, 'exit-code=1\n');
    const sarif = JSON.parse(readFileSync(path.join(temp, 'mlsd.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    const fail = steps.at(-1)!;
    assert.match(fail.if!, /inputs\.format == 'sarif'/);
    // The last step gets the lint step's exit code through steps.lint.outputs.
    assert.equal((await runStep(fail, { 'fail-on': 'error' }, '1')).code, 1);
    assert.equal((await runStep(fail, { 'fail-on': 'never' }, '1')).code, 0);
    assert.equal((await runStep(fail, { 'fail-on': 'never' }, '2')).code, 2, 'a usage or config error always fails');
  });

  it('globs in paths reach mlsd unexpanded; baseline and changed-since become flags; a bad format is one ::error', async () => {
    const glob = await runStep(lintStep, { format: 'github', paths: 'test/cli/fixtures/*.md', 'fail-on': 'never' });
    assert.match(glob.stdout, /file=test\/cli\/fixtures\/gaps\.md/);
    assert.match(glob.stdout, /file=test\/cli\/fixtures\/broken-front-matter\.md/);
    const baseline = await runStep(lintStep, { format: 'github', paths: 'test/cli/fixtures/gaps.md', baseline: path.join(temp, 'missing-baseline.json') });
    assert.equal(baseline.code, 2);
    assert.match(baseline.stderr, /cannot read baseline .*missing-baseline\.json/);
    const since = await runStep(lintStep, { format: 'github', paths: '', 'changed-since': 'no-such-ref-xyz' });
    assert.equal(since.code, 2);
    assert.match(since.stderr, /no-such-ref-xyz/);
    const bad = await runStep(lintStep, { format: 'text' });
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /^::error title=mlsd::format must be 'github' or 'sarif' \(got 'text'\)$/m);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; name: string; entry: string; language: string; types: string[] }[];
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  it('declares the mlsd hook: node, on Markdown, entry `mlsd lint`', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'mlsd');
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    assert.equal(hook.entry, 'mlsd lint');
  });

  it('the entry names the package bin and a real command, and runs on the files pre-commit passes', async () => {
    const [bin, command] = hooks[0].entry.split(' ');
    assert.ok(pkg.bin[bin], `package.json has a '${bin}' bin`);
    assert.equal(path.resolve(REPO, pkg.bin[bin]), BIN);
    const help = await mlsd([command, '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, new RegExp(`^Usage: mlsd ${command} `));
    // pre-commit appends the staged files; a README (not a design doc) among them is skipped, not failed.
    const run = await mlsd([command, 'test/cli/fixtures/broken-front-matter.md', 'README.md']);
    assert.equal(run.code, 1);
    assert.equal((await mlsd([command, 'examples/complete-design-doc.md', 'README.md'])).code, 0);
  });

  it('the package pre-commit installs carries the built CLI (prepare builds it; .npmignore keeps dist/)', () => {
    assert.match(pkg.scripts.prepare, /esbuild/);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = new Set(packed[0].files.map((f) => f.path));
    for (const f of ['bin/mlsd.js', 'dist/cli.js', 'dist/analysis-worker.js', 'package.json']) assert.ok(files.has(f), `packed: ${f}`);
    assert.ok(![...files].some((f) => f.startsWith('node_modules/') || f.startsWith('test/')), 'no node_modules or tests in the package');
  });
});
