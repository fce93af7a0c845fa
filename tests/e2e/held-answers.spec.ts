import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { NotebookSession } from '../../electron/backend/startup';
import { serveRenderer } from '../support/static-server';
import { bindNotebook } from '../support/bind-notebook';
import { call } from './fixtures';

// Answers that come late, as they do on a busy machine: the harness holds a channel's call (before or after the
// backend ran it) while the analyst goes on typing.

const EFE_ID = '002_3d6a35bbe9bd0c1a';
const EFE = /Putin warns of buildup/;
let dataDir = '';
test.afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

type Hold = (channel: string, input: unknown) => { before?: Promise<void>; after?: Promise<void> } | undefined;

/** A notebook with one untagged highlight on "drug trafficking", the page bound to it through `hold`. */
async function withHeldNotebook(page: Page, hold: Hold, body: (session: NotebookSession) => Promise<void>): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), 'notebook-e2e-held-'));
  const session = await NotebookSession.open({ dataDir, seedsDir: resolve('seeds'), version: 'test' });
  const server = await serveRenderer();
  try {
    const { text } = await call<{ text: string }>(session, 'getSource', { id: EFE_ID });
    const start = text.indexOf('drug trafficking');
    await call(session, 'createHighlight', { sourceId: EFE_ID, start, end: start + 'drug trafficking'.length, tagIds: [] });
    await bindNotebook(page, () => async (channel: string, input: unknown) => {
      const held = hold(channel, input);
      await held?.before;
      const answer = await session.dispatch(channel, input);
      await held?.after;
      return answer;
    });
    await page.goto(server.url);
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: EFE }).click();
    await body(session);
  } finally {
    await session.close().catch(() => {});
    await server.close();
  }
}

const rows = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' }).getByRole('option');

test('T, a name and Enter typed before the codebook arrives apply the existing tag once it does', async ({ page }) => {
  // The codebook arrives after the source list. Typed before it has arrived, "drugs" + Enter must apply Drugs, not
  // create a second tag of that name ("Create …" would be the only row of an empty codebook).
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  try {
    await withHeldNotebook(page, (channel) => (channel === 'listTags' ? { before: held } : undefined), async (session) => {
      await expect(rows(page)).toHaveCount(1);
      await rows(page).first().click();
      await page.keyboard.press('t');
      const picker = page.getByRole('dialog', { name: /^Tag “/ });
      await expect(picker).toContainText('Loading the codebook…');
      await page.keyboard.type('drugs');
      await page.keyboard.press('Enter');
      // Held: nothing was created or applied, and the picker waits.
      await expect(picker.getByRole('listbox', { name: 'Tags' }).getByRole('option')).toHaveCount(0);
      await expect(picker.getByLabel('New tag kind')).toHaveCount(0);
      await expect(rows(page).first().locator('.tag-chip')).toHaveCount(0);
      await page.screenshot({ path: 'test-results/picker-loading-codebook.png' });

      release();
      await expect(rows(page).first().locator('.tag-chip')).toHaveText(['Drugs']);
      const { tags } = await call<{ tags: Array<{ id: string; name: string }> }>(session, 'listTags');
      expect(tags.filter((t) => t.name.toLowerCase() === 'drugs').map((t) => t.id)).toEqual(['tag-theme-drugs']);
      await page.keyboard.press('Escape');
      await expect(picker).toHaveCount(0);
    });
  } finally {
    release();
  }
});

test('two number keys pressed before the first answer came back keep both tags', async ({ page }) => {
  // The first tag change is applied by the backend at once, but its answer is held: the second key is pressed while
  // the renderer still shows the highlight untagged. Sent as "add this tag", the second change keeps the first.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let tagCalls = 0;
  const tagChange = (channel: string) => channel === 'bulkTag' || channel === 'setHighlightTags';
  try {
    await withHeldNotebook(page, (channel) => (tagChange(channel) && ++tagCalls === 1 ? { after: held } : undefined), async (session) => {
      // Two recent tags for the number keys, used on another passage through the backend (as earlier work would).
      const { text } = await call<{ text: string }>(session, 'getSource', { id: EFE_ID });
      const at = text.indexOf('Islamic State');
      const other = await call<{ id: string }>(session, 'createHighlight', { sourceId: EFE_ID, start: at, end: at + 'Islamic State'.length, tagIds: [] });
      for (const tag of ['tag-theme-terrorism', 'tag-theme-drugs']) await call(session, 'bulkTag', { highlights: [{ sourceId: EFE_ID, highlightId: other.id }], add: tag });
      tagCalls = 0;
      await page.reload();
      await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: EFE }).click();
      const keys = page.getByRole('group', { name: 'Number keys 1–9' });
      await expect(keys.getByRole('button')).toHaveText([/1\s*Drugs/, /2\s*Terrorism/]);

      const row = rows(page).filter({ hasText: 'drug trafficking' });
      await row.click();
      await page.keyboard.press('1');
      await expect.poll(() => tagCalls).toBe(1);
      await page.keyboard.press('2');
      await expect.poll(() => tagCalls).toBe(2);
      release();
      await expect(row.locator('.tag-chip')).toHaveText(['Drugs', 'Terrorism']);
      const saved = await call<{ highlights: Array<{ id: string; tagIds: string[]; quote: { exact: string } }> }>(session, 'getSource', { id: EFE_ID });
      expect(saved.highlights.find((h) => h.quote.exact === 'drug trafficking')?.tagIds).toEqual(['tag-theme-drugs', 'tag-theme-terrorism']);
    });
  } finally {
    release();
  }
});

test('Ctrl+= pressed twice in one moment, its answers late, makes the text two steps larger, and it stays so', async ({ page }) => {
  // Two key presses in one task (no frame, no new handler between them), and the first answer held: each press
  // builds on the last, and the first answer does not set the size back.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let readerCalls = 0;
  const isReader = (channel: string, input: unknown) => channel === 'updateSettings' && Boolean((input as { reader?: unknown } | null)?.reader);
  try {
    await withHeldNotebook(page, (channel, input) => (isReader(channel, input) && ++readerCalls === 1 ? { after: held } : undefined), async (session) => {
      const size = page.locator('output[aria-label="Text size"]');
      await expect(size).toHaveText('18px');
      await page.locator('#reader').focus();
      await page.evaluate(() => {
        for (let i = 0; i < 2; i++) window.dispatchEvent(new KeyboardEvent('keydown', { key: '=', code: 'Equal', ctrlKey: true, bubbles: true, cancelable: true }));
      });
      await expect(size).toHaveText('20px');
      await expect.poll(() => readerCalls).toBe(2);
      release();
      // The first answer (19) arrives after the second (20): the toolbar keeps 20, as the notebook does.
      await expect.poll(async () => (await call<{ reader: { fontSize: number } }>(session, 'getSettings')).reader.fontSize).toBe(20);
      await page.waitForTimeout(300);
      await expect(size).toHaveText('20px');
    });
  } finally {
    release();
  }
});
