import { msg } from '../i18n';
/**
 * Autosave of notes. Changes are saved ~600 ms after typing stops, at once on scope change and when the window is
 * hidden or closed; a failed save keeps the document pending and retries by itself. One saver for the app's
 * lifetime: a save still pending when the pane switches or unmounts is not dropped, and the status reflects every
 * note, so "Saved" means everything typed has been acknowledged by the backend (which writes atomically).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { NoteDoc } from '../../core/model';
import type { NoteScope } from './scope';

export type SaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'dirty' } | { kind: 'error'; message: string };

export type SaveFn = (scope: NoteScope, doc: NoteDoc) => Promise<void>;

interface Pending {
  scope: NoteScope;
  /** The document itself, serialised only when saved: toJSON on every keystroke would cost a long note dearly. */
  doc: PMNode;
  save: SaveFn;
}

export const SAVE_DELAY_MS = 600;
export const RETRY_DELAY_MS = 3000;

export class Autosaver {
  private readonly pending = new Map<string, Pending>();
  private readonly errors = new Map<string, string>();
  /** Documents discarded while their save was in flight: a failure must not bring them back. */
  private readonly discarded = new Set<string>();
  private saving = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private status: SaveStatus = { kind: 'saved' };
  private readonly listeners = new Set<(status: SaveStatus) => void>();

  constructor(
    private readonly delayMs = SAVE_DELAY_MS,
    private readonly retryMs = RETRY_DELAY_MS,
  ) {}

  getStatus(): SaveStatus {
    return this.status;
  }

  /** Listen to status changes (called only when the kind or the message changes). */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A document changed: remember it and save it once typing pauses. */
  markDirty(key: string, scope: NoteScope, doc: PMNode, save: SaveFn): void {
    this.pending.set(key, { scope, doc, save });
    this.discarded.delete(key);
    this.publish();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Drop a document's pending save (its target is gone, e.g. a deleted highlight): it would fail forever. */
  discard(key: string): void {
    this.pending.delete(key);
    this.errors.delete(key);
    this.discarded.add(key);
    this.publish();
  }

  hasPending(key?: string): boolean {
    return key === undefined ? this.pending.size > 0 : this.pending.has(key);
  }

  /** Save now: every pending document, or only the given one. Resolves when those saves have settled. */
  flush(key?: string): Promise<void> {
    if (key === undefined) clearTimeout(this.timer);
    this.chain = this.chain.then(() => this.saveAll(key));
    return this.chain;
  }

  private async saveAll(only?: string): Promise<void> {
    for (const [key, entry] of [...this.pending]) {
      if (only !== undefined && key !== only) continue;
      // Taken out before saving: typing during the save puts a newer document back, saved next time.
      this.pending.delete(key);
      this.saving++;
      this.publish();
      try {
        await entry.save(entry.scope, entry.doc.toJSON() as NoteDoc);
        this.errors.delete(key);
      } catch (err) {
        if (!this.discarded.has(key)) {
          if (!this.pending.has(key)) this.pending.set(key, entry);
          this.errors.set(key, msg('editor.yourTextIsKeptAnd', { value: (err as Error)?.message ?? String(err) }));
          this.scheduleRetry();
        }
      } finally {
        this.saving--;
        this.publish();
      }
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryMs);
  }

  private compute(): SaveStatus {
    for (const [key, message] of this.errors) if (this.pending.has(key)) return { kind: 'error', message };
    if (this.saving > 0) return { kind: 'saving' };
    if (this.pending.size > 0) return { kind: 'dirty' };
    return { kind: 'saved' };
  }

  private publish(): void {
    const next = this.compute();
    const prev = this.status;
    if (next.kind === prev.kind && (next.kind !== 'error' || next.message === (prev as { message: string }).message)) return;
    this.status = next;
    for (const listener of this.listeners) listener(next);
  }
}

/** The app's one saver. */
export const notesAutosaver = new Autosaver();

/** Save every pending note now (for the shell's close handler or a global "save" command). */
export function flushNotes(): Promise<void> {
  return notesAutosaver.flush();
}
