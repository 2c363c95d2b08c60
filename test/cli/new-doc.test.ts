/** `mlsd new` when the target cannot be written: one clear line, exit 2, no stack trace, nothing overwritten. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mlsd, type CliResult } from '../support/cli';

function assertOneLine(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit 2; stderr: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at |unexpected error|Error:/, 'no stack trace');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(r.stderr, pattern);
}

describe('mlsd new: targets that cannot be written', () => {
  let tmp: string;
  before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-new-')); });
  after(() => {
    try { chmodSync(path.join(tmp, 'locked'), 0o755); } catch { /* not made */ }
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a dangling symbolic link is not followed or replaced', async () => {
    symlinkSync(path.join(tmp, 'nowhere', 'target.md'), path.join(tmp, 'dangling.md'));
    const r = await mlsd(['new', '--title', 'X', 'dangling.md'], { cwd: tmp });
    assertOneLine(r, /dangling\.md is a symbolic link .*does not exist.*not overwriting/);
    assert.ok(lstatSync(path.join(tmp, 'dangling.md')).isSymbolicLink());
    assert.equal(readlinkSync(path.join(tmp, 'dangling.md')), path.join(tmp, 'nowhere', 'target.md'));
    assert.ok(!existsSync(path.join(tmp, 'nowhere')), 'nothing created where the link points');
  });

  it('a parent path that is a file', async () => {
    writeFileSync(path.join(tmp, 'notes'), 'a file, not a folder\n');
    for (const target of ['notes/doc.md', 'notes/deeper/doc.md']) {
      const r = await mlsd(['new', '--title', 'X', target], { cwd: tmp });
      assertOneLine(r, /cannot create .*: notes is a file, not a folder/);
    }
    assert.equal(readFileSync(path.join(tmp, 'notes'), 'utf8'), 'a file, not a folder\n');
  });

  it('a folder without write permission', { skip: process.getuid?.() === 0 ? 'root may write anywhere' : false }, async () => {
    mkdirSync(path.join(tmp, 'locked'));
    chmodSync(path.join(tmp, 'locked'), 0o555);
    const r = await mlsd(['new', '--title', 'X', 'locked/doc.md'], { cwd: tmp });
    assertOneLine(r, /cannot create locked\/doc\.md: permission denied/);
  });

  it('a read-only location (as root too): /proc', async () => {
    const r = await mlsd(['new', '--title', 'X', '/proc/mlsd-new-doc.md'], { cwd: tmp });
    assertOneLine(r, /cannot create \/proc\/mlsd-new-doc\.md: /);
  });

  it('a folder of the same name, and an unknown option', async () => {
    mkdirSync(path.join(tmp, 'taken.md'));
    assertOneLine(await mlsd(['new', '--title', 'X', 'taken.md'], { cwd: tmp }), /taken\.md is a folder; not overwriting it/);
    const r = await mlsd(['new', '--bogus'], { cwd: tmp });
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.match(r.stderr, /bogus/);
  });
});
