import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';
import { CATEGORY_TAG_IDS } from '../../core/tags/default-codebook';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-tags-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);

const EFE = '002_3d6a35bbe9bd0c1a';
const FT = '003_66612958c2088e72';

async function highlightPhrase(service: NotebookService, sourceId: string, phrase: string, tagIds: string[] = []) {
  const { text } = await service.getSource({ id: sourceId });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in ${sourceId}`);
  return service.createHighlight({ sourceId, start, end: start + phrase.length, tagIds });
}

async function stored(sourceId: string) {
  return JSON.parse(await readFile(join(dir, 'sources', `${sourceId}.json`), 'utf8'));
}

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'catalog.json': await readFile(join(dir, 'catalog.json'), 'utf8') };
  for (const f of await readdir(join(dir, 'sources'))) out[`sources/${f}`] = await readFile(join(dir, 'sources', f), 'utf8');
  return out;
}

describe('the default codebook', () => {
  it('a new notebook starts with the themes and the entity categories', async () => {
    const service = await open();
    const { tags, counts } = await (await service.searchIndex.whenLoaded(), service).listTags();
    const names = tags.map((t) => t.name);
    for (const n of ['People', 'Organisations', 'Places', 'Groups', 'Refugees', 'Drugs', 'Border', 'Terrorism', 'Humanitarian aid', 'Diplomacy']) {
      expect(names).toContain(n);
    }
    expect(tags.find((t) => t.name === 'Drugs')?.parentId).toBe(CATEGORY_TAG_IDS.themes);
    expect(counts[CATEGORY_TAG_IDS.people]).toEqual({ highlights: 0, sources: 0, subtreeHighlights: 0, subtreeSources: 0 });
    // On disk, and kept across a restart (not seeded twice).
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'));
    expect(catalog.tags).toHaveLength(tags.length);
    expect((await (await open()).listTags()).tags).toHaveLength(tags.length);
  });

  it('an existing notebook whose catalog has no tags field gets it; one whose codebook was emptied keeps it empty', async () => {
    // Closed before its file is edited, as the app would be (closing writes what it holds).
    await (await open()).close();
    const path = join(dir, 'catalog.json');
    const catalog = JSON.parse(await readFile(path, 'utf8'));
    delete catalog.tags;
    await writeFile(path, JSON.stringify(catalog));
    const reopened = await open();
    expect((await reopened.listTags()).tags.map((t) => t.name)).toContain('Refugees');
    await reopened.close();

    const emptied = { ...JSON.parse(await readFile(path, 'utf8')), tags: [] };
    await writeFile(path, JSON.stringify(emptied));
    expect((await (await open()).listTags()).tags).toEqual([]);
  });
});

describe('codebook operations through the service', () => {
  it('counts highlights and sources per tag, with descendants', async () => {
    const service = await open();
    const { tag: taliban } = await service.createTag({ name: 'Taliban', kind: 'group' });
    expect(taliban.parentId).toBe(CATEGORY_TAG_IDS.groups);
    await highlightPhrase(service, EFE, 'Taliban', [taliban.id]);
    await highlightPhrase(service, FT, 'Taliban', [taliban.id, 'tag-theme-terrorism']);
    const { counts } = await (await service.searchIndex.whenLoaded(), service).listTags();
    expect(counts[taliban.id]).toMatchObject({ highlights: 2, sources: 2 });
    expect(counts[CATEGORY_TAG_IDS.groups]).toEqual({ highlights: 0, sources: 0, subtreeHighlights: 2, subtreeSources: 2 });
    expect(counts['tag-theme-terrorism']).toMatchObject({ highlights: 1, sources: 1 });
  });

  it('a rename is visible in listTags at once and touches no source file', async () => {
    const service = await open();
    const { tag } = await service.createTag({ name: 'ISIS', kind: 'group', aliases: ['IS'] });
    await highlightPhrase(service, EFE, 'Islamic State', [tag.id]);
    const before = await snapshot();
    const result = await service.updateTag({ tagId: tag.id, name: 'Islamic State', aliases: ['IS', 'ISIS', 'IG'] });
    expect(result.summary).toContain('renamed to "Islamic State"');
    const { tags } = await (await service.searchIndex.whenLoaded(), service).listTags();
    expect(tags.find((t) => t.id === tag.id)).toMatchObject({ name: 'Islamic State', aliases: ['IS', 'ISIS', 'IG'] });
    const after = await snapshot();
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual(['catalog.json']);
    // Every highlight keeps the same id: retrieval by the new name finds it.
    expect((await service.retrieve({ query: 'Islamic State' })).counts.segments).toBe(1);
  });

  it('merge moves every highlight across source files without duplicates, and undo puts each back', async () => {
    const service = await open();
    const { tag: isis } = await service.createTag({ name: 'ISIS', kind: 'group' });
    const { tag: state } = await service.createTag({ name: 'Islamic State', kind: 'group', aliases: ['IS'] });
    const both = await highlightPhrase(service, EFE, 'Islamic State (IS)', [isis.id, 'tag-theme-terrorism', state.id]);
    const onlyIsis = await highlightPhrase(service, FT, 'Taliban', [isis.id]);
    const untouched = await highlightPhrase(service, FT, 'Central Asia', ['tag-theme-border']);

    const merged = await service.mergeTags({ fromId: isis.id, intoId: state.id });
    expect(merged.highlightsChanged).toBe(2);
    expect(merged.tags.some((t) => t.id === isis.id)).toBe(false);
    expect(merged.tag?.aliases).toEqual(['IS', 'ISIS']);
    const efe = await stored(EFE);
    const ft = await stored(FT);
    // The target takes the source's place; no duplicate.
    expect(efe.highlights.find((h: { id: string }) => h.id === both.id).tagIds).toEqual([state.id, 'tag-theme-terrorism']);
    expect(ft.highlights.find((h: { id: string }) => h.id === onlyIsis.id).tagIds).toEqual([state.id]);
    expect(ft.highlights.find((h: { id: string }) => h.id === untouched.id).tagIds).toEqual(['tag-theme-border']);
    expect(JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')).tags.some((t: { id: string }) => t.id === isis.id)).toBe(false);

    const undone = await service.undoMergeTag({ undo: merged.undo });
    expect(undone.highlightsChanged).toBe(2);
    expect((await stored(EFE)).highlights.find((h: { id: string }) => h.id === both.id).tagIds).toEqual([isis.id, 'tag-theme-terrorism', state.id]);
    expect((await stored(FT)).highlights.find((h: { id: string }) => h.id === onlyIsis.id).tagIds).toEqual([isis.id]);
    const { tags } = await (await service.searchIndex.whenLoaded(), service).listTags();
    expect(tags.find((t) => t.id === isis.id)?.name).toBe('ISIS');
    expect(tags.find((t) => t.id === state.id)?.aliases).toEqual(['IS']);
  });

  it('delete removes the tag from every highlight, which keeps its other tags; undo restores it in place, across a restart', async () => {
    const service = await open();
    const a = await highlightPhrase(service, EFE, 'Islamic State (IS)', ['tag-theme-terrorism', 'tag-theme-border']);
    const b = await highlightPhrase(service, FT, 'Taliban', ['tag-theme-drugs', 'tag-theme-terrorism']);
    const deleted = await service.deleteTag({ tagId: 'tag-theme-terrorism' });
    expect(deleted.highlightsChanged).toBe(2);
    expect(deleted.summary).toMatch(/Deleted "Terrorism"/);
    expect((await stored(EFE)).highlights.find((h: { id: string }) => h.id === a.id).tagIds).toEqual(['tag-theme-border']);
    expect((await stored(FT)).highlights.find((h: { id: string }) => h.id === b.id).tagIds).toEqual(['tag-theme-drugs']);
    expect((await (await service.searchIndex.whenLoaded(), service).listTags()).tags.some((t) => t.id === 'tag-theme-terrorism')).toBe(false);

    // The undo data crosses the IPC boundary: it must pass the contract's validation on the way back.
    const reopened = createDispatcher(await open());
    const result = await reopened('undoDeleteTag', JSON.parse(JSON.stringify({ undo: deleted.undo })));
    expect(result).toMatchObject({ ok: true });
    expect((await stored(EFE)).highlights.find((h: { id: string }) => h.id === a.id).tagIds).toEqual(['tag-theme-terrorism', 'tag-theme-border']);
    expect((await stored(FT)).highlights.find((h: { id: string }) => h.id === b.id).tagIds).toEqual(['tag-theme-drugs', 'tag-theme-terrorism']);
    // After a restart the counts come from the search index: wait for it (listTags answers within 1 s, pending if not loaded).
    const again = await open();
    await again.searchIndex.whenLoaded();
    const restored = await again.listTags();
    const terrorism = restored.tags.find((t) => t.id === 'tag-theme-terrorism');
    expect(terrorism).toMatchObject({ name: 'Terrorism', parentId: CATEGORY_TAG_IDS.themes });
    expect(restored.counts['tag-theme-terrorism']).toMatchObject({ highlights: 2, sources: 2 });
  });

  it('deleting a parent moves its children up; undo brings them back under it', async () => {
    const service = await open();
    const { tag: asia } = await service.createTag({ name: 'Central Asia', kind: 'place' });
    const { tag: taj } = await service.createTag({ name: 'Tajikistan', kind: 'place', parentId: asia.id });
    const deleted = await service.deleteTag({ tagId: asia.id });
    expect(deleted.tags.find((t) => t.id === taj.id)?.parentId).toBe(CATEGORY_TAG_IDS.places);
    const undone = await service.undoDeleteTag({ undo: deleted.undo });
    expect(undone.tags.find((t) => t.id === taj.id)?.parentId).toBe(asia.id);
  });

  it('moves a tag, refusing a cycle with a clear message', async () => {
    const service = await open();
    const { tag: asia } = await service.createTag({ name: 'Central Asia', kind: 'place' });
    const { tag: taj } = await service.createTag({ name: 'Tajikistan', kind: 'place' });
    expect((await service.moveTag({ tagId: taj.id, parentId: asia.id })).tag.parentId).toBe(asia.id);
    const dispatch = createDispatcher(service);
    expect(await dispatch('moveTag', { tagId: asia.id, parentId: taj.id })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: 'Cannot move "Central Asia" under "Tajikistan": "Tajikistan" is inside "Central Asia".' }),
    });
  });

  it('tags one highlight, and many at once, remembering recent tags', async () => {
    const service = await open();
    const h1 = await highlightPhrase(service, EFE, 'Islamic State (IS)');
    const h2 = await highlightPhrase(service, FT, 'Taliban');
    const one = await service.setHighlightTags({ sourceId: EFE, highlightId: h1.id, tagIds: ['tag-theme-terrorism', 'tag-theme-terrorism'] });
    expect(one.highlight.tagIds).toEqual(['tag-theme-terrorism']);
    expect(one.previousTagIds).toEqual([]);
    const bulk = await service.bulkTag({ highlights: [{ sourceId: EFE, highlightId: h1.id }, { sourceId: FT, highlightId: h2.id }], add: 'tag-theme-border' });
    expect(bulk.changed.map((c) => c.highlight.tagIds)).toEqual([['tag-theme-terrorism', 'tag-theme-border'], ['tag-theme-border']]);
    expect(bulk.summary).toBe('Added "Border" to 2 highlights.');
    const removed = await service.bulkTag({ highlights: [{ sourceId: EFE, highlightId: h1.id }, { sourceId: FT, highlightId: h2.id }], remove: 'tag-theme-terrorism' });
    expect(removed.changed).toHaveLength(1);
    expect((await stored(EFE)).highlights[0].tagIds).toEqual(['tag-theme-border']);
    expect((await service.getSettings()).recentTagIds.slice(0, 2)).toEqual(['tag-theme-border', 'tag-theme-terrorism']);
  });

  it('pins at most nine tags', async () => {
    const service = await open();
    const ids = (await (await service.searchIndex.whenLoaded(), service).listTags()).tags.map((t) => t.id);
    for (const id of ids.slice(0, 9)) await service.pinTag({ tagId: id, pinned: true });
    expect((await service.getSettings()).pinnedTagIds).toEqual(ids.slice(0, 9));
    const dispatch = createDispatcher(service);
    expect(await dispatch('pinTag', { tagId: ids[9], pinned: true })).toEqual({ ok: false, error: expect.objectContaining({ message: '9 tags are pinned already (keys 1–9): unpin one first.' }) });
    await service.pinTag({ tagId: ids[0], pinned: false });
    expect((await service.getSettings()).pinnedTagIds).toEqual(ids.slice(1, 9));
  });
});

describe('retrieval through the service', () => {
  it('returns coded passages with context, source title and date; a bad query is a readable error', async () => {
    const service = await open();
    const { tag: taliban } = await service.createTag({ name: 'Taliban', kind: 'group', aliases: ['Taleban'] });
    await highlightPhrase(service, EFE, 'Taliban', [taliban.id, 'tag-theme-terrorism']);
    await highlightPhrase(service, FT, 'Taliban', [taliban.id]);
    const r = await service.retrieve({ query: 'Taleban AND NOT Drugs' });
    expect(r.counts).toMatchObject({ segments: 2, sources: 2 });
    // Oldest first: the FT piece of 23 August, then EFE of 15 October.
    expect(r.segments.map((s) => [s.sourceId, s.date])).toEqual([[FT, '2021-08-23'], [EFE, '2021-10-15']]);
    expect(r.segments[0]).toMatchObject({ quote: 'Taliban', sourceTitle: 'Russia and ex-Soviet allies pledge to keep Afghan crisis from destabilising Central Asia' });
    expect(r.segments[0].before.length + r.segments[0].after.length).toBeGreaterThan(40);
    expect(r.segments.find((s) => s.sourceId === EFE)?.otherTags.map((t) => t.name)).toEqual(['Terrorism']);
    expect((await service.retrieve({ query: 'Taliban', filters: { from: '2021-09-01' } })).counts.segments).toBe(1);
    expect((await service.retrieve({ query: 'Taliban', filters: { sourceIds: [FT] } })).segments.map((s) => s.sourceId)).toEqual([FT]);
    const dispatch = createDispatcher(service);
    expect(await dispatch('retrieve', { query: 'Talibn OR' })).toEqual({ ok: false, error: expect.objectContaining({ message: 'Unknown tag "Talibn" (did you mean "Taliban"?) at column 1.' }) });
    expect(await dispatch('retrieve', { query: 'Taliban', filters: { from: '23/08/2021' } })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('yyyy-mm-dd') }) });
  });
});

describe('entity suggestions through the service', () => {
  it('suggests the seed entities, accepts one (creating its tag) and remembers rejections per source', async () => {
    const service = await open();
    const first = await service.suggestEntities({ sourceId: EFE });
    const names = first.groups.map((g) => g.proposedName);
    expect(names).toEqual(expect.arrayContaining(['Vladimir Putin', 'Emomali Rahmon', 'Taliban', 'Tajikistan']));
    const rahmon = first.groups.find((g) => g.proposedName === 'Emomali Rahmon')!;
    expect(rahmon.kind).toBe('person');

    // Accept every mention of Rahmon: a new person tag under People, and one highlight per mention.
    const accepted = await service.acceptSuggestions({ sourceId: EFE, suggestions: rahmon.mentions });
    expect(accepted.createdTags).toEqual([expect.objectContaining({ name: 'Emomali Rahmon', kind: 'person', parentId: CATEGORY_TAG_IDS.people })]);
    expect(accepted.created).toHaveLength(rahmon.mentions.length);
    const tagId = accepted.createdTags[0].id;
    expect((await stored(EFE)).highlights.every((h: { tagIds: string[] }) => h.tagIds.includes(tagId))).toBe(true);
    const after = await service.suggestEntities({ sourceId: EFE });
    expect(after.groups.some((g) => g.proposedName === 'Emomali Rahmon')).toBe(false);

    // Reject one mention of Putin, and the Taliban as a whole, in this source only.
    const putin = after.groups.find((g) => g.proposedName === 'Vladimir Putin')!;
    const taliban = after.groups.find((g) => g.proposedName === 'Taliban')!;
    await service.rejectSuggestion({ sourceId: EFE, key: putin.mentions[0].key });
    await service.rejectSuggestion({ sourceId: EFE, entityKey: taliban.entityKey });
    const reopened = await open();
    const again = await reopened.suggestEntities({ sourceId: EFE });
    expect(again.groups.find((g) => g.proposedName === 'Vladimir Putin')?.mentions.map((m) => m.key)).toEqual(putin.mentions.slice(1).map((m) => m.key));
    expect(again.groups.some((g) => g.proposedName === 'Taliban')).toBe(false);
    expect(again.rejected).toEqual({ keys: 1, entities: 1 });
    expect((await stored(EFE)).rejectedSuggestions).toEqual({ keys: [putin.mentions[0].key], entityKeys: [taliban.entityKey] });
    // Another source still gets them.
    expect((await reopened.suggestEntities({ sourceId: FT })).groups.some((g) => g.proposedName === 'Taliban')).toBe(true);
    // Un-reject (undo).
    await reopened.unrejectSuggestion({ sourceId: EFE, entityKey: taliban.entityKey });
    expect((await reopened.suggestEntities({ sourceId: EFE })).groups.some((g) => g.proposedName === 'Taliban')).toBe(true);
  });

  it('a source file written before rejections existed reads as having none', async () => {
    const service = await open();
    const file = await stored(EFE);
    expect(file.rejectedSuggestions).toBeUndefined();
    expect((await service.suggestEntities({ sourceId: EFE })).rejected).toEqual({ keys: 0, entities: 0 });
  });

  it('"tag all mentions" finds a tag\'s name and aliases across sources, and tags the reviewed ones', async () => {
    const service = await open();
    const { tag } = await service.createTag({ name: 'Islamic State', kind: 'group', aliases: ['IS', 'ISIS'] });
    const found = await service.findMentions({ tagId: tag.id });
    expect(found.mentions.length).toBeGreaterThan(1);
    expect(new Set(found.mentions.map((m) => m.sourceId)).size).toBeGreaterThan(1);
    for (const m of found.mentions) expect(['Islamic State', 'IS', 'ISIS']).toContain(m.text);
    const efeMention = found.mentions.find((m) => m.sourceId === EFE)!;
    expect(efeMention.before.length + efeMention.after.length).toBeGreaterThan(0);
    const result = await service.tagPassages({ tagId: tag.id, passages: found.mentions.map(({ sourceId, start, end }) => ({ sourceId, start, end })) });
    expect(result.created).toHaveLength(found.mentions.length);
    expect((await service.findMentions({ tagId: tag.id })).mentions).toEqual([]);
    expect((await (await service.searchIndex.whenLoaded(), service).listTags()).counts[tag.id].highlights).toBe(found.mentions.length);
  });
});

describe('bad input', () => {
  it('is rejected with a message and changes nothing', async () => {
    const service = await open();
    const h = await highlightPhrase(service, EFE, 'Taliban');
    const dispatch = createDispatcher(service);
    const before = await snapshot();
    const cases: Array<[string, unknown, RegExp]> = [
      ['createTag', { name: '' }, /Invalid input for createTag: a tag name cannot be empty \(at name\)/],
      ['createTag', { name: 'x'.repeat(201) }, /at most 200 characters/],
      ['createTag', { name: 'Red', color: 'red' }, /#rrggbb/],
      ['createTag', { name: 'Bob', kind: 'pet' }, /at kind/],
      ['createTag', { name: '   ' }, /A tag name cannot be empty\./],
      ['createTag', { name: 'Drugs', parentId: CATEGORY_TAG_IDS.themes }, /A tag named "Drugs" already exists under Themes\./],
      ['createTag', { name: 'Kabul', parentId: 'tag-nope' }, /No parent tag with id "tag-nope"/],
      ['updateTag', { tagId: 'tag-theme-drugs', name: 'Border' }, /A tag named "Border" already exists under Themes\./],
      ['mergeTags', { fromId: 'tag-theme-drugs', intoId: 'tag-theme-drugs' }, /Cannot merge "Drugs" into itself\./],
      ['deleteTag', { tagId: 'tag-nope' }, /No tag with id "tag-nope"/],
      ['setHighlightTags', { sourceId: EFE, highlightId: h.id, tagIds: ['tag-nope'] }, /No tag with id "tag-nope" in the codebook/],
      ['bulkTag', { highlights: [{ sourceId: EFE, highlightId: h.id }, { sourceId: EFE, highlightId: 'h-gone' }], add: 'tag-theme-drugs' }, /No highlight with id "h-gone".*Nothing was changed/],
      ['bulkTag', { highlights: [{ sourceId: EFE, highlightId: h.id }], add: 'tag-theme-drugs', remove: 'tag-theme-border' }, /either a tag to add or a tag to remove/],
      ['tagPassages', { tagId: 'tag-theme-drugs', passages: [{ sourceId: EFE, start: 10, end: 99_999_999 }] }, /Invalid input/],
      ['tagPassages', { tagId: 'tag-theme-drugs', passages: [{ sourceId: EFE, start: 10, end: 20 }, { sourceId: EFE, start: 10, end: 9_000_000 }] }, /is not in this source's text.*Nothing was changed/],
      ['acceptSuggestions', { sourceId: EFE, suggestions: [{ start: 0, end: 5, text: 'Putin', kind: 'person', proposedName: 'Vladimir Putin' }] }, /no longer at that place/],
      ['rejectSuggestion', { sourceId: EFE, key: 'a', entityKey: 'b' }, /Invalid input for rejectSuggestion/],
      ['undoDeleteTag', { undo: { tag: { id: 'x' } } }, /Invalid input for undoDeleteTag/],
      ['retrieve', { query: '(Drugs' }, /Missing "\)"/],
    ];
    for (const [channel, input, message] of cases) {
      const result = await dispatch(channel, input);
      expect(result, channel).toMatchObject({ ok: false });
      expect((result as { error: { message: string } }).error.message, channel).toMatch(message);
    }
    const after = await snapshot();
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([]);
  });
});
