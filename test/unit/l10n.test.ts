/**
 * Every message has every translation: l10n/bundle.l10n.json is what `npm run l10n:extract` would
 * write (all `t()` calls in client/src and server/src plus the shipped framework's and lexicon's
 * text), each translation has exactly its keys with the same {0} placeholders, and the manifest's
 * `%key%`s are all in package.nls.json and each package.nls.<lang>.json. The shipped framework is
 * translated, a team's own framework file is shown as written.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDir, englishBundle, renderBundle, root } from '../../scripts/l10n-strings';
import { frameworkText, useMessages } from '../../server/src/core/l10n';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { withLanguages } from '../../server/src/knowledge/languages';
import data from '../../server/src/knowledge/frameworks/seven-step.json';
import type { Framework } from '../../server/src/core/types';
import { SKIP_REASONS, shownSkipReason, skipReason } from '../../server/src/core/skip-reasons';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
const translations = (dir: string, re: RegExp) => readdirSync(dir).filter((f) => re.test(f));

function assertSameKeysAndPlaceholders(english: Record<string, string>, other: Record<string, string>, name: string) {
  const missing = Object.keys(english).filter((k) => !(k in other));
  const unused = Object.keys(other).filter((k) => !(k in english));
  assert.deepEqual(missing, [], `${name} lacks these keys`);
  assert.deepEqual(unused, [], `${name} has keys nothing uses`);
  for (const [k, v] of Object.entries(english)) {
    assert.deepEqual(placeholders(other[k]), placeholders(v), `${name}: placeholders of ${JSON.stringify(k)}`);
    assert.ok(other[k].trim(), `${name}: empty translation of ${JSON.stringify(k)}`);
  }
}

describe('message bundles (l10n/)', () => {
  it('bundle.l10n.json is what l10n:extract writes from the code and the shipped knowledge', async () => {
    const expected = renderBundle(await englishBundle());
    assert.equal(readFileSync(join(bundleDir, 'bundle.l10n.json'), 'utf8'), expected, 'stale: run npm run l10n:extract');
  });

  it('the extraction finds the client, the rules and the shells', async () => {
    const keys = Object.keys(await englishBundle());
    for (const k of ["No section for '{0}'.", 'Disable {0} for this line', 'Questions to answer:', '{0} problems', 'Clarify requirements']) assert.ok(keys.includes(k), k);
    assert.ok(keys.length > 200, String(keys.length));
  });

  it('every translation has every key, no others, and the same placeholders', () => {
    const english = read(join(bundleDir, 'bundle.l10n.json'));
    const langs = translations(bundleDir, /^bundle\.l10n\.[^.]+\.json$/);
    assert.ok(langs.includes('bundle.l10n.ru.json'));
    for (const f of langs) assertSameKeysAndPlaceholders(english, read(join(bundleDir, f)), `l10n/${f}`);
  });

  it('the Russian bundle is Russian (no message left in English)', () => {
    const ru = read(join(bundleDir, 'bundle.l10n.ru.json'));
    const untranslated = Object.entries(ru).filter(([k, v]) => k === v && /[a-z]{4,}/i.test(k.replace(/\{\d+\}/g, '')) && !/^[A-Za-z@\d, ./-]*(or|,)?[A-Za-z@\d, ./-]*$/.test(k));
    assert.deepEqual(untranslated.map(([k]) => k), []);
  });
});

describe('manifest strings (package.nls*.json)', () => {
  const pkgText = readFileSync(join(root, 'package.json'), 'utf8');
  const nls = read(join(root, 'package.nls.json'));

  it('every %key% in package.json is in package.nls.json, and every key there is used', () => {
    const used = new Set([...pkgText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 40, String(used.size));
    assert.deepEqual([...used].filter((k) => !(k in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
    const pkg = JSON.parse(pkgText) as { l10n?: string; contributes: { commands: { title: string }[] } };
    assert.equal(pkg.l10n, './l10n');
    assert.ok(pkg.contributes.commands.every((c) => /^%.+%$/.test(c.title)), 'every command title is translatable');
  });

  it('every package.nls.<lang>.json has every key with the same placeholders', () => {
    const langs = translations(root, /^package\.nls\.[^.]+\.json$/);
    assert.ok(langs.includes('package.nls.ru.json'));
    for (const f of langs) assertSameKeysAndPlaceholders(nls, read(join(root, f)), f);
  });
});

describe('framework text', () => {
  it('the shipped framework is translated; a team framework with the same words is shown as written', () => {
    const ru = read(join(bundleDir, 'bundle.l10n.ru.json'));
    const team: Framework = withLanguages(structuredClone(data) as Framework);
    try {
      useMessages(ru);
      assert.equal(frameworkText(defaultFramework, 'Evaluation'), ru.Evaluation);
      assert.notEqual(ru.Evaluation, 'Evaluation');
      assert.equal(frameworkText(team, 'Evaluation'), 'Evaluation');
    } finally {
      useMessages(undefined);
    }
    assert.equal(frameworkText(defaultFramework, 'Evaluation'), 'Evaluation');
  });
});

describe('too-complex reasons', () => {
  it('every reason a part is skipped for reads back from its English data into the UI language', () => {
    const ru = read(join(bundleDir, 'bundle.l10n.ru.json'));
    try {
      useMessages(ru);
      for (const template of SKIP_REASONS) {
        const data = skipReason(template, 123, 45);
        const shown = shownSkipReason(data);
        assert.notEqual(shown, data, `"${template}" is shown in Russian`);
        if (template.includes('{0}')) assert.match(shown, /123/, `"${template}" keeps its numbers`);
      }
    } finally {
      useMessages(undefined);
    }
    const data = skipReason('a line is {0} characters long (limit {1})', 25000, 20000);
    assert.equal(data, 'a line is 25000 characters long (limit 20000)');
    assert.equal(shownSkipReason(data), data, 'in English the data is the sentence');
    assert.equal(shownSkipReason('time'), 'time', 'a reason from elsewhere is shown as it is');
  });
});
