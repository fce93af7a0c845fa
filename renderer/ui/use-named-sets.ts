import { useCallback, useEffect, useMemo, useState } from 'react';

/** One named set as a bar shows it: its members, and a note after its name ("case"). */
export interface NamedSetRow {
  id: string;
  name: string;
  members: string[];
  note?: string;
}

/** The channels of one kind of named set (source collections, tag groups), each answering with every set after it. */
export interface SetChannels<T> {
  list(): Promise<T[]>;
  create(name: string, members: string[]): Promise<T[]>;
  rename(id: string, name: string): Promise<T[]>;
  remove(id: string): Promise<T[]>;
  members(id: string, change: { add?: string[]; remove?: string[] }): Promise<T[]>;
  /** How a set is shown in the bar. */
  row(set: T): NamedSetRow;
}

export interface NamedSets {
  sets: NamedSetRow[];
  error: string | null;
  clearError(): void;
  /** Create or rename from a dialog: null when saved, else why not (the dialog shows it; the bar does not). */
  create(name: string, members: string[]): Promise<string | null>;
  rename(id: string, name: string): Promise<string | null>;
  remove(id: string): Promise<boolean>;
  add(id: string, members: string[]): Promise<boolean>;
  removeMembers(id: string, members: string[]): Promise<boolean>;
}

/**
 * Named sets with the actions that change them: reloaded when `version` changes (the list after an import or a
 * deletion) and after every change made here; a refused change leaves the sets as they were and shows why.
 */
export function useNamedSets<T>(channels: SetChannels<T>, version: unknown): { raw: T[]; sets: NamedSets } {
  const [raw, setRaw] = useState<T[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    channels.list().then(setRaw, () => setRaw([]));
  }, [channels]);
  useEffect(reload, [reload, version]);

  const run = useCallback(async (work: () => Promise<T[]>): Promise<boolean> => {
    try {
      setRaw(await work());
      setError(null);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  }, []);

  const named = useCallback(async (work: () => Promise<T[]>): Promise<string | null> => {
    try {
      setRaw(await work());
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }, []);

  const sets = useMemo<NamedSets>(
    () => ({
      sets: raw.map(channels.row),
      error,
      clearError: () => setError(null),
      create: (name, members) => named(() => channels.create(name, members)),
      rename: (id, name) => named(() => channels.rename(id, name)),
      remove: (id) => run(() => channels.remove(id)),
      add: (id, add) => run(() => channels.members(id, { add })),
      removeMembers: (id, remove) => run(() => channels.members(id, { remove })),
    }),
    [raw, error, run, named, channels],
  );
  return { raw, sets };
}
