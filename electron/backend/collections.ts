/**
 * Named sets kept in the catalog (issue 16): source collections (MAXQDA document sets, REFI-QDA Sets and Cases of
 * sources) and tag groups (ATLAS.ti code groups, REFI-QDA Sets of codes). One implementation of create, rename,
 * delete and membership, checked the same way for both.
 */
import { randomBytes } from 'node:crypto';
import { visibleCollections, visibleTagGroups, type CollectionsResult, type TagGroupsResult } from '../../core/collections/api';
import type { SourceCollection, TagGroup } from '../../core/model';
import { NotebookError } from './errors';
import type { CatalogFile as Catalog, NotebookStore } from './store';
import type { MessageKey } from '../../core/i18n/catalog';
import { sentence } from '../../core/i18n/message-text';

interface NamedSet {
  id: string;
  name: string;
}

interface SetSpec<T extends NamedSet> {
  /** What the analyst is told when a change of a set is refused. */
  messages: Record<'notFound' | 'nameTaken' | 'memberNotFound' | 'readOnly', MessageKey>;
  idPrefix: string;
  read(catalog: Catalog): T[] | undefined;
  write(catalog: Catalog, sets: T[]): void;
  members(set: T): string[];
  withMembers(set: T, members: string[]): T;
  /** The ids members may have (the sources, the tags of the notebook). */
  known(catalog: Catalog): Set<string>;
  /** The sets as shown: in order, members limited to ids that exist. */
  visible(sets: T[] | undefined, known: Set<string>): T[];
}

class NamedSetOps<T extends NamedSet> {
  constructor(
    private readonly store: NotebookStore,
    private readonly spec: SetSpec<T>,
  ) {}

  list(): T[] {
    return this.spec.visible(this.spec.read(this.store.catalog), this.spec.known(this.store.catalog));
  }

  async create(name: string, members: string[] = []): Promise<{ all: T[]; one?: T }> {
    this.writable();
    const clean = name.trim();
    this.checkName(clean, null);
    this.checkMembers(members);
    const set = this.spec.withMembers({ id: `${this.spec.idPrefix}-${randomBytes(6).toString('hex')}`, name: clean } as T, [...new Set(members)]);
    await this.store.updateCatalog((c) => this.spec.write(c, [...(this.spec.read(c) ?? []), set]));
    return this.result(set.id);
  }

  async rename(setId: string, name: string): Promise<{ all: T[]; one?: T }> {
    this.writable();
    this.get(setId);
    const clean = name.trim();
    this.checkName(clean, setId);
    await this.store.updateCatalog((c) => this.spec.write(c, (this.spec.read(c) ?? []).map((x) => (x.id === setId ? { ...x, name: clean } : x))));
    return this.result(setId);
  }

  async delete(setId: string): Promise<{ all: T[] }> {
    this.writable();
    this.get(setId);
    await this.store.updateCatalog((c) => this.spec.write(c, (this.spec.read(c) ?? []).filter((x) => x.id !== setId)));
    return { all: this.list() };
  }

  async setMembers(setId: string, add: string[] = [], remove: string[] = []): Promise<{ all: T[]; one?: T }> {
    this.writable();
    this.get(setId);
    this.checkMembers(add);
    const out = new Set(remove);
    await this.store.updateCatalog((c) =>
      this.spec.write(
        c,
        (this.spec.read(c) ?? []).map((x) => {
          if (x.id !== setId) return x;
          const members = new Set(this.spec.members(x).filter((m) => !out.has(m)));
          for (const m of add) members.add(m);
          return this.spec.withMembers(x, [...members]);
        }),
      ),
    );
    return this.result(setId);
  }

  private result(setId: string): { all: T[]; one?: T } {
    const all = this.list();
    return { all, one: all.find((x) => x.id === setId) };
  }

  private get(setId: string): T {
    const found = (this.spec.read(this.store.catalog) ?? []).find((x) => x.id === setId);
    if (!found) throw new NotebookError(sentence(this.spec.messages.notFound, { id: setId }), 'not-found');
    return found;
  }

  private checkName(name: string, except: string | null): void {
    const key = name.toLocaleLowerCase();
    if ((this.spec.read(this.store.catalog) ?? []).some((x) => x.id !== except && x.name.toLocaleLowerCase() === key)) {
      throw new NotebookError(sentence(this.spec.messages.nameTaken, { name }));
    }
  }

  private checkMembers(ids: readonly string[]): void {
    const known = this.spec.known(this.store.catalog);
    const missing = ids.find((id) => !known.has(id));
    if (missing) throw new NotebookError(sentence(this.spec.messages.memberNotFound, { id: missing }), 'not-found');
  }

  private writable(): void {
    if (this.store.readOnly) throw new NotebookError(sentence(this.spec.messages.readOnly), 'read-only');
  }
}

const collectionSpec: SetSpec<SourceCollection> = {
  messages: { notFound: 'backend.collection.notFound', nameTaken: 'backend.collection.nameTaken', memberNotFound: 'backend.collection.memberNotFound', readOnly: 'backend.collection.readOnly' },
  idPrefix: 'col',
  read: (c) => c.collections,
  write: (c, sets) => {
    c.collections = sets;
  },
  members: (x) => x.sourceIds,
  withMembers: (x, sourceIds) => ({ ...x, sourceIds }),
  known: (c) => new Set(c.sources.map((s) => s.id)),
  visible: visibleCollections,
};

const tagGroupSpec: SetSpec<TagGroup> = {
  messages: { notFound: 'backend.tagGroup.notFound', nameTaken: 'backend.tagGroup.nameTaken', memberNotFound: 'backend.tagGroup.memberNotFound', readOnly: 'backend.tagGroup.readOnly' },
  idPrefix: 'tgr',
  read: (c) => c.tagGroups,
  write: (c, sets) => {
    c.tagGroups = sets;
  },
  members: (x) => x.tagIds,
  withMembers: (x, tagIds) => ({ ...x, tagIds }),
  known: (c) => new Set((c.tags ?? []).map((t) => t.id)),
  visible: visibleTagGroups,
};

/** Source collections: named sets of sources, a filter in search, retrieval, analysis and export. */
export class CollectionOps {
  private readonly ops: NamedSetOps<SourceCollection>;
  constructor(store: NotebookStore) {
    this.ops = new NamedSetOps(store, collectionSpec);
  }
  list(): SourceCollection[] {
    return this.ops.list();
  }
  create = async (name: string, sourceIds?: string[]): Promise<CollectionsResult> => asCollections(await this.ops.create(name, sourceIds));
  rename = async (id: string, name: string): Promise<CollectionsResult> => asCollections(await this.ops.rename(id, name));
  delete = async (id: string): Promise<CollectionsResult> => asCollections(await this.ops.delete(id));
  setMembers = async (id: string, add?: string[], remove?: string[]): Promise<CollectionsResult> => asCollections(await this.ops.setMembers(id, add, remove));
}

/** Tag groups: named sets of tags, shown one at a time in the codebook. */
export class TagGroupOps {
  private readonly ops: NamedSetOps<TagGroup>;
  constructor(store: NotebookStore) {
    this.ops = new NamedSetOps(store, tagGroupSpec);
  }
  list(): TagGroup[] {
    return this.ops.list();
  }
  create = async (name: string, tagIds?: string[]): Promise<TagGroupsResult> => asGroups(await this.ops.create(name, tagIds));
  rename = async (id: string, name: string): Promise<TagGroupsResult> => asGroups(await this.ops.rename(id, name));
  delete = async (id: string): Promise<TagGroupsResult> => asGroups(await this.ops.delete(id));
  setMembers = async (id: string, add?: string[], remove?: string[]): Promise<TagGroupsResult> => asGroups(await this.ops.setMembers(id, add, remove));
}

const asCollections = ({ all, one }: { all: SourceCollection[]; one?: SourceCollection }): CollectionsResult => ({ collections: all, ...(one ? { collection: one } : {}) });
const asGroups = ({ all, one }: { all: TagGroup[]; one?: TagGroup }): TagGroupsResult => ({ groups: all, ...(one ? { group: one } : {}) });
