import { useSyncExternalStore } from 'react';
import type { SourceSummary } from '../../core/model';

/**
 * The notebook's source summaries, outside React: changes arrive as they happen (an edit, a deletion, an import,
 * a highlight count) and are applied to the one entry they concern; nothing re-lists the notebook for them.
 * Components subscribe with useSources(); the snapshot is a new array only after a change.
 */
export class SourceStore {
  private byId = new Map<string, SourceSummary>();
  private loaded = false;
  private snapshot: SourceSummary[] | null = null;
  private readonly listeners = new Set<() => void>();

  /** Everything at once: on opening, and after a restore from a backup (when everything may have changed). */
  replaceAll(list: SourceSummary[]): void {
    this.byId = new Map(list.map((s) => [s.id, s]));
    this.loaded = true;
    this.changed();
  }

  /** Add or replace the given summaries (an edit, an import, an undone deletion). */
  upsert(list: SourceSummary[]): void {
    if (!list.length) return;
    for (const s of list) this.byId.set(s.id, s);
    this.changed();
  }

  remove(ids: Iterable<string>): void {
    let any = false;
    for (const id of ids) any = this.byId.delete(id) || any;
    if (any) this.changed();
  }

  /** Change one source's fields in place (highlight counts while the analyst highlights). */
  patch(id: string, fields: Partial<SourceSummary>): void {
    const s = this.byId.get(id);
    if (!s || Object.entries(fields).every(([k, v]) => s[k as keyof SourceSummary] === v)) return;
    this.byId.set(id, { ...s, ...fields });
    this.changed();
  }

  get(id: string): SourceSummary | undefined {
    return this.byId.get(id);
  }

  /** Null until the first list arrived. */
  list = (): SourceSummary[] | null => {
    if (!this.loaded) return null;
    this.snapshot ??= [...this.byId.values()];
    return this.snapshot;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = null;
    for (const l of this.listeners) l();
  }
}

export function useSources(store: SourceStore): SourceSummary[] | null {
  return useSyncExternalStore(store.subscribe, store.list);
}
