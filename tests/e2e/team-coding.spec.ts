import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, call } from './fixtures';
import { paintedTexts } from './reader-helpers';
import { EFE, SYNC, openEfe, panel, syncNow, tagPhrase, withTeam } from './team-helpers';

// Issue 19, the whole team path: two analysts on two data folders and one loopback git server. Anna shares and
// assigns the source to both of them, blind; Boris joins and receives the assignment by syncing; each codes; while
// Boris has not submitted, his coding reaches Anna's folder but not her eyes; both submit and sync; Anna compares and
// settles a disagreement by key; Boris receives the merged reading.

const TOKEN = 'team-token-coding';
const BOTH = 'Terrorists are trying to penetrate CIS territory';
const ONLY_ANNA = 'the terrorist leaders are hatching plans';
const ONLY_BORIS = 'Extremist and terrorist groups are betting on';

const agreement = (page: Page) => page.getByRole('main', { name: 'Agreement' });

async function submit(page: Page) {
  await page.keyboard.press('Control+Alt+A');
  const view = agreement(page);
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Submit my coding' }).click();
  await expect(view.getByText('Your coding is submitted')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
}

test('two analysts on two folders: share, assign blind, code, sync, submit, compare, adjudicate, sync', async ({ browser, appUrl }) => {
  test.setTimeout(480_000);
  await withTeam(browser, appUrl, TOKEN, async ({ a, b, url, root }) => {
    // Anna shares; her name there is her name in the notebook.
    await a.page.keyboard.press('Control+Alt+G');
    const share = a.page.getByRole('dialog', { name: 'Share notebook' });
    await share.getByRole('radio', { name: 'Server (HTTPS)' }).check();
    await share.getByRole('textbox', { name: 'Repository address' }).fill(url);
    await share.getByLabel('Access token').fill(TOKEN);
    await share.getByRole('textbox', { name: 'Your name' }).fill('Anna Petrova');
    await share.getByRole('button', { name: 'Share' }).click();
    await expect(share).toBeHidden(SYNC);

    // Boris joins before anything is assigned.
    await b.page.keyboard.press('Control+Alt+J');
    const joining = b.page.getByRole('dialog', { name: 'Join a shared notebook' });
    await joining.getByRole('textbox', { name: 'Repository address' }).fill(url);
    await joining.getByLabel('Access token').fill(TOKEN);
    await joining.getByRole('textbox', { name: 'New folder for the notebook' }).fill(join(root, 'b-joined'));
    await joining.getByRole('textbox', { name: 'Your name' }).fill('Boris Ivanov');
    await joining.getByRole('textbox', { name: 'Your name' }).press('Enter');
    await expect(b.page.getByRole('option', { name: EFE })).toBeVisible(SYNC);

    // Anna assigns the source and the code to both coders, blind, and syncs.
    const efeTitle = (await call<Array<{ title: string }>>(a.session, 'listSources')).find((s) => EFE.test(s.title))!.title;
    await a.page.keyboard.press('Control+Alt+A');
    const view = agreement(a.page);
    await expect(view).toBeVisible();
    for (const coder of ['Anna Petrova', 'Boris Ivanov']) {
      await view.getByLabel('Coder', { exact: true }).fill(coder);
      await view.getByRole('listbox', { name: 'Sources' }).selectOption({ label: efeTitle });
      await view.getByRole('listbox', { name: 'Codes' }).selectOption({ label: 'Terrorism' });
      await view.getByRole('button', { name: 'Assign', exact: true }).click();
      await expect(view.getByRole('row', { name: new RegExp(coder) })).toBeVisible();
    }
    await view.getByRole('checkbox', { name: 'Blind coding' }).click();
    await expect(view.getByRole('checkbox', { name: 'Blind coding' })).toBeChecked();
    await a.page.keyboard.press('Escape');
    await syncNow(a.page);

    // Boris syncs: the assignment arrives with the shared catalog. He codes, and sends his coding.
    await syncNow(b.page);
    await b.page.keyboard.press('Control+Alt+A');
    await expect(agreement(b.page).getByRole('row', { name: /Boris Ivanov/ })).toBeVisible();
    await expect(agreement(b.page).getByRole('checkbox', { name: 'Blind coding' })).toBeChecked();
    await b.page.keyboard.press('Escape');
    await openEfe(b.page);
    await tagPhrase(b.page, BOTH, 'Terrorism');
    await tagPhrase(b.page, ONLY_BORIS, 'Terrorism');
    await syncNow(b.page);

    // Anna codes and syncs: Boris's coding is in her folder now, but blind: she sees only her own.
    await openEfe(a.page);
    await tagPhrase(a.page, BOTH, 'Terrorism');
    await tagPhrase(a.page, ONLY_ANNA, 'Terrorism');
    await syncNow(a.page);
    await expect(panel(a.page).getByRole('option')).toHaveCount(2);
    expect(await paintedTexts(a.page)).not.toContain(ONLY_BORIS);

    // Both submit and sync (Boris first; Anna then receives his submission).
    await submit(b.page);
    await syncNow(b.page);
    await submit(a.page);
    await syncNow(a.page);
    // Nothing is blind any more for Anna: Boris's two highlights are there.
    await expect(panel(a.page).getByRole('option')).toHaveCount(4, SYNC);

    // Anna compares on sentences and keeps her coding of the first difference with one key.
    await a.page.keyboard.press('Control+Alt+A');
    await expect(view).toBeVisible();
    await view.getByRole('radio', { name: 'Sentences' }).check();
    await view.getByRole('button', { name: 'Compare' }).click();
    await expect(view.getByRole('table').filter({ hasText: 'Krippendorff' })).toBeVisible();
    const rows = view.getByRole('list', { name: 'Passages where the coders differ' }).locator(':scope > li');
    await expect(rows).toHaveCount(2);
    const first = rows.filter({ hasText: ONLY_ANNA });
    await first.focus();
    await a.page.keyboard.press('1');
    await expect(first).toHaveAttribute('aria-label', /Kept A/);
    await a.page.keyboard.press('Escape');
    await syncNow(a.page);

    // Boris syncs and has the merged reading: both codings and the adjudicated passage.
    await syncNow(b.page);
    await expect(panel(b.page).getByRole('option')).toHaveCount(5, SYNC);
    await expect(panel(b.page).getByRole('option').filter({ hasText: ONLY_ANNA })).toHaveCount(2);
  });
});
