import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

/**
 * The renderer with the desktop shell's dialogs (window.notebookShell), played here by a stand-in: the save dialog
 * answers a path chosen by the test, and the open dialog returns the shell's preview of a file it read itself (the
 * stand-in previews it through the backend, as the main process does). The main process's side of the same calls is
 * tested under Node (tests/unit/shell-main.test.ts).
 */
let outDir: string;
test.beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'notebook-shell-e2e-'));
});
test.afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

test('in the app, an export goes where the save dialog answered, and import comes from the open dialog', async ({ page, notebook: _ }) => {
  const chosen = join(outDir, 'Chosen in the dialog.json');
  await page.addInitScript((answer) => {
    const calls: unknown[] = [];
    (window as unknown as { shellCalls: unknown[] }).shellCalls = calls;
    (window as unknown as { notebookShell: unknown }).notebookShell = {
      platform: 'linux',
      onMenuCommand: () => () => {},
      chooseSavePath: async (options: unknown) => {
        calls.push(['chooseSavePath', options]);
        return answer;
      },
      chooseImportFiles: async () => {
        calls.push(['chooseImportFiles']);
        const text = 'Notes from the dialog.\n\nChosen in the native open dialog, read by the shell.';
        const data = btoa(text);
        const reply = await (window as unknown as { notebook: Record<string, (i: unknown) => Promise<{ ok: boolean; value: unknown }>> }).notebook.previewImport({
          files: [{ name: 'from-dialog.txt', size: text.length, data }],
        });
        return reply.value;
      },
    };
  }, chosen);
  await page.reload();
  // The app is up (the start-up screen comes first now: a key pressed before the app shows has nothing to reach).
  await expect(page.getByRole('option', { name: /Putin warns of buildup/ })).toBeVisible();

  // Export: the path typed in the field is where the save dialog opens; the file goes where the dialog answered.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /W3C Web Annotation/ }).check();
  const typed = join(outDir, 'typed.json');
  await dialog.getByLabel('Save to').fill(typed);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`to ${chosen}`);
  expect(JSON.parse(await readFile(chosen, 'utf8')).type).toBe('AnnotationCollection');
  await expect(readFile(typed)).rejects.toThrow();
  const calls = (await page.evaluate(() => (window as unknown as { shellCalls: unknown[] }).shellCalls)) as Array<[string, { defaultPath?: string }]>;
  expect(calls[0]).toEqual(['chooseSavePath', expect.objectContaining({ defaultPath: typed })]);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Import: File › Import opens the shell's dialog (no file input), and the preview it returns is what is imported.
  await page.keyboard.press('Control+o');
  const importing = page.getByRole('dialog', { name: 'Import' });
  await expect(importing).toContainText('from-dialog.txt');
  await importing.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Notes from the dialog|from-dialog/ })).toBeVisible();
});
