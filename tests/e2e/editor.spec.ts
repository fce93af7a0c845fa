import { test, expect, expectSaved } from './fixtures';
import type { Page } from '@playwright/test';

const SOURCE = /Putin warns of buildup/;

async function openNotes(page: Page) {
  await page.getByRole('option', { name: SOURCE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(SOURCE);
  const editor = page.getByRole('textbox', { name: 'Notes on this source' });
  await editor.click();
  return editor;
}


test('formatted text typed with input rules and shortcuts is kept after a restart', async ({ page, notebook }) => {
  const editor = await openNotes(page);
  const kb = page.keyboard;
  await kb.type('# Findings');
  await kb.press('Enter');
  await kb.type('Putin puts ISIS at ');
  await kb.press('Control+b');
  await kb.type('2,000');
  await kb.press('Control+b');
  await kb.type(' fighters, **northern** and *mobile*, see `CSTO`.');
  await kb.press('Enter');
  await kb.type('## Actors');
  await kb.press('Enter');
  await kb.type('- Taliban');
  await kb.press('Enter');
  await kb.type('ISIS');
  await kb.press('Tab');
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.type('1. first');
  await kb.press('Enter');
  await kb.type('second');
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.type('> A quote');
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.type('---');
  await kb.type('After the rule');
  await kb.press('Control+Alt+3');

  const check = async () => {
    await expect(editor.locator('h1')).toHaveText('Findings');
    await expect(editor.locator('strong')).toHaveText(['2,000', 'northern']);
    await expect(editor.locator('em')).toHaveText('mobile');
    await expect(editor.locator('code')).toHaveText('CSTO');
    await expect(editor.locator('p', { hasText: 'Putin puts ISIS' })).toHaveText('Putin puts ISIS at 2,000 fighters, northern and mobile, see CSTO.');
    await expect(editor.locator('h2')).toHaveText('Actors');
    await expect(editor.locator('ul > li > p').first()).toHaveText('Taliban');
    // Tab made ISIS a nested item of Taliban.
    await expect(editor.locator('ul > li > ul > li')).toHaveText('ISIS');
    await expect(editor.locator('ol > li')).toHaveText(['first', 'second']);
    await expect(editor.locator('blockquote')).toHaveText('A quote');
    await expect(editor.locator('hr')).toHaveCount(1);
    await expect(editor.locator('h3')).toHaveText('After the rule');
  };
  await check();
  await expectSaved(page);
  await notebook.restart();
  await expect(page.getByRole('textbox', { name: 'Notes on this source' })).toContainText('Findings');
  await check();
});

test('undo and redo, including an input rule undone with Backspace', async ({ page, notebook: _ }) => {
  const editor = await openNotes(page);
  const kb = page.keyboard;
  const paragraphs = editor.locator('p');
  await kb.insertText('Alpha');
  await kb.press('Enter');
  await kb.insertText('Beta');
  await expect(paragraphs).toHaveText(['Alpha', 'Beta']);
  // Typing far from the last change starts a new undo step whatever the timing: one insertText is one step.
  await kb.press('Control+Home');
  await kb.insertText('Zero ');
  await expect(paragraphs).toHaveText(['Zero Alpha', 'Beta']);
  await kb.press('Control+z');
  await expect(paragraphs).toHaveText(['Alpha', 'Beta']);
  await kb.press('Control+Shift+z');
  await expect(paragraphs).toHaveText(['Zero Alpha', 'Beta']);
  await kb.press('Control+z');
  await expect(paragraphs).toHaveText(['Alpha', 'Beta']);
  await kb.press('Control+y');
  await expect(paragraphs).toHaveText(['Zero Alpha', 'Beta']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(paragraphs).toHaveText(['Alpha', 'Beta']);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(paragraphs).toHaveText(['Zero Alpha', 'Beta']);
  // Undo all the way back to the empty note, then redo it all.
  for (let i = 0; i < 10 && (await editor.textContent()) !== ''; i++) await kb.press('Control+z');
  await expect(editor).toHaveText('');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  for (let i = 0; i < 10 && (await editor.textContent()) !== 'Zero AlphaBeta'; i++) await kb.press('Control+Shift+z');
  await expect(paragraphs).toHaveText(['Zero Alpha', 'Beta']);

  await kb.press('Control+End');
  await kb.press('Enter');
  await kb.type('# ');
  await expect(editor.locator('h1')).toHaveCount(1);
  await kb.press('Backspace');
  await expect(editor.locator('h1')).toHaveCount(0);
  await expect(paragraphs.last()).toHaveText('# ');
  await expectSaved(page);
});

test('the toolbar formats, shows shortcuts in tooltips, and reflects the selection', async ({ page, notebook: _ }) => {
  const editor = await openNotes(page);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', 'Bold (Ctrl+B)');
  await expect(toolbar.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('title', 'Heading 2 (Ctrl+Alt+2)');
  await expect(toolbar.getByRole('button', { name: 'Cite the selected highlight' })).toBeDisabled();
  await page.keyboard.type('Kabulov');
  await toolbar.getByRole('button', { name: 'Heading 2' }).click();
  await expect(editor.locator('h2')).toHaveText('Kabulov');
  await expect(toolbar.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('in a list');
  await expect(editor.locator('ul > li')).toHaveText('in a list');
  await expect(toolbar.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Numbered list' }).click();
  await expect(editor.locator('ol > li')).toHaveText('in a list');
  await toolbar.getByRole('button', { name: 'Italic' }).click();
  await page.keyboard.type(' slanted');
  await expect(editor.locator('em')).toHaveText(' slanted');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toHaveAttribute('aria-pressed', 'true');
  await expectSaved(page);
});

test('links: added with Ctrl+Shift+K, never followed on click, opened in the browser with Ctrl+click', async ({ page, notebook: _ }) => {
  const editor = await openNotes(page);
  await page.evaluate(() => {
    const w = window as unknown as { opened: unknown[][] };
    w.opened = [];
    window.open = (...args: unknown[]) => {
      w.opened.push(args);
      return null;
    };
  });
  await page.keyboard.type('See the report');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Control+Shift+K');
  const prompt = page.getByRole('form', { name: 'Insert link' });
  await prompt.getByLabel('Link address').fill('javascript:alert(1)');
  await prompt.getByLabel('Link address').press('Enter');
  await expect(prompt.getByRole('alert')).toHaveText(/web address/);
  await prompt.getByLabel('Link address').fill('example.org/report');
  await prompt.getByLabel('Link address').press('Enter');
  const link = editor.locator('a');
  await expect(link).toHaveText('report');
  await expect(link).toHaveAttribute('href', 'https://example.org/report');

  const url = page.url();
  await link.click();
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as unknown as { opened: unknown[][] }).opened)).toEqual([]);
  await link.click({ modifiers: ['Control'] });
  expect(await page.evaluate(() => (window as unknown as { opened: unknown[][] }).opened)).toEqual([['https://example.org/report', '_blank', 'noopener']]);
  expect(page.url()).toBe(url);
  await expectSaved(page);
});

test('paste from another app keeps structure and drops scripts, styles, images and handlers', async ({ page, notebook: _ }) => {
  const editor = await openNotes(page);
  const html = `<meta charset="utf-8"><style>body{display:none}</style><h2 onclick="window.pwned=1">Pasted heading</h2>
    <p>With <b>bold</b>, <i>italic</i> and <a href="https://example.org/x" onmouseover="window.pwned=2">a link</a>
    <a href="javascript:window.pwned=3">bad link</a><img src="https://tracker.example/p.gif" onerror="window.pwned=4"></p>
    <ul><li>one</li><li>two</li></ul><script>window.pwned=5</script><iframe src="https://evil.example"></iframe>`;
  await editor.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/html', data);
    dt.setData('text/plain', 'fallback');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await expect(editor.locator('h2')).toHaveText('Pasted heading');
  await expect(editor.locator('strong')).toHaveText('bold');
  await expect(editor.locator('em')).toHaveText('italic');
  await expect(editor.locator('a')).toHaveCount(1);
  await expect(editor.locator('a')).toHaveAttribute('href', 'https://example.org/x');
  await expect(editor).toContainText('bad link');
  await expect(editor.locator('ul > li')).toHaveText(['one', 'two']);
  await expect(editor.locator('img, iframe, script, style')).toHaveCount(0);
  await expect(editor.locator('[onclick], [onmouseover], [onerror]')).toHaveCount(0);
  await editor.locator('h2').click();
  await editor.locator('a').hover();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expectSaved(page);
});

test('switching between the source notebook and the project notebook keeps each text and its undo history', async ({ page, notebook }) => {
  const editor = await openNotes(page);
  await page.keyboard.type('Source note.');
  await expectSaved(page);
  // One insertion, more than the history's grouping delay after the first (saving took longer): its own undo step.
  await page.keyboard.insertText(' More.');
  await page.getByRole('tab', { name: 'Project', exact: true }).click();
  const project = page.getByRole('textbox', { name: 'Project notebook' });
  await expect(project).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Highlight', exact: true })).toBeDisabled();
  await project.click();
  await page.keyboard.type('Across sources.');
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(editor).toHaveText('Source note. More.');
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveText('Source note.');
  await page.getByRole('tab', { name: 'Project', exact: true }).click();
  await expect(project).toHaveText('Across sources.');
  await expectSaved(page);
  await notebook.restart();
  // The project notebook was the last one chosen: it is still open after the restart.
  await expect(page.getByRole('textbox', { name: 'Project notebook' })).toHaveText('Across sources.');
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Notes on this source' })).toHaveText('Source note.');
});
