import type { TagGroup } from '../../core/model';
import { call } from '../api';
import { useNamedSets, type SetChannels } from '../ui/use-named-sets';

const channels: SetChannels<TagGroup> = {
  list: () => call('listTagGroups'),
  create: async (name, tagIds) => (await call('createTagGroup', { name, tagIds })).groups,
  rename: async (groupId, name) => (await call('renameTagGroup', { groupId, name })).groups,
  remove: async (groupId) => (await call('deleteTagGroup', { groupId })).groups,
  members: async (groupId, change) => (await call('setTagGroupMembers', { groupId, ...change })).groups,
  row: (g) => ({ id: g.id, name: g.name, members: g.tagIds }),
};

/** The notebook's tag groups (ATLAS.ti code groups; issue 16), reloaded when the codebook changes. */
export function useTagGroups(version: unknown) {
  const { raw, sets } = useNamedSets(channels, version);
  return { groups: raw, sets };
}
