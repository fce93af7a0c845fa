import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookSession } from '../../electron/backend/startup';

/** A notebook that fails to open is a session in the failed state: it says why and offers backups and read-only. */

const dirs: string[] = [];
const sessions: NotebookSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function open(dataDir: string): Promise<NotebookSession> {
  const s = await NotebookSession.open({ dataDir, seedsDir: resolve('seeds'), version: 'test' }, () => {});
  sessions.push(s);
  return s;
}

describe('NotebookSession', () => {
  it('a notebook held by another live process fails to open, says by whom, refuses changes, and opens read-only on request', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notebook-session-'));
    dirs.push(dataDir);
    const first = await open(dataDir);
    expect(first.state).toEqual({ failed: false, readOnly: false });
    await first.close();
    sessions.length = 0;
    // Another program (this very process stands in for it: it is alive) holds the lock.
    await writeFile(join(dataDir, 'notebook.lock'), JSON.stringify({ pid: process.pid, host: hostname(), app: 'the notebook CLI', since: new Date().toISOString() }));

    const s = await open(dataDir);
    const state = await s.dispatch('startupState', undefined);
    expect(state).toEqual({
      ok: true,
      value: { failed: true, message: `The notebook is open in the notebook CLI (pid ${process.pid}). Close it first, or use --read-only.`, dataDir, canOpenReadOnly: true },
    });
    const refused = await s.dispatch('createHighlight', { sourceId: 'x', start: 0, end: 1 });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('The notebook could not be opened (The notebook is open in the notebook CLI') }) });
    // The backups are listed; a restore needs the notebook's lock and is refused while another program has it.
    expect(await s.dispatch('listBackups', undefined)).toMatchObject({ ok: true });
    expect(await s.dispatch('restoreBackup', { id: 'manual-0000000000' })).toEqual({ ok: false, error: expect.objectContaining({ message: 'There is no backup "manual-0000000000" in this notebook.' }) });

    const reopened = await s.dispatch('reopenNotebook', { readOnly: true });
    expect(reopened).toEqual({ ok: true, value: { failed: false, readOnly: true } });
    const list = await s.dispatch('listSources', undefined);
    expect(list.ok && (list.value as unknown[]).length).toBe(5);
    expect(await s.dispatch('startupReport', undefined)).toMatchObject({ ok: true, value: { readOnly: true } });
    await s.close();
    await rm(join(dataDir, 'notebook.lock'), { force: true });
  });
});
