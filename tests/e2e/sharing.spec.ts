import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startGitHttpServer } from '../support/git-http-server';
import { dragSelect } from './reader-helpers';
import { EFE, SYNC, openAnalyst, openEfe, panel, rowWith, withTeam } from './team-helpers';

// Issue 19: two analysts, two harness windows on two data folders, one loopback git server (git http-backend behind
// a token). A shares from File > Share notebook…, B joins from File > Join shared notebook…, both highlight and tag,
// both sync, and each sees the other's work.

const TOKEN = 'team-token-e2e';

async function highlightAndTag(page: Page, phrase: string, tagPrefix: string, tagName: string) {
  await dragSelect(page, phrase);
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: /^Tag “/ });
  await expect(picker).toBeVisible();
  await page.keyboard.type(tagPrefix);
  await picker.getByRole('option', { name: new RegExp(tagName) }).first().click();
  await expect(rowWith(page, phrase).locator('.tag-chip')).toHaveText([tagName]);
  await page.keyboard.press('Escape');
}

async function shot(page: Page, name: string) {
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `test-results/sharing-${name}-${w}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('A shares, B joins, both highlight and tag, both sync, and each sees the other’s work', async ({ browser, appUrl }) => {
  test.setTimeout(400_000);
  await withTeam(browser, appUrl, TOKEN, async ({ a, b, url, root }) => {
    // A highlights and tags, then shares from the File menu's shortcut; a wrong token is refused in words first.
    await openEfe(a.page);
    await highlightAndTag(a.page, 'Islamic State (IS) alone has about 2,000 members', 'terr', 'Terrorism');
    await a.page.getByRole('button', { name: 'Share…' }).click();
    const share = a.page.getByRole('dialog', { name: 'Share notebook' });
    await expect(share).toBeVisible();
    await share.getByRole('radio', { name: 'Server (HTTPS)' }).check();
    await share.getByRole('textbox', { name: 'Repository address' }).fill(url);
    await share.getByLabel('Access token').fill('wrong-token');
    await share.getByRole('textbox', { name: 'Your name' }).fill('Ana');
    await shot(a.page, 'share-dialog');
    await share.getByRole('button', { name: 'Share' }).click();
    await expect(share.getByRole('alert')).toContainText('refused the credentials', SYNC);
    await share.getByLabel('Access token').fill(TOKEN);
    await share.getByRole('button', { name: 'Share' }).click();
    await expect(share).toBeHidden(SYNC);
    await expect(a.page.getByRole('button', { name: /^Sync \(synced just now\)/ })).toBeVisible();

    // B joins into a new folder with the keyboard; the window opens the joined notebook and shows A's work.
    await b.page.keyboard.press('Control+Alt+J');
    const join_ = b.page.getByRole('dialog', { name: 'Join a shared notebook' });
    await expect(join_).toBeVisible();
    await join_.getByRole('textbox', { name: 'Repository address' }).fill(url);
    await join_.getByLabel('Access token').fill(TOKEN);
    await join_.getByRole('textbox', { name: 'New folder for the notebook' }).fill(join(root, 'b-joined'));
    await join_.getByRole('textbox', { name: 'Your name' }).fill('Ben');
    await shot(b.page, 'join-dialog');
    await join_.getByRole('textbox', { name: 'Your name' }).press('Enter');
    await expect(b.page.getByRole('option', { name: EFE })).toContainText('1 highlight', SYNC);
    await openEfe(b.page);
    await expect(rowWith(b.page, 'Islamic State (IS) alone has about 2,000 members').locator('.tag-chip')).toHaveText(['Terrorism']);

    // Both work at once, then both sync: each sees the other's highlight and tag.
    await highlightAndTag(b.page, 'Kassym-Jomart Tokayev', 'terr', 'Terrorism');
    await highlightAndTag(a.page, 'Tajik President Emomali Rahmon', 'terr', 'Terrorism');
    await b.page.getByRole('button', { name: /^Sync \(/ }).click();
    await expect(b.page.locator('.notice')).toContainText(/Synced: sent: 1 highlight added in “/, SYNC);
    await a.page.keyboard.press('Control+Alt+Y');
    await expect(panel(a.page).getByRole('option')).toHaveCount(3, SYNC);
    await expect(rowWith(a.page, 'Kassym-Jomart Tokayev').locator('.tag-chip')).toHaveText(['Terrorism']);
    await b.page.getByRole('button', { name: /^Sync \(/ }).click();
    await expect(panel(b.page).getByRole('option')).toHaveCount(3, SYNC);
    await expect(rowWith(b.page, 'Tajik President Emomali Rahmon').locator('.tag-chip')).toHaveText(['Terrorism']);

    // The history of the source says who did what; a source's earlier version can be put back.
    await a.page.keyboard.press('Control+Alt+H');
    const history = a.page.getByRole('dialog', { name: 'History' });
    await expect(history.getByRole('row').filter({ hasText: 'Ben' }).first()).toBeVisible(SYNC);
    await expect(history.getByRole('row').filter({ hasText: 'Ana' }).first()).toBeVisible();
    await shot(a.page, 'history');
    await history.getByRole('radio', { name: 'Whole notebook' }).click();
    await expect(history.getByRole('row').filter({ hasText: /Merged the shared notebook|highlight added/ }).first()).toBeVisible();
    await history.getByRole('radio', { name: 'This source' }).click();
    await history.getByRole('button', { name: /^Restore the version of/ }).last().click();
    await history.getByRole('button', { name: 'Restore this version' }).click();
    await expect(history).toBeHidden(SYNC);
    await expect(panel(a.page).getByRole('option')).toHaveCount(1, SYNC);
  });
});

test('a sync with the server gone says so on the Sync button and keeps the work', async ({ browser, appUrl }) => {
  test.setTimeout(200_000);
  const root = await mkdtemp(join(tmpdir(), 'sharing-e2e-'));
  const server = await startGitHttpServer(join(root, 'server'));
  const url = server.repo('team');
  const ctx = await browser.newContext();
  const a = await openAnalyst(await ctx.newPage(), appUrl, join(root, 'a'));
  try {
    const share = async () => {
      await a.page.keyboard.press('Control+Alt+G');
      const dialog = a.page.getByRole('dialog', { name: /Share notebook|Shared notebook/ });
      await dialog.getByRole('textbox', { name: 'Repository address' }).fill(url);
      await dialog.getByRole('textbox', { name: 'Your name' }).fill('Ana');
      await dialog.getByRole('button', { name: /^(Share|Save and sync)$/ }).click();
      await expect(dialog).toBeHidden(SYNC);
    };
    await share();
    await server.close();
    await openEfe(a.page);
    await dragSelect(a.page, 'Kassym-Jomart Tokayev');
    await a.page.keyboard.press('h');
    await a.page.getByRole('button', { name: /^Sync \(/ }).click();
    await expect(a.page.getByRole('button', { name: 'Sync (Sync failed)' })).toBeVisible(SYNC);
    await expect(a.page.getByRole('button', { name: 'Sync (Sync failed)' })).toHaveAttribute('title', /cannot be reached.*committed locally/);
    await shot(a.page, 'offline');
    await expect(panel(a.page).getByRole('option')).toHaveCount(1);
  } finally {
    await a.session.close().catch(() => {});
    await ctx.close();
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});
