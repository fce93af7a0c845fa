import type { SourceCollection } from '../../core/model';
import { call } from '../api';
import { useNamedSets, type SetChannels } from '../ui/use-named-sets';

const channels: SetChannels<SourceCollection> = {
  list: () => call('listCollections'),
  create: async (name, sourceIds) => (await call('createCollection', { name, sourceIds })).collections,
  rename: async (collectionId, name) => (await call('renameCollection', { collectionId, name })).collections,
  remove: async (collectionId) => (await call('deleteCollection', { collectionId })).collections,
  members: async (collectionId, change) => (await call('setCollectionMembers', { collectionId, ...change })).collections,
  row: (c) => ({ id: c.id, name: c.name, members: c.sourceIds, ...(c.kind === 'case' ? { note: 'case' } : {}) }),
};

/**
 * The notebook's source collections (issue 16), with the actions that change them. Reloaded when `version`
 * changes (the source list after an import or a deletion), and after every change made here.
 */
export function useCollections(version: unknown) {
  const { raw, sets } = useNamedSets(channels, version);
  return { collections: raw, sets };
}
