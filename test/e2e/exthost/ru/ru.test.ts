/**
 * The editor in Russian (code-server `--locale ru`, test/e2e/exthost.test.mjs, fourth run): VS Code
 * loads mlsd's package.nls.ru.json for the manifest and l10n/bundle.l10n.ru.json for the extension,
 * the client hands that bundle to the language server, and diagnostics, quick fixes, the outline and
 * the command titles are Russian. The doc itself is English: its analysis is the same.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { MlsdApi } from '../../../../client/src/api';
import { EXTENSION_ID, fixture, mlsdDiagnostics, open, waitFor, withCode } from '../helpers';

suite('the editor in Russian', () => {
  test('the display language is Russian', () => {
    assert.strictEqual(vscode.env.language, 'ru');
  });

  test('command titles, views and settings come from package.nls.ru.json', () => {
    // A translated title arrives as { value, original }; a view name as the translated string.
    type Text = string | { value: string; original: string };
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; title: Text }[]; views: { mlsd: { id: string; name: string }[] } };
    };
    const text = (t: Text | undefined) => (typeof t === 'string' ? t : t?.value);
    const title = (id: string) => text(pkg.contributes.commands.find((c) => c.command === id)?.title);
    assert.strictEqual(title('mlsd.lintWorkspace'), 'Проверить рабочую область');
    assert.strictEqual(title('mlsd.newDesignDoc'), 'Новый дизайн-документ');
    assert.strictEqual(pkg.contributes.views.mlsd.find((v) => v.id === 'mlsd.outline')?.name, 'Шаги дизайна');
    assert.ok(pkg.contributes.commands.every((c) => !/^%.*%$/.test(text(c.title) ?? '')), 'no title is left as its key');
  });

  test('diagnostics, quick-fix titles and the outline are Russian; the reading of the doc is not changed', async () => {
    const a = await vscode.extensions.getExtension<MlsdApi>(EXTENSION_ID)!.activate();
    await a.ready;
    const uri = fixture('design-docs/podcast-recs.md');
    await open(uri);
    await waitFor('mlsd diagnostics', () => mlsdDiagnostics(uri).length > 0, 30_000);
    const missing = withCode(uri, 'missing-step').map((d) => d.message);
    assert.ok(missing.includes('Нет раздела для шага «Инференс и развёртывание». Ревьюер спросит: Батч или real-time инференс, и почему?'), missing.join('\n'));
    // Asked until the fixes are there: the provider answers from the diagnostics the editor holds.
    let titles: string[] = [];
    await waitFor('the Russian "disable for this line" fix', async () => {
      const d = withCode(uri, 'missing-step')[0];
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
      titles = actions.map((x) => x.title);
      return titles.includes('Отключить missing-step для этой строки');
    }, 30_000).catch(() => assert.fail(`quick fixes offered: ${titles.join(' | ')}`));
    const model = await a.server.documentModel(uri);
    assert.ok(model?.steps.some((s) => s.id === 'serving' && s.title === 'Инференс и развёртывание' && s.status === 'missing'), JSON.stringify(model?.steps.map((s) => [s.id, s.title])));
    assert.strictEqual(model?.coveredCount, 3, 'the same steps are covered as in English');
    // The client's own strings: VS Code loaded mlsd's Russian bundle when it activated mlsd.
    const tooltip = await waitFor('the status item in Russian', () => {
      const t = a.status.item.tooltip;
      return typeof t === 'string' && t.startsWith('Дизайн ML-системы: раскрыто шагов — 3 из 7') ? t : undefined;
    }, 30_000);
    assert.match(tooltip, /Замечания — на панели «Проблемы»/);
  });
});
