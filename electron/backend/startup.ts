import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isChannel, parseInput, unknownChannel, type ChannelOutput, type Envelope, type StartupState } from '../../core/contract';
import { textError } from '../../core/errors';
import type { NotebookChange } from '../../core/shell-contract';
import { Backups } from './backups';
import { createDispatcher, type Dispatch } from './dispatch';
import { NotebookError, toChannelError, UnopenableNotebookError } from './errors';
import { describeIoError } from './io-errors';
import { NotebookService, type ServiceOptions } from './service';
import { NotebookLock, NotebookLockedError } from './storage/notebook-lock';
import { joinNotebook } from './sync/join-notebook';
import { pickGit } from './sync/pick-git';
import { sentence } from '../../core/i18n/message-text';

/** Changes that land within this many milliseconds reach the window as one message. */
const CHANGE_BATCH_MS = 50;

/**
 * The notebook as the window sees it from start-up (issue 11): open, or failed to open. A failed start does not
 * leave a blank window or only a native dialog: the window shows what failed, the notebook's backups with a
 * Restore button, and Open read-only where that can work. Until the notebook opens, the session answers
 * startupState, listBackups, restoreBackup, reopenNotebook and appInfo itself and refuses the rest with the reason.
 */
export class NotebookSession {
  private service: NotebookService | null = null;
  private serviceDispatch: Dispatch | null = null;
  private failure: Error | null = null;
  private openedReadOnly = false;
  /** Told each time a notebook service opens (the shell starts its backup timer and quit handshake). */
  onOpened: ((service: NotebookService) => void) | null = null;
  private readonly changeListeners = new Set<(batch: NotebookChange[]) => void>();
  private readonly pendingChanges = new Map<string, NotebookChange>();
  private changeTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  /** Told when the notebook moved to another folder (a joined shared notebook): the shell opens it there next time. */
  onFolderChanged: ((dataDir: string) => void) | null = null;

  private constructor(
    private options: ServiceOptions,
    private readonly log: (err: unknown) => void,
  ) {}

  /** Never throws: a notebook that cannot be opened is a session in the failed state. */
  static async open(options: ServiceOptions, log: (err: unknown) => void = console.error): Promise<NotebookSession> {
    const session = new NotebookSession(options, log);
    await session.tryOpen(options);
    return session;
  }

  /** The open notebook, or null while the start has failed. */
  get current(): NotebookService | null {
    return this.service;
  }

  get state(): StartupState {
    if (this.service) return { failed: false, readOnly: this.openedReadOnly };
    const err = this.failure;
    return {
      failed: true,
      message: describeFailure(err),
      dataDir: this.options.dataDir,
      // A notebook held by another process, or one this app cannot write, can still be read; one whose opening
      // failed in reading it cannot (read-only reads the same files).
      canOpenReadOnly: !this.options.readOnly && !(err instanceof UnopenableNotebookError),
    };
  }

  async close(): Promise<void> {
    await this.service?.close();
    this.sendChanges();
    this.unsubscribe?.();
  }

  /**
   * What changed, after it is on disk, in batches: the changes of the same 50 ms go together and each once (a
   * thousand highlights saved together are one message). Follows the notebook across a restore or a reopen.
   */
  onChange(listener: (batch: NotebookChange[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private queueChange(change: NotebookChange): void {
    this.pendingChanges.set(change.kind === 'source' ? `source:${change.id}` : change.kind, change);
    this.changeTimer ??= setTimeout(() => this.sendChanges(), CHANGE_BATCH_MS);
  }

  private sendChanges(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = null;
    if (this.pendingChanges.size === 0) return;
    // A reload says it all.
    const batch = this.pendingChanges.has('reload') ? [{ kind: 'reload' } as const] : [...this.pendingChanges.values()];
    this.pendingChanges.clear();
    for (const listener of this.changeListeners) {
      try {
        listener(batch);
      } catch (err) {
        this.log(err);
      }
    }
  }

  readonly dispatch: Dispatch = async (channel, input) => {
    if (channel === 'joinNotebook') return this.join(input);
    if (this.serviceDispatch) return this.serviceDispatch(channel, input);
    if (!isChannel(channel)) return { ok: false, error: unknownChannel(channel) };
    const parsed = parseInput(channel, input);
    if (!parsed.ok) return parsed;
    try {
      switch (channel) {
        case 'startupState':
          return { ok: true, value: this.state };
        case 'appInfo':
          return { ok: true, value: { version: this.options.version, dataDir: this.options.dataDir } };
        case 'listBackups':
          return { ok: true, value: await new Backups(this.options.dataDir).list() };
        case 'restoreBackup':
          return { ok: true, value: await this.restore((parsed.value as { id: string }).id) };
        case 'reopenNotebook': {
          const { readOnly } = parsed.value as { readOnly: boolean };
          await this.tryOpen({ ...this.options, readOnly: readOnly || this.options.readOnly });
          const state: ChannelOutput<'reopenNotebook'> = this.service ? { failed: false, readOnly } : this.state;
          return { ok: true, value: state };
        }
        default:
          return {
            ok: false,
            error: textError('unopened', sentence('backend.startup.unopened', { reason: describeFailure(this.failure) })),
          };
      }
    } catch (err) {
      return { ok: false, error: toChannelError(err, sentence('backend.action.restoreBackup'), 'The backup could not be restored', this.log) };
    }
  };

  /**
   * Join a shared notebook (issue 19): clone it into a new empty folder, then close this notebook (every save on
   * disk first) and open that one in its place; the window is told to reload everything.
   */
  private async join(input: unknown): Promise<Envelope<unknown>> {
    const parsed = parseInput('joinNotebook', input);
    if (!parsed.ok) return parsed;
    try {
      const git = this.options.git ?? (await pickGit());
      const joined = await joinNotebook(git, parsed.value, this.options.secrets ?? null);
      await this.service?.close();
      this.service = null;
      this.serviceDispatch = null;
      this.options = { ...this.options, dataDir: joined.dataDir, readOnly: false };
      await this.tryOpen(this.options);
      if (!this.service) throw new NotebookError(sentence('backend.startup.joinedUnopenable', { folder: joined.dataDir, reason: describeFailure(this.failure) }));
      this.onFolderChanged?.(joined.dataDir);
      this.queueChange({ kind: 'reload' });
      return { ok: true, value: joined };
    } catch (err) {
      return { ok: false, error: toChannelError(err, sentence('backend.action.joinShared'), 'The shared notebook could not be joined', this.log) };
    }
  }

  private async tryOpen(options: ServiceOptions): Promise<void> {
    try {
      this.service = await NotebookService.open(options);
      this.unsubscribe?.();
      this.unsubscribe = this.service.onChange((change) => this.queueChange(change));
      this.openedReadOnly = Boolean(options.readOnly);
      this.serviceDispatch = createDispatcher(this.service, this.log);
      this.failure = null;
      this.onOpened?.(this.service);
    } catch (err) {
      this.failure = err as Error;
      // A failure the analyst is told in words needs no stack trace in the log.
      if (!(err instanceof NotebookError)) this.log(err);
    }
  }

  /**
   * Put back a backup while the notebook is not open: with the notebook's lock (a notebook open elsewhere is not
   * touched), a `sources` that is not a folder kept aside, then the notebook opened again.
   */
  private async restore(id: string): Promise<{ restored: number; before: ChannelOutput<'restoreBackup'>['before'] }> {
    const { dataDir } = this.options;
    const backups = new Backups(dataDir);
    if (!(await backups.list()).some((b) => b.id === id)) throw new NotebookError(sentence('backend.backup.notFound', { id }));
    const lock = await NotebookLock.acquire(dataDir, this.options.app ?? 'Research Notebook');
    let result: { restored: number; before: ChannelOutput<'restoreBackup'>['before'] };
    try {
      const sources = join(dataDir, 'sources');
      const info = await stat(sources).catch(() => null);
      if (info && !info.isDirectory()) {
        await rename(sources, join(dataDir, `sources.not-a-folder-${Date.now()}`));
        await mkdir(sources);
      }
      result = await backups.restore(id);
    } finally {
      await lock.release();
    }
    await this.tryOpen(this.options);
    if (!this.service) throw new NotebookError(sentence('backend.startup.restoredUnopenable', { reason: describeFailure(this.failure) }));
    // The restored catalog's counts may predate its source files (the counts since live in logs it does not have).
    await this.service.reloadFromDisk();
    this.queueChange({ kind: 'reload' });
    return result;
  }
}

function describeFailure(err: Error | null): string {
  if (!err) return 'unknown reason';
  if (err instanceof NotebookError || err instanceof NotebookLockedError) return err.message;
  return describeIoError(err, sentence('backend.action.openNotebook')) ?? err.message;
}
