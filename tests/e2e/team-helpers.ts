import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startGitHttpServer } from '../support/git-http-server';
import { expect } from './fixtures';
import { NotebookSession } from '../../electron/backend/startup';
import { bindNotebook } from '../support/bind-notebook';
import type { NotebookChange } from '../../core/shell-contract';
import { testSecrets } from '../unit/sync-helpers';
import { dragSelect, paintedTexts } from './reader-helpers';

/**
 * Two analysts in the Chromium harness (issue 19): each a window (browser context) on their own data folder with their
 * own backend session, sharing through one loopback git server.
 */

export const EFE = /Putin warns of buildup/;
/** A sync runs git several times: on a loaded machine it can take many seconds (no speed is asserted here). */
export const SYNC = { timeout: 60_000 };

export interface Analyst {
  page: Page;
  session: NotebookSession;
  dataDir: string;
}

export async function openAnalyst(page: Page, appUrl: string, dataDir: string): Promise<Analyst> {
  const session = await NotebookSession.open({ dataDir, seedsDir: resolve('seeds'), version: 'test', secrets: testSecrets });
  let toPage: ((batch: NotebookChange[]) => void) | null = null;
  session.onChange((batch) => toPage?.(batch));
  await bindNotebook(page, () => session.dispatch, (listener) => (toPage = listener));
  await page.goto(appUrl);
  await expect(page.getByRole('option', { name: EFE })).toBeVisible();
  return { page, session, dataDir };
}

export const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
export const rowWith = (page: Page, quote: string) => panel(page).getByRole('option').filter({ hasText: quote });

export async function openEfe(page: Page): Promise<void> {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
}

/** Select `phrase` with the mouse, press T, type the tag's name and take the picker's first match with Enter. */
export async function tagPhrase(page: Page, phrase: string, tagName: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: /^Tag “/ });
  await expect(picker).toBeVisible();
  await page.keyboard.type(tagName);
  await expect(picker.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect.poll(() => paintedTexts(page)).toContain(phrase);
}

/** Sync with Ctrl+Alt+Y and wait for the notice that says it is done (an earlier notice dismissed first). */
export async function syncNow(page: Page): Promise<void> {
  const notice = page.locator('.notice');
  if (await notice.count()) await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
  await page.keyboard.press('Control+Alt+Y');
  await expect(notice).toContainText(/^Synced/, SYNC);
}

/**
 * Two analysts (A and B, each a browser context on their own data folder) and one loopback git server behind
 * `token`; everything is closed and removed afterwards, whatever `run` did.
 */
export async function withTeam(browser: Browser, appUrl: string, token: string, run: (team: { a: Analyst; b: Analyst; url: string; root: string }) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'team-e2e-'));
  const server = await startGitHttpServer(join(root, 'server'), { token });
  const contexts = [await browser.newContext(), await browser.newContext()];
  const analysts: Analyst[] = [];
  try {
    for (const [i, name] of ['a', 'b'].entries()) analysts.push(await openAnalyst(await contexts[i].newPage(), appUrl, join(root, name)));
    await run({ a: analysts[0], b: analysts[1], url: server.repo('team'), root });
  } finally {
    for (const x of analysts) await x.session.close().catch(() => {});
    for (const c of contexts) await c.close();
    await server.close();
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
