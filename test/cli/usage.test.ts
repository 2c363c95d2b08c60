/**
 * How mlsd answers being called: `<command> --help` / `-h` for every command, unknown options and
 * commands in plain words with "did you mean", exit 2 and nothing on stdout on a usage error.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mlsd } from '../support/cli';

const GAPS = 'test/cli/fixtures/gaps.md';
const COMMANDS = ['lint', 'new', 'explain', 'case-studies', 'rules', 'report', 'mcp'];

/** A usage error: exit 2, one message line plus the pointer to help, nothing on stdout (no "✔ 0 problems"). */
function assertUsageError(r: { code: number | null; stdout: string; stderr: string }, message: RegExp, help: string) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '', 'nothing on stdout, no summary line');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  assert.match(lines[0], message);
  assert.equal(lines[1], `Run '${help}' for usage.`);
  assert.doesNotMatch(r.stderr, /ERR_PARSE_ARGS|TypeError|\n\s+at /);
}

describe('mlsd <command> --help', () => {
  for (const command of COMMANDS) {
    it(`${command} --help and -h print that command's usage, exit 0`, async () => {
      for (const flag of ['--help', '-h']) {
        const r = await mlsd([command, flag]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, '');
        assert.ok(r.stdout.startsWith(`Usage: mlsd ${command}`), r.stdout);
        assert.match(r.stdout, /-h, --help/);
      }
    });
  }

  it('--help wins over other arguments, even ones that would be errors', async () => {
    const r = await mlsd(['lint', '--format', 'xml', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: mlsd lint/);
  });

  it('lint --help lists every option lint accepts, and each listed option is accepted', async () => {
    const help = (await mlsd(['lint', '--help'])).stdout;
    const listed = [...help.matchAll(/^\s+(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]).filter((f) => f !== 'help');
    assert.ok(listed.includes('format') && listed.includes('all'), help);
    for (const flag of listed) {
      const r = await mlsd(['lint', `--${flag}`, '--help']);
      assert.doesNotMatch(r.stderr, /unknown option/, `--${flag} is listed but rejected`);
    }
  });

  it('the overview points at the per-command help', async () => {
    const r = await mlsd(['--help']);
    assert.match(r.stdout, /mlsd <command> --help/);
  });
});

describe('usage errors in plain words', () => {
  it("an unknown option: \"unknown option '--force' for 'mlsd lint'\", exit 2", async () => {
    assertUsageError(await mlsd(['lint', '--force', GAPS]), /^mlsd: unknown option '--force' for 'mlsd lint'$/, 'mlsd lint --help');
    assertUsageError(await mlsd(['new', '--force', '--title', 'X']), /^mlsd: unknown option '--force' for 'mlsd new'$/, 'mlsd new --help');
    assertUsageError(await mlsd(['report', '--force', GAPS]), /^mlsd: unknown option '--force' for 'mlsd report'$/, 'mlsd report --help');
    assertUsageError(await mlsd(['rules', '--all']), /unknown option '--all' for 'mlsd rules'/, 'mlsd rules --help');
  });

  it('a close misspelling of an option gets "did you mean"', async () => {
    assertUsageError(await mlsd(['lint', '--fromat', 'json', GAPS]), /unknown option '--fromat' for 'mlsd lint' — did you mean --format\?$/, 'mlsd lint --help');
    assertUsageError(await mlsd(['lint', '--max-warning=3', GAPS]), /did you mean --max-warnings\?$/, 'mlsd lint --help');
    assertUsageError(await mlsd(['new', '--tittle', 'X']), /did you mean --title\?$/, 'mlsd new --help');
    assertUsageError(await mlsd(['report', '--ouput', 'r.html', GAPS]), /did you mean --output\?$/, 'mlsd report --help');
  });

  it("a mistyped command: \"unknown command 'lnt' — did you mean 'lint'?\"", async () => {
    assertUsageError(await mlsd(['lnt', GAPS]), /^mlsd: unknown command 'lnt' — did you mean 'lint'\?$/, 'mlsd --help');
    assertUsageError(await mlsd(['reprot']), /did you mean 'report'\?$/, 'mlsd --help');
    assertUsageError(await mlsd(['case-study']), /did you mean 'case-studies'\?$/, 'mlsd --help');
    const far = await mlsd(['frobnicate']);
    assertUsageError(far, /^mlsd: unknown command 'frobnicate'$/, 'mlsd --help');
  });

  it('an option missing its value, a value given to a switch, an unknown short option', async () => {
    assertUsageError(await mlsd(['lint', GAPS, '--format']), /option '--format' needs a value/, 'mlsd lint --help');
    assertUsageError(await mlsd(['lint', '--verbose=yes', GAPS]), /option '--verbose' takes no value/, 'mlsd lint --help');
    assertUsageError(await mlsd(['lint', '-z', GAPS]), /unknown option '-z' for 'mlsd lint'/, 'mlsd lint --help');
  });

  it('other usage errors say which help to read, and print no summary', async () => {
    assertUsageError(await mlsd(['lint', '--format', 'xml', GAPS]), /--format must be/, 'mlsd lint --help');
    assertUsageError(await mlsd(['lint']), /needs at least one file/, 'mlsd lint --help');
    assertUsageError(await mlsd(['explain']), /explain needs/, 'mlsd explain --help');
  });

  it('flags in --name=value and short forms work, and -- ends the options', async () => {
    const a = await mlsd(['lint', '--format=json', GAPS]);
    assert.equal(a.code, 0, a.stderr);
    assert.doesNotThrow(() => JSON.parse(a.stdout));
    const b = await mlsd(['lint', '-f', 'json', GAPS]);
    assert.equal(b.stdout, a.stdout);
    const c = await mlsd(['lint', '--format', 'json', '--', GAPS]);
    assert.equal(c.stdout, a.stdout);
  });
});
