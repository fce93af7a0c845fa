import { afterEach, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { NotebookService } from '../../electron/backend/service';
import { SystemGit } from '../../electron/backend/sync/system-git';
import { bareRepo, testSecrets, tmp } from './sync-helpers';

// Issue 19: the name given when sharing becomes the analyst's name in the notebook (highlights' creator, blind
// coding), but only when the share goes through: a refused address changes nothing.

const open: NotebookService[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
});

async function service(): Promise<NotebookService> {
  const s = await NotebookService.open({ dataDir: await tmp('share-name-'), seedsDir: resolve('seeds'), version: 'test', secrets: testSecrets, git: new SystemGit() });
  open.push(s);
  return s;
}

describe('sharing sets the analyst name', () => {
  it('a refused address leaves the name unset; a share that goes through sets it, and an existing name is kept', async () => {
    const s = await service();
    await expect(s.shareNotebook({ url: 'not an address', authorName: 'Anna Petrova' })).rejects.toThrow(/is not an address git can use/);
    expect((await s.getSettings()).analystName ?? '').toBe('');

    const bare = bareRepo(join(await tmp('share-name-bare-'), 'team.git'));
    await s.shareNotebook({ url: bare, authorName: 'Anna Petrova' });
    expect((await s.getSettings()).analystName).toBe('Anna Petrova');

    await s.shareNotebook({ url: bare, authorName: 'Someone Else' });
    expect((await s.getSettings()).analystName).toBe('Anna Petrova');
  });
});
