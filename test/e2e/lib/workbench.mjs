// What the UI suites do in the workbench as a person would: the command palette, Quick Open, Go to
// Line, and the views and webviews they look at. `getPage` returns the suite's current page (it is
// opened in the suite's `before`), so the helpers can be made once at the top of a suite.
import { poll } from './editor.mjs';

export function workbench(getPage) {
  const page = () => getPage();
  const quickInput = () => page().locator('.quick-input-widget');

  async function focusWorkbench() {
    await page().locator('.monaco-workbench').click({ position: { x: 700, y: 12 } }).catch(() => {});
  }

  async function runCommand(title) {
    // The palette closes when something else takes focus (e.g. an editor opening): retry until it holds.
    await poll(`the command palette to offer "${title}"`, async () => {
      if (!(await quickInput().locator('input').isVisible())) await page().keyboard.press('F1');
      await quickInput().locator('input').fill(`>${title}`, { timeout: 2000 });
      await quickInput().locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 2000 });
      return true;
    });
    await page().keyboard.press('Enter');
  }

  async function openFile(name) {
    await focusWorkbench();
    await page().keyboard.press('Control+P');
    await quickInput().locator('input').fill(name);
    await quickInput().locator('.monaco-list-row', { hasText: name }).first().waitFor();
    await page().keyboard.press('Enter');
    await page().locator('.tab.active', { hasText: name }).first().waitFor();
  }

  async function goToLine(line) {
    await page().keyboard.press('Control+G');
    await quickInput().locator('input').fill(`:${line}`);
    await page().keyboard.press('Enter');
    await page().locator('.editor-group-container.active .monaco-editor .line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) }).first().waitFor();
  }

  return {
    quickInput, focusWorkbench, runCommand, openFile, goToLine,
    status: (re) => page().locator('.statusbar-item', { hasText: re }),
    webview: () => page().frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame'),
  };
}
