import { visibleHighlights } from '../../core/agreement/blind';
import { stampTags } from '../../core/agreement/authorship';
import { SerialQueue } from './serial-queue';
import { randomBytes } from 'node:crypto';
import { newHighlight } from './highlights';
import type { Highlight, Settings, Tag } from '../../core/model';
import type {
  BulkTagResult,
  DeleteTagResult,
  DeleteTagUndo,
  FindMentionsResult,
  HighlightTagChange,
  MergeTagUndo,
  MergeTagsResult,
  RejectionsResult,
  RetrieveResult,
  SuggestResult,
  TagChangeResult,
  TagList,
  TagPassagesResult,
  UndoTagResult,
} from '../../core/tags/api';
import {
  CodebookError,
  applyRewrite,
  createTag,
  deleteTag,
  mergeTags,
  moveTag,
  undoDelete,
  undoMerge,
  updateTag,
  type TagPatch,
  type TagRewrite,
} from '../../core/tags/codebook';
import { defaultCodebook, defaultParentId } from '../../core/tags/default-codebook';
import { touchRecent } from '../../core/tags/match';
import { countTags } from '../../core/tags/tag-counts';
import { QueryError, retrieve, snippet, type RetrievalFilters, type RetrievalSource } from '../../core/tags/query';
import type { TagKind } from '../../core/model';
import { NotebookError } from './errors';
import { readingOrder } from '../../core/lanes';
import type { NotebookStore, RejectedSuggestions, SourceFile } from './store';
import type { NotebookSearch } from './search/notebook-search';
import { asIs, sentence, summarised, type MessageText } from '../../core/i18n/message-text';

type RetrieveInput = Parameters<NotebookSearch['retrieve']>[0];
/** What retrieval needs of the search index (present in the app; absent, every source is read). */
type HighlightIndex = Pick<NotebookSearch, 'retrieve' | 'tagCounts' | 'loaded' | 'whenLoaded'>;

type Entities = typeof import('../../core/suggest/entities');

/**
 * The entity-suggestion module costs ~0.4 s to load (compromise's lexicon): loaded on first use, once, so opening the
 * notebook stays fast. In the bundled main process esbuild keeps it a lazily initialised module.
 */
let entitiesModule: Promise<Entities> | null = null;
function entities(): Promise<Entities> {
  entitiesModule ??= import('../../core/suggest/entities');
  return entitiesModule;
}

/** How many tags the number keys reach. */
const QUICK_KEYS = 9;
const RECENT_CAP = 20;
const MENTIONS_MAX = 5000;

const noRejections = (): RejectedSuggestions => ({ keys: [], entityKeys: [] });

/**
 * Codebook and tagging operations (issue 4). The codebook lives in the catalog; highlights reference tags by id, so a
 * rename or a move writes the catalog only. Merge and delete also rewrite highlights, one source file at a time
 * (files first, then the catalog: a crash in between leaves no highlight pointing at a tag that is gone).
 * Operations that change the codebook run one at a time.
 */
export class TagOps {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly store: NotebookStore,
    private readonly index?: HighlightIndex,
  ) {}

  /** The default codebook for a notebook whose catalog predates tags. */
  async ensureCodebook(): Promise<void> {
    if (!this.store.lacksCodebook || this.store.catalog.tags.length > 0) return;
    await this.store.updateCatalog((c) => {
      c.tags = defaultCodebook(new Date().toISOString());
    });
  }

  private get tags(): Tag[] {
    return this.store.catalog.tags;
  }

  async list(): Promise<TagList> {
    const tags = this.tags;
    // The index (in its worker) holds every highlight's tags: no source file is read for the counts.
    if (this.index) {
      // The codebook never waits for the index: until it has loaded, the tags come with zero counts, marked pending
      // (a tag picker must work the moment the notebook opens).
      if (!this.index.loaded) await Promise.race([this.index.whenLoaded().catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
      if (!this.index.loaded) {
        const zero = { highlights: 0, sources: 0, subtreeHighlights: 0, subtreeSources: 0 };
        return { tags, counts: Object.fromEntries(tags.map((t) => [t.id, zero])), countsPending: true };
      }
      return { tags, counts: await this.index.tagCounts(tags) };
    }
    const sources: Array<readonly Highlight[]> = [];
    for await (const { file } of this.store.sourceFiles()) sources.push(file.highlights);
    return { tags, counts: countTags(tags, sources) };
  }

  create(input: { name: string; kind?: TagKind; parentId?: string | null; color?: string; description?: string; aliases?: string[] }): Promise<TagChangeResult & { tag: Tag }> {
    return this.queue.run(async () => {
      const tags = this.tags;
      const parentId = input.parentId !== undefined ? input.parentId : input.kind ? defaultParentId(tags, input.kind) : null;
      const change = codebook(() =>
        createTag(tags, {
          id: newTagId(),
          name: input.name,
          ...(input.kind ? { kind: input.kind } : {}),
          ...(input.color ? { color: input.color } : {}),
          parentId,
          description: input.description ?? '',
          aliases: input.aliases ?? [],
          createdAt: new Date().toISOString(),
        }),
      );
      await this.saveTags(change.tags);
      return { tags: change.tags, summary: change.summary, summaryText: change.summaryText, tag: change.tag };
    });
  }

  update(tagId: string, patch: TagPatch): Promise<TagChangeResult & { tag: Tag }> {
    return this.queue.run(async () => {
      const change = codebook(() => updateTag(this.tags, tagId, patch));
      if (change.changedIds.length > 0) await this.saveTags(change.tags);
      return { tags: change.tags, summary: change.summary, summaryText: change.summaryText, tag: change.tag };
    });
  }

  move(tagId: string, parentId: string | null): Promise<TagChangeResult & { tag: Tag }> {
    return this.queue.run(async () => {
      const change = codebook(() => moveTag(this.tags, tagId, parentId));
      if (change.changedIds.length > 0) await this.saveTags(change.tags);
      return { tags: change.tags, summary: change.summary, summaryText: change.summaryText, tag: change.tag };
    });
  }

  merge(fromId: string, intoId: string): Promise<MergeTagsResult> {
    return this.queue.run(async () => {
      const change = codebook(() => mergeTags(this.tags, fromId, intoId));
      const { previous, changed } = await this.rewriteAll(change.rewrite as TagRewrite);
      const removed = new Set(change.undo.removed.map((r) => r.tag.id));
      const joinedGroups: string[] = [];
      await this.store.updateCatalog((c) => {
        c.tags = change.tags;
        // A group that held a merged tag now holds the target (the merged ids stay, so an undo brings them back there).
        c.tagGroups = c.tagGroups?.map((g) => {
          if (g.tagIds.includes(intoId) || !g.tagIds.some((t) => removed.has(t))) return g;
          joinedGroups.push(g.id);
          return { ...g, tagIds: [...g.tagIds, intoId] };
        });
      });
      const undo: MergeTagUndo = { ...change.undo, previous, ...(joinedGroups.length > 0 ? { joinedGroups } : {}) };
      return { tags: change.tags, ...withCount(change.summaryText, changed), tag: change.tag, undo, highlightsChanged: changed };
    });
  }

  delete(tagId: string): Promise<DeleteTagResult> {
    return this.queue.run(async () => {
      const change = codebook(() => deleteTag(this.tags, tagId));
      const { positions, changed } = await this.rewriteAll(change.rewrite as TagRewrite);
      await this.saveTags(change.tags);
      const undo: DeleteTagUndo = { ...change.undo, positions };
      return { tags: change.tags, ...withCount(change.summaryText, changed), undo, highlightsChanged: changed };
    });
  }

  /** Undo of a delete: the tag first (a crash then leaves it back, without its highlights), then every file. */
  undoDelete(undo: DeleteTagUndo): Promise<UndoTagResult> {
    return this.queue.run(async () => {
      const change = codebook(() => undoDelete(this.tags, undo, {}));
      await this.saveTags(change.tags);
      let changed = 0;
      for (const [sourceId, positions] of Object.entries(undo.positions)) {
        changed += await this.rewriteSource(sourceId, { op: 'restore', tagId: undo.tag.id, positions });
      }
      return { tags: change.tags, summary: change.summary, summaryText: change.summaryText, highlightsChanged: changed };
    });
  }

  undoMerge(undo: MergeTagUndo): Promise<UndoTagResult> {
    return this.queue.run(async () => {
      const change = codebook(() => undoMerge(this.tags, undo, {}));
      const joined = new Set(undo.joinedGroups ?? []);
      await this.store.updateCatalog((c) => {
        c.tags = change.tags;
        c.tagGroups = c.tagGroups?.map((g) => (joined.has(g.id) ? { ...g, tagIds: g.tagIds.filter((t) => t !== undo.into.id) } : g));
      });
      let changed = 0;
      for (const [sourceId, tagIds] of Object.entries(undo.previous)) {
        changed += await this.rewriteSource(sourceId, { op: 'reset', tagIds });
      }
      return { tags: change.tags, summary: change.summary, summaryText: change.summaryText, highlightsChanged: changed };
    });
  }

  /** Sets one highlight's tags (in order: the first gives its colour). */
  async setHighlightTags(sourceId: string, highlightId: string, tagIds: string[]): Promise<HighlightTagChange> {
    const wanted = [...new Set(tagIds)];
    this.assertTagsExist(wanted);
    const { highlight, previousTagIds } = await this.store.changeSource(sourceId, (file) => {
      const found = file.highlights.find((h) => h.id === highlightId);
      if (!found) throw new NotebookError(sentence('backend.highlight.notFound', { id: highlightId }), 'not-found');
      const next: Highlight = { ...found, tagIds: wanted, modifiedAt: new Date().toISOString() };
      return { next: { ...file, highlights: file.highlights.map((h) => (h.id === highlightId ? next : h)) }, result: { highlight: next, previousTagIds: [...found.tagIds] } };
    });
    await this.touchRecent(wanted.filter((id) => !previousTagIds.includes(id)));
    return { highlight, previousTagIds };
  }

  /** Adds or removes one tag on many highlights. Checks every highlight first, so a bad reference changes nothing. */
  async bulkTag(refs: Array<{ sourceId: string; highlightId: string }>, add?: string, remove?: string): Promise<BulkTagResult> {
    const tagId = (add ?? remove) as string;
    const tag = this.assertTagsExist([tagId])[0];
    const bySource = new Map<string, Set<string>>();
    for (const r of refs) {
      if (!this.store.catalog.sources.some((s) => s.id === r.sourceId)) throw new NotebookError(sentence('backend.source.notFound', { id: r.sourceId }), 'not-found');
      const set = bySource.get(r.sourceId) ?? new Set<string>();
      set.add(r.highlightId);
      bySource.set(r.sourceId, set);
    }
    for (const [sourceId, ids] of bySource) {
      const present = new Set((await this.store.readSource(sourceId)).highlights.map((h) => h.id));
      const missing = [...ids].find((id) => !present.has(id));
      if (missing) throw new NotebookError(sentence('backend.highlight.notFoundUnchanged', { id: missing }), 'not-found');
    }
    const now = new Date().toISOString();
    const changed: HighlightTagChange[] = [];
    for (const [sourceId, ids] of bySource) {
      const here = await this.store.changeSource(sourceId, (file) => {
        const out: HighlightTagChange[] = [];
        const highlights = file.highlights.map((h) => {
          if (!ids.has(h.id)) return h;
          const has = h.tagIds.includes(tagId);
          if ((add !== undefined && has) || (remove !== undefined && !has)) return h;
          const updated: Highlight = { ...h, tagIds: add !== undefined ? [...h.tagIds, tagId] : h.tagIds.filter((t) => t !== tagId), modifiedAt: now };
          out.push({ highlight: updated, previousTagIds: [...h.tagIds] });
          return updated;
        });
        return { next: out.length ? { ...file, highlights } : file, result: out };
      });
      changed.push(...here);
    }
    if (add !== undefined) await this.touchRecent([tagId]);
    const n = changed.length;
    return { changed, ...summarised(sentence(add !== undefined ? 'backend.tags.addedTo' : 'backend.tags.removedFrom', { name: tag.name, count: n })) };
  }

  async retrieve(input: { query: string; filters?: RetrievalFilters; limit?: number; offset?: number; order?: 'source' | 'date' }): Promise<RetrieveResult> {
    if (this.index) return this.retrieveFromIndex(input, this.index);
    const sources: RetrievalSource[] = [];
    for await (const { meta, file } of this.store.sourceFiles()) sources.push({ meta, text: file.text, highlights: file.highlights });
    try {
      return retrieve(input.query, input.filters ?? {}, { tags: this.tags, sources }, { limit: input.limit ?? 100, offset: input.offset ?? 0, order: input.order ?? 'date', translit: this.store.catalog.settings.translitMatching !== false });
    } catch (err) {
      if (err instanceof QueryError) throw new NotebookError(err.text);
      if (err instanceof RangeError) throw new NotebookError(asIs(err.message));
      throw err;
    }
  }

  /**
   * Retrieval at scale: the index (in its worker) matches and counts over every highlight; only the sources on the
   * page are read, for their highlights as stored and the context around each passage.
   */
  private async retrieveFromIndex(input: RetrieveInput, index: HighlightIndex): Promise<RetrieveResult> {
    const result = await index.retrieve(input, this.store.catalog.sources);
    const files = new Map<string, SourceFile | null>();
    for (const segment of result.segments) {
      if (!files.has(segment.sourceId)) files.set(segment.sourceId, await this.store.readSource(segment.sourceId).catch(() => null));
    }
    // Blind coding (issue 19): a passage the analyst may not see yet is left out of the rows.
    const coding = this.store.catalog.coding;
    const viewer = this.store.catalog.settings.analystName;
    const hidden = (segment: (typeof result.segments)[number], file: SourceFile | null | undefined): boolean => {
      if (!coding?.blind || !file) return false;
      const full = file.highlights.find((h) => h.id === segment.highlight.id);
      return !!full && visibleHighlights([full], coding, viewer, segment.sourceId).length === 0;
    };
    result.segments = result.segments
      .filter((segment) => !hidden(segment, files.get(segment.sourceId)))
      .map((segment) => {
        const file = files.get(segment.sourceId);
        const highlight = file?.highlights.find((h) => h.id === segment.highlight.id) ?? segment.highlight;
        return { ...segment, highlight, ...snippet(file?.text ?? '', highlight) };
      });
    return result;
  }

  async suggest(sourceId: string): Promise<SuggestResult> {
    const meta = this.store.sourceMeta(sourceId);
    const mod = await entities();
    const file = (await this.store.readSource(sourceId));
    const rejected = file.rejectedSuggestions ?? noRejections();
    const list = mod.suggestEntities(file.text, {
      tags: this.tags,
      highlights: file.highlights,
      rejected: rejected.keys,
      rejectedEntities: rejected.entityKeys.map(entityOfKey),
      furniture: meta.furniture,
      translit: this.store.catalog.settings.translitMatching !== false,
    });
    return { sourceId, groups: mod.groupSuggestions(list), total: list.length, rejected: { keys: rejected.keys.length, entities: rejected.entityKeys.length } };
  }

  async reject(sourceId: string, what: { key?: string; entityKey?: string }, rejected: boolean): Promise<RejectionsResult> {
    this.store.sourceMeta(sourceId);
    const edit = (list: string[], value: string | undefined): string[] => {
      if (value === undefined) return list;
      const without = list.filter((k) => k !== value);
      return rejected ? [...without, value] : without;
    };
    const next = await this.store.changeSource(sourceId, (file) => {
      const before = file.rejectedSuggestions ?? noRejections();
      const after: RejectedSuggestions = { keys: edit(before.keys, what.key), entityKeys: edit(before.entityKeys, what.entityKey) };
      return { next: { ...file, rejectedSuggestions: after }, result: after };
    });
    return { keys: [...next.keys], entityKeys: [...next.entityKeys] };
  }

  /**
   * Accepts suggestions: resolves each to a tag (creating new entity tags under their kind's category), then tags the
   * passages. The text must still be what the suggestion was made on.
   */
  acceptSuggestions(
    sourceId: string,
    suggestions: Array<{ start: number; end: number; text: string; kind: 'person' | 'organisation' | 'place' | 'group'; tagId?: string; proposedName: string; aliases?: string[] }>,
  ): Promise<TagPassagesResult> {
    return this.queue.run(async () => {
      this.store.sourceMeta(sourceId);
      const mod = await entities();
      const text = (await this.store.readSource(sourceId)).text;
      let tags = this.tags;
      const createdTags: Tag[] = [];
      const now = new Date().toISOString();
      const passages: Array<{ sourceId: string; start: number; end: number; tagId: string }> = [];
      for (const s of suggestions) {
        if (s.end > text.length || s.start >= s.end || text.slice(s.start, s.end) !== s.text) {
          throw new NotebookError(sentence('backend.tags.suggestionMoved', { text: s.text.slice(0, 80) }));
        }
        const { tagId, change } = codebook(() => mod.resolveSuggestionTag(tags, s, { id: newTagId(), createdAt: now }));
        if (change) {
          tags = change.tags;
          createdTags.push(...tags.filter((t) => change.changedIds.includes(t.id)));
        }
        passages.push({ sourceId, start: s.start, end: s.end, tagId });
      }
      if (createdTags.length > 0) await this.saveTags(tags);
      const result = await this.addTaggedPassages(passages);
      return { ...result, tags, createdTags };
    });
  }

  async findMentions(tagId: string): Promise<FindMentionsResult> {
    const tag = this.assertTagsExist([tagId])[0];
    const mod = await entities();
    const sources: Array<{ id: string; title: string; date: string; text: string; highlights: Highlight[] }> = [];
    for await (const { meta, file } of this.store.sourceFiles()) sources.push({ id: meta.id, title: meta.title, date: meta.date, text: file.text, highlights: file.highlights });
    const byId = new Map(sources.map((s) => [s.id, s]));
    const found = mod.findMentions(tag, sources, { translit: this.store.catalog.settings.translitMatching !== false }).slice(0, MENTIONS_MAX);
    const mentions = found.map((m) => {
      const source = byId.get(m.sourceId) as (typeof sources)[number];
      const snip = snippet(source.text, { start: m.start, end: m.end, quote: { exact: m.text, prefix: '', suffix: '' }, orphan: false }, 60);
      return { sourceId: m.sourceId, sourceTitle: source.title, date: source.date, start: m.start, end: m.end, text: m.text, before: snip.before, after: snip.after };
    });
    return { tag, mentions, sources: sources.length };
  }

  tagPassages(tagId: string, passages: Array<{ sourceId: string; start: number; end: number }>): Promise<TagPassagesResult> {
    return this.queue.run(async () => {
      this.assertTagsExist([tagId]);
      const result = await this.addTaggedPassages(passages.map((p) => ({ ...p, tagId })));
      return { ...result, tags: this.tags, createdTags: [] };
    });
  }

  async pin(tagId: string, pinned: boolean): Promise<Settings> {
    const current = this.store.catalog.settings.pinnedTagIds ?? [];
    if (pinned) {
      this.assertTagsExist([tagId]);
      const live = current.filter((id) => this.tags.some((t) => t.id === id));
      if (!live.includes(tagId) && live.length >= QUICK_KEYS) {
        throw new NotebookError(sentence('backend.tags.pinnedFull', { count: QUICK_KEYS }));
      }
    }
    const next = pinned ? [...current.filter((id) => id !== tagId), tagId] : current.filter((id) => id !== tagId);
    await this.store.updateCatalog((c) => {
      c.settings.pinnedTagIds = next;
    });
    return this.store.settings;
  }

  // -------------------------------------------------------------------------------------------------------------

  /**
   * Tags passages: where a highlight already covers exactly that range it gains the tag; otherwise a new highlight
   * is made. One write per source file.
   */
  private async addTaggedPassages(passages: Array<{ sourceId: string; start: number; end: number; tagId: string }>): Promise<Omit<TagPassagesResult, 'tags' | 'createdTags'>> {
    const bySource = new Map<string, typeof passages>();
    for (const p of passages) {
      this.store.sourceMeta(p.sourceId);
      bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p]);
    }
    // Check every passage before writing anything.
    for (const [sourceId, list] of bySource) {
      const text = (await this.store.readSource(sourceId)).text;
      for (const p of list) {
        if (p.start >= p.end || p.end > text.length || !text.slice(p.start, p.end).trim()) {
          throw new NotebookError(sentence('backend.tags.passageOutside', { start: p.start, end: p.end, length: text.length }));
        }
      }
    }
    const now = new Date().toISOString();
    const created: Highlight[] = [];
    const updated: HighlightTagChange[] = [];
    for (const [sourceId, list] of bySource) {
      await this.store.changeSource(sourceId, (file: SourceFile) => {
      const highlights = [...file.highlights];
      for (const p of list) {
        const i = highlights.findIndex((h) => !h.orphan && h.start === p.start && h.end === p.end);
        if (i >= 0) {
          const h = highlights[i];
          if (h.tagIds.includes(p.tagId)) continue;
          const fresh = created.find((c) => c.id === h.id);
          const next: Highlight = { ...h, tagIds: [...h.tagIds, p.tagId], modifiedAt: now };
          highlights[i] = next;
          if (fresh) created[created.indexOf(fresh)] = next;
          else {
            const prior = updated.find((u) => u.highlight.id === h.id);
            if (prior) prior.highlight = next;
            else updated.push({ highlight: next, previousTagIds: [...h.tagIds] });
          }
          continue;
        }
        const h = newHighlight(file.text, sourceId, p.start, p.end, [p.tagId], now);
        highlights.push(h);
        created.push(h);
      }
      highlights.sort(readingOrder);
      return { next: { ...file, highlights }, result: undefined };
      });
    }
    await this.touchRecent([...new Set(passages.map((p) => p.tagId))]);
    const n = created.length;
    const u = updated.length;
    const said = u > 0 ? sentence('backend.tags.taggedSome', { count: n + u, created: n, existing: u }) : sentence('backend.tags.tagged', { count: n + u });
    return { created, updated, ...summarised(said) };
  }

  /** Applies a rewrite to every source file that it touches; returns the undo data per source. */
  private async rewriteAll(rewrite: TagRewrite): Promise<{ positions: Record<string, Record<string, number>>; previous: Record<string, Record<string, string[]>>; changed: number }> {
    const positions: Record<string, Record<string, number>> = {};
    const previous: Record<string, Record<string, string[]>> = {};
    let changed = 0;
    const now = new Date().toISOString();
    for (const meta of this.store.catalog.sources) {
      const result = await this.store.changeSource(meta.id, (file) => {
        const r = applyRewrite(rewrite, file.highlights, now);
        return { next: r.changedIds.length ? { ...file, highlights: r.highlights } : file, result: r };
      });
      if (result.changedIds.length === 0) continue;
      positions[meta.id] = result.positions;
      previous[meta.id] = result.previous;
      changed += result.changedIds.length;
    }
    return { positions, previous, changed };
  }

  private async rewriteSource(sourceId: string, rewrite: TagRewrite): Promise<number> {
    if (!this.store.catalog.sources.some((s) => s.id === sourceId)) return 0;
    const result = await this.store.changeSource(sourceId, (file) => {
      const r = applyRewrite(rewrite, file.highlights, new Date().toISOString());
      return { next: r.changedIds.length ? { ...file, highlights: r.highlights } : file, result: r };
    });
    return result.changedIds.length;
  }

  private async saveTags(tags: Tag[]): Promise<void> {
    const who = this.store.catalog.settings.analystName;
    await this.store.updateCatalog((c) => {
      if (who) stampTags(c.tags, tags, who, new Date().toISOString());
      c.tags = tags;
    });
  }

  private async touchRecent(used: string[]): Promise<void> {
    if (used.length === 0) return;
    const before = this.store.view.recentTagIds;
    const next = touchRecent(before, used, RECENT_CAP);
    if (next.length === before.length && next.every((id, i) => id === before[i])) return;
    // view.json: applying a tag never rewrites the catalog for this.
    await this.store.updateView((v) => ({ ...v, recentTagIds: touchRecent(v.recentTagIds, used, RECENT_CAP) }));
  }

  private assertTagsExist(ids: string[]): Tag[] {
    return ids.map((id) => {
      const tag = this.tags.find((t) => t.id === id);
      if (!tag) throw new NotebookError(sentence('backend.tag.gone', { id }), 'not-found');
      return tag;
    });
  }


}

/** Codebook validation errors are meant for the analyst: they become NotebookErrors with the same message. */
function codebook<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof CodebookError) throw new NotebookError(err.text);
    throw err;
  }
}

function newTagId(): string {
  return `tag-${randomBytes(6).toString('hex')}`;
}

/** "tag:<id>" -> the tag id; "<kind>:<name>" -> the name: what suggestEntities takes as a rejected entity. */
function entityOfKey(entityKey: string): string {
  return entityKey.startsWith('tag:') ? entityKey.slice(4) : entityKey.slice(entityKey.indexOf(':') + 1);
}

function withCount(summary: MessageText, changed: number): { summary: string; summaryText: MessageText } {
  return summarised(sentence('backend.tags.withCount', { summary, count: changed }));
}
