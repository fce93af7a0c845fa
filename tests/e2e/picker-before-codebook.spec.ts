import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { NotebookSession } from '../../electron/backend/startup';
import { serveRenderer } from '../support/static-server';
import { bindNotebook } from '../support/bind-notebook';
import { call } from './fixtures';

// The codebook arrives after the source list. An analyst who presses T, types a tag's name and Enter before it has
// arrived must get that tag, not a new tag of the same name ("Create …" would be the only row of an empty codebook).
// Here the codebook's channel is held until the keys are typed.

const EFE_ID = '002_3d6a35bbe9bd0c1a';
let dataDir = '';
test.afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

test('T, a name and Enter typed before the codebook arrives apply the existing tag once it does', async ({ page }) => {
  dataDir = await mkdtemp(join(tmpdir(), 'notebook-e2e-picker-held-'));
  const session = await NotebookSession.open({ dataDir, seedsDir: resolve('seeds'), version: 'test' });
  const server = await serveRenderer();
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  try {
    const { text } = await call<{ text: string }>(session, 'getSource', { id: EFE_ID });
    const start = text.indexOf('drug trafficking');
    await call(session, 'createHighlight', { sourceId: EFE_ID, start, end: start + 'drug trafficking'.length, tagIds: [] });

    await bindNotebook(page, () => async (channel: string, input: unknown) => {
      if (channel === 'listTags') await held;
      return session.dispatch(channel, input);
    });
    await page.goto(server.url);
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Putin warns of buildup/ }).click();
    const rows = page.getByRole('listbox', { name: 'Highlights in reading order' }).getByRole('option');
    await expect(rows).toHaveCount(1);
    await rows.first().click();

    await page.keyboard.press('t');
    const picker = page.getByRole('dialog', { name: /^Tag “/ });
    await expect(picker).toContainText('Loading the codebook…');
    await page.keyboard.type('drugs');
    await page.keyboard.press('Enter');
    // Held: nothing was created or applied, and the picker waits.
    await expect(picker.getByRole('listbox', { name: 'Tags' }).getByRole('option')).toHaveCount(0);
    await expect(picker.getByLabel('New tag kind')).toHaveCount(0);
    await expect(rows.first().locator('.tag-chip')).toHaveCount(0);

    release();
    await expect(rows.first().locator('.tag-chip')).toHaveText(['Drugs']);
    const { tags } = await call<{ tags: Array<{ id: string; name: string }> }>(session, 'listTags');
    expect(tags.filter((t) => t.name.toLowerCase() === 'drugs').map((t) => t.id)).toEqual(['tag-theme-drugs']);
    await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
  } finally {
    release();
    await session.close().catch(() => {});
    await server.close();
  }
});
