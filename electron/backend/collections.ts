/** Source collections (issue 16): named sets of sources kept in the catalog. */
import { randomBytes } from 'node:crypto';
import { visibleCollections, type CollectionsResult } from '../../core/collections/api';
import type { SourceCollection } from '../../core/model';
import { NotebookError } from './errors';
import type { NotebookStore } from './store';

export class CollectionOps {
  constructor(private readonly store: NotebookStore) {}

  list(): SourceCollection[] {
    return visibleCollections(this.store.catalog.collections, new Set(this.store.catalog.sources.map((s) => s.id)));
  }

  async create(name: string, sourceIds: string[] = []): Promise<CollectionsResult> {
    this.writable();
    const clean = name.trim();
    this.checkName(clean, null);
    this.checkSources(sourceIds);
    const collection: SourceCollection = { id: `col-${randomBytes(6).toString('hex')}`, name: clean, sourceIds: [...new Set(sourceIds)] };
    await this.store.updateCatalog((c) => {
      c.collections = [...(c.collections ?? []), collection];
    });
    return this.result(collection.id);
  }

  async rename(collectionId: string, name: string): Promise<CollectionsResult> {
    this.writable();
    this.get(collectionId);
    const clean = name.trim();
    this.checkName(clean, collectionId);
    await this.store.updateCatalog((c) => {
      c.collections = (c.collections ?? []).map((x) => (x.id === collectionId ? { ...x, name: clean } : x));
    });
    return this.result(collectionId);
  }

  async delete(collectionId: string): Promise<CollectionsResult> {
    this.writable();
    this.get(collectionId);
    await this.store.updateCatalog((c) => {
      c.collections = (c.collections ?? []).filter((x) => x.id !== collectionId);
    });
    return { collections: this.list() };
  }

  async setMembers(collectionId: string, add: string[] = [], remove: string[] = []): Promise<CollectionsResult> {
    this.writable();
    this.get(collectionId);
    this.checkSources(add);
    const out = new Set(remove);
    await this.store.updateCatalog((c) => {
      c.collections = (c.collections ?? []).map((x) => {
        if (x.id !== collectionId) return x;
        const members = new Set(x.sourceIds.filter((s) => !out.has(s)));
        for (const s of add) members.add(s);
        return { ...x, sourceIds: [...members] };
      });
    });
    return this.result(collectionId);
  }

  private result(collectionId: string): CollectionsResult {
    const collections = this.list();
    return { collections, collection: collections.find((c) => c.id === collectionId) };
  }

  private get(collectionId: string): SourceCollection {
    const c = (this.store.catalog.collections ?? []).find((x) => x.id === collectionId);
    if (!c) throw new NotebookError(`No collection with id "${collectionId}" in this notebook.`);
    return c;
  }

  private checkName(name: string, except: string | null): void {
    const key = name.toLocaleLowerCase();
    if ((this.store.catalog.collections ?? []).some((c) => c.id !== except && c.name.toLocaleLowerCase() === key)) {
      throw new NotebookError(`A collection named “${name}” exists already. Choose another name.`);
    }
  }

  private checkSources(ids: readonly string[]): void {
    const known = new Set(this.store.catalog.sources.map((s) => s.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing) throw new NotebookError(`No source with id "${missing}" in this notebook; the collection was not changed.`);
  }

  private writable(): void {
    if (this.store.readOnly) throw new NotebookError('This notebook is open read-only: collections cannot be changed.');
  }
}
