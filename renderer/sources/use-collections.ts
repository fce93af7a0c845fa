import { useCallback, useEffect, useState } from 'react';
import type { SourceCollection } from '../../core/model';
import { call } from '../api';

/**
 * The notebook's source collections (issue 16), with the actions that change them. Reloaded when `version`
 * changes (the source list after an import or a deletion), and after every change made here.
 */
export function useCollections(version: unknown) {
  const [collections, setCollections] = useState<SourceCollection[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('listCollections')
      .then(setCollections)
      .catch(() => setCollections([]));
  }, []);
  useEffect(reload, [reload, version]);

  const run = useCallback(async (work: () => Promise<{ collections: SourceCollection[] }>): Promise<boolean> => {
    try {
      setCollections((await work()).collections);
      setError(null);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  }, []);

  return {
    collections,
    error,
    clearError: () => setError(null),
    create: (name: string, sourceIds: string[]) => run(() => call('createCollection', { name, sourceIds })),
    rename: (collectionId: string, name: string) => run(() => call('renameCollection', { collectionId, name })),
    remove: (collectionId: string) => run(() => call('deleteCollection', { collectionId })),
    addSources: (collectionId: string, add: string[]) => run(() => call('setCollectionMembers', { collectionId, add })),
    removeSources: (collectionId: string, remove: string[]) => run(() => call('setCollectionMembers', { collectionId, remove })),
  };
}
