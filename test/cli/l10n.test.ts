/**
 * The CLI's language: `--locale ru` and a Russian environment (LANG=ru_RU.UTF-8, LC_ALL wins over
 * LANG) print Russian sentences; no locale, C.UTF-8 or an unknown one print English; JSON keeps
 * its rule ids and data whatever the language, and a Russian doc is read alike in both.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mlsd } from '../support/cli';

const GAPS = 'test/cli/fixtures/gaps.md';
const RUSSIAN = /Выбрана сложная модель \(transformer\), но простой бейзлайн не назван/;
const ENGLISH = /A complex model \(transformer\) is chosen but no simple baseline is named/;
/** The environment without any locale of the caller's, plus these. */
const env = (vars: Record<string, string>) => ({ LC_ALL: '', LC_MESSAGES: '', LANG: '', ...vars });

describe('mlsd lint in the UI language', () => {
  it('--locale ru prints the findings and the summary in Russian', async () => {
    const r = await mlsd(['lint', '--locale', 'ru', GAPS], { env: env({}) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, RUSSIAN);
    assert.match(r.stdout, /Нет раздела|В шаге «Оценка качества»/);
    assert.match(r.stdout, /проблем: \d+ \(ошибок: \d+, предупреждений: \d+, замечаний: \d+\), файлов: 1/);
    assert.doesNotMatch(r.stdout, ENGLISH);
  });

  it('--locale=ru after the files works too, and a Russian LANG does the same without the flag', async () => {
    assert.match((await mlsd(['lint', GAPS, '--locale=ru'], { env: env({}) })).stdout, RUSSIAN);
    assert.match((await mlsd(['lint', GAPS], { env: env({ LANG: 'ru_RU.UTF-8' }) })).stdout, RUSSIAN);
    // LC_ALL overrides LANG, either way round.
    assert.match((await mlsd(['lint', GAPS], { env: env({ LANG: 'en_US.UTF-8', LC_ALL: 'ru_RU.UTF-8' }) })).stdout, RUSSIAN);
    assert.match((await mlsd(['lint', GAPS], { env: env({ LANG: 'ru_RU.UTF-8', LC_ALL: 'C.UTF-8' }) })).stdout, ENGLISH);
  });

  it('stays English by default, for C.UTF-8, and for a language without a bundle (with one warning for the flag)', async () => {
    for (const vars of [{}, { LANG: 'C.UTF-8' }, { LANG: 'de_DE.UTF-8' }] as Record<string, string>[]) {
      const r = await mlsd(['lint', GAPS], { env: env(vars) });
      assert.match(r.stdout, ENGLISH, JSON.stringify(vars));
      assert.equal(r.stderr, '');
    }
    const r = await mlsd(['lint', '--locale', 'xx', GAPS], { env: env({}) });
    assert.match(r.stdout, ENGLISH);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /no messages in 'xx'/);
  });

  it('JSON keeps rule ids, ranges and data in any language; only sentences change', async () => {
    const en = JSON.parse((await mlsd(['lint', '--format', 'json', GAPS], { env: env({}) })).stdout);
    const ru = JSON.parse((await mlsd(['lint', '--format', 'json', '--locale', 'ru', GAPS], { env: env({}) })).stdout);
    // The sentences: findings' messages, the kind's reason, how each heading was read.
    type Report = { kind: { kind: string; reason: string }; headings?: { why?: string }[]; findings: { message: string }[] };
    const strip = (r: Report[]) => r.map((f) => ({
      ...f, kind: f.kind.kind, headings: f.headings?.map(({ why: _w, ...h }) => h), findings: f.findings.map(({ message: _m, ...rest }) => rest),
    }));
    assert.deepEqual(strip(ru), strip(en));
    assert.notDeepEqual(ru[0].findings.map((f: { message: string }) => f.message), en[0].findings.map((f: { message: string }) => f.message));
  });

  it('a Russian doc is read the same whatever the UI language', async () => {
    const doc = 'test/unit/fixtures/steps/russian.md';
    const en = JSON.parse((await mlsd(['lint', '--all', '--format', 'json', doc], { env: env({}) })).stdout);
    const ru = JSON.parse((await mlsd(['lint', '--all', '--format', 'json', '--locale', 'ru', doc], { env: env({}) })).stdout);
    // Everything but the sentences: how each heading was read (its `why` is a sentence), the kind, the findings.
    type Report = { kind: { kind: string }; steps: unknown; headings: { why?: string }[]; findings: { ruleId: string; line: number; data: unknown }[] };
    const shape = (r: Report[]) => r.map((f) =>
      ({ kind: f.kind.kind, steps: f.steps, headings: f.headings.map(({ why: _w, ...h }) => h), findings: f.findings.map((x) => [x.ruleId, x.line, x.data]) }));
    assert.deepEqual(shape(ru), shape(en));
    assert.ok(ru[0].headings.some((h: { why?: string }) => /заголовок|текст|под «/.test(h.why ?? '')), 'the reading is explained in Russian');
  });

  it('mlsd report in Russian: headings, statuses, step titles and findings; English by default', async () => {
    const ru = await mlsd(['report', '--locale', 'ru', '--format', 'md', GAPS], { env: env({}) });
    assert.equal(ru.code, 0, ru.stderr);
    assert.match(ru.stdout, /\| Шаг \| Статус \| Где найден \|/);
    assert.match(ru.stdout, /\| Инференс и развёртывание \| ✗ отсутствует \| — \|/);
    assert.match(ru.stdout, /#### Замечания по шагам \(\d+\)/);
    assert.match(ru.stdout, RUSSIAN);
    const html = await mlsd(['report', '--format', 'html', GAPS], { env: env({ LANG: 'ru_RU.UTF-8' }) });
    assert.match(html.stdout, /<h3>Кейс для сравнения<\/h3>/);
    const en = await mlsd(['report', '--format', 'md', GAPS], { env: env({}) });
    assert.match(en.stdout, /\| Step \| Status \| Found in \|/);
  });

  it('--locale needs a value', async () => {
    const r = await mlsd(['lint', GAPS, '--locale']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /'--locale' needs a value/);
  });
});
