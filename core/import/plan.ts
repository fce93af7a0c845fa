/**
 * Import planning (issue 14: pure, in core): what an import adds to the notebook, worked out without writing
 * anything. The backend supplies what core cannot make itself: the notebook's state, and random ids.
 */
import { anchor, describeRange } from '../anchoring';
import { sourceIri } from '../export/w3c';
import type { ImportedNotebook } from './index';
import { detectFurniture } from '../furniture';
import { EMPTY_DOC, SCHEMA_VERSION, type Highlight, type NoteDoc, type ProjectIdentity, type SourceCollection, type SourceFile, type SourceMeta, type Tag, type TagGroup } from '../model';
import { normaliseUrl } from '../exchange/url';
import { mergeCodebook } from '../tags/codebook-merge';
import { readingOrder } from '../lanes';
import { appendNote, forEachCitation, isEmptyNote } from '../notes/note-utils';
import { documentMeta } from '../documents/originals';

/** The content hash (SHA-256, hex) of an empty text: placeholder sources have it, and they match no document. */
export const EMPTY_TEXT_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** 12 random hex digits, fresh on each call (the backend's comes from node:crypto). */
export type RandomHex = () => string;

/** What the notebook has now, as the plan needs it. */
export interface NotebookState {
  sources: readonly SourceMeta[];
  tags: readonly Tag[];
  projectNote: NoteDoc;
  /** A source file of the notebook (only read for sources the import adds highlights to). */
  file(id: string): Promise<SourceFile>;
  /** Every highlight id in the notebook. */
  highlightIds: ReadonlySet<string>;
  /** Where new ids come from. */
  randomHex: RandomHex;
  collections?: readonly SourceCollection[];
  tagGroups?: readonly TagGroup[];
  project?: ProjectIdentity;
}

/** Changes to a source the notebook already has. */
export interface SourceMerge {
  highlights: Highlight[];
  notes: Array<{ note: NoteDoc; from: string }>;
}

export interface ImportPlan {
  /** `original`: the imported file's bytes, to keep at meta.original (PDFs, web pages, Word files). */
  newSources: Array<{ meta: SourceMeta; file: SourceFile; original?: Uint8Array }>;
  newTags: Tag[];
  /** Collections to add or update (by kind and name), from the files' Sets and Cases. */
  collections: Map<string, SourceCollection>;
  /** Tag groups to add or update (by GUID, else by name), from the files' Sets of codes. */
  tagGroups: Map<string, TagGroup>;
  /** The QDA project's identity after this import, or null when no file had one. */
  project: ProjectIdentity | null;
  /** Notebook tags a codebook renamed or moved (same GUID, another name or parent). */
  renamedTags: Map<string, { name: string; parentId: string | null }>;
  merges: Map<string, SourceMerge>;
  projectNote: NoteDoc | null;
  counts: {
    sourcesSkipped: number;
    highlightsAdded: number;
    orphans: number;
    highlightsAlreadyThere: number;
    tagsMatched: number;
  };
  firstSourceId: string | null;
  touchedSourceIds: string[];
  warnings: string[];
}

// Ids from a file name files on disk (sources/<id>.json) and travel in notes: anything unusual is replaced.
const SAFE_SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const SAFE_TAG_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const SAFE_HIGHLIGHT_ID = /^h-[0-9a-z-]{4,64}$/i;

function uniqueId(wanted: string, safe: RegExp, used: Set<string>, prefix: string, randomHex: RandomHex): string {
  let id = safe.test(wanted) && !used.has(wanted) ? wanted : '';
  while (!id || used.has(id)) id = `${prefix}-${randomHex()}`;
  used.add(id);
  return id;
}


/**
 * Work out what an import adds, without writing anything: sources (re-keyed when their id is taken; duplicates
 * either skipped, their highlights going to the notebook's copy, or added again), tags (a tag with the same name
 * under the same parent is the notebook's own; others are added, re-keyed on collision), and highlights anchored
 * in their text with core/anchoring. A highlight that cannot be anchored, or whose document is not in the file
 * and not in the notebook, is kept as an orphan (a placeholder source holds those without a document).
 */
export async function planImport(notebooks: readonly ImportedNotebook[], state: NotebookState, skipDuplicates: boolean, now: string): Promise<ImportPlan> {
  const usedSourceIds = new Set(state.sources.map((s) => s.id));
  const usedTagIds = new Set(state.tags.map((t) => t.id));
  const usedHighlightIds = new Set(state.highlightIds);
  // The codebook as the import goes: the notebook's tags, then each file's new ones (and renames).
  const tags = new Map(state.tags.map((t) => [t.id, t]));
  const sourceByHash = new Map<string, string>();
  for (const s of state.sources) if (s.contentHash && s.contentHash !== EMPTY_TEXT_HASH && !sourceByHash.has(s.contentHash)) sourceByHash.set(s.contentHash, s.id);

  const plan: ImportPlan = {
    newSources: [],
    newTags: [],
    collections: new Map(),
    tagGroups: new Map(),
    project: null,
    renamedTags: new Map(),
    merges: new Map(),
    projectNote: null,
    counts: { sourcesSkipped: 0, highlightsAdded: 0, orphans: 0, highlightsAlreadyThere: 0, tagsMatched: 0 },
    firstSourceId: null,
    touchedSourceIds: [],
    warnings: [],
  };
  const newById = new Map<string, { meta: SourceMeta; file: SourceFile; original?: Uint8Array }>();
  const touched = new Set<string>();
  const touch = (id: string): void => {
    if (!touched.has(id)) {
      touched.add(id);
      plan.touchedSourceIds.push(id);
    }
  };
  const mergeOf = (id: string): SourceMerge => {
    let m = plan.merges.get(id);
    if (!m) plan.merges.set(id, (m = { highlights: [], notes: [] }));
    return m;
  };
  /** Existing highlights of a notebook source, by passage and tags, to avoid adding one twice. */
  const existingKeys = new Map<string, Map<string, string>>();
  const highlightKey = (h: Pick<Highlight, 'start' | 'end' | 'tagIds' | 'orphan' | 'quote'>): string =>
    h.orphan ? `orphan|${h.quote.exact}|${[...h.tagIds].sort().join(',')}` : `${h.start}|${h.end}|${[...h.tagIds].sort().join(',')}`;
  const keysOf = async (sourceId: string): Promise<Map<string, string>> => {
    let keys = existingKeys.get(sourceId);
    if (!keys) {
      keys = new Map((await state.file(sourceId)).highlights.map((h) => [highlightKey(h), h.id]));
      existingKeys.set(sourceId, keys);
    }
    return keys;
  };
  let projectNote = state.projectNote;
  let projectChanged = false;

  for (const n of notebooks) {
    // Tags, parents first: by GUID, then by path (core/tags/codebook-merge.ts, as the preview showed).
    const merged = mergeCodebook([...tags.values()], n.tags, (wanted) => uniqueId(wanted, SAFE_TAG_ID, usedTagIds, 't', state.randomHex));
    const tagMap = merged.tagMap;
    plan.counts.tagsMatched += merged.diff.matched;
    plan.newTags.push(...merged.newTags);
    for (const t of merged.newTags) tags.set(t.id, t);
    for (const r of merged.renames) {
      const t = tags.get(r.id);
      if (t) tags.set(r.id, { ...t, name: r.name, parentId: r.parentId });
      plan.renamedTags.set(r.id, { name: r.name, parentId: r.parentId });
    }
    if (merged.diff.renamed.length) plan.warnings.push(`${n.fileName}: ${merged.diff.renamed.length} tag(s) renamed as the file names them: ${merged.diff.renamed.map((x) => `“${x.from}” → “${x.to}”`).join(', ')}.`);
    if (merged.diff.conflicts.length) plan.warnings.push(`${n.fileName}: ${merged.diff.conflicts.length} tag(s) differ from the notebook's: ${merged.diff.conflicts.map((x) => `“${x.path}” (${x.why})`).join(', ')}.`);

    // Sources: new ones, or the notebook's copy of a duplicate.
    const target = new Map<string, { id: string; text: string; isNew: boolean }>();
    for (const s of n.sources) {
      const duplicateOf = s.text ? sourceByHash.get(s.contentHash) : undefined;
      if (duplicateOf && skipDuplicates) {
        const existing = newById.get(duplicateOf);
        target.set(s.id, { id: duplicateOf, text: existing ? existing.file.text : (await state.file(duplicateOf)).text, isNew: Boolean(existing) });
        plan.counts.sourcesSkipped++;
        if (s.note && !isEmptyNote(s.note)) {
          if (existing) existing.file.note = appendNote(existing.file.note, s.note, n.fileName);
          else mergeOf(duplicateOf).notes.push({ note: s.note, from: n.fileName });
        }
        touch(duplicateOf);
        continue;
      }
      const id = uniqueId(s.id, SAFE_SOURCE_ID, usedSourceIds, 'src', state.randomHex);
      const meta: SourceMeta = {
        id,
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        originalFile: s.originalFile,
        contentHash: s.contentHash,
        addedAt: s.addedAt ?? now,
        furniture: s.furniture ?? detectFurniture(s.text),
        ...documentMeta(s, id),
        ...(s.guid ? { guid: s.guid } : {}),
        ...(s.creatingUser ? { creatingUser: s.creatingUser } : {}),
        ...(s.variables && Object.keys(s.variables).length ? { variables: s.variables } : {}),
      };
      const entry = {
        meta,
        file: { schemaVersion: SCHEMA_VERSION, id, text: s.text, highlights: [], note: s.note ?? EMPTY_DOC },
        original: meta.original ? s.document?.original?.bytes : undefined,
      };
      plan.newSources.push(entry);
      newById.set(id, entry);
      if (!sourceByHash.has(s.contentHash)) sourceByHash.set(s.contentHash, id);
      target.set(s.id, { id, text: s.text, isNew: true });
      touch(id);
    }

    let placeholders = 0;
    // Documents the file annotates without including them (another tool's W3C export): a source the notebook has
    // (or this import brings) for that address (normalised URL, our IRI, the file name), else the one source whose
    // text holds the annotations' quotes, else a placeholder that keeps the highlights as orphans.
    for (const iri of n.missingSources) {
      const match = await matchDocument(iri, n.highlights.filter((h) => h.sourceRef === iri), state, plan.newSources);
      if (match) {
        const entry = newById.get(match.id);
        target.set(iri, { id: match.id, text: entry ? entry.file.text : (await state.file(match.id)).text, isNew: Boolean(entry) });
        touch(match.id);
        if (match.by === 'quote') plan.warnings.push(`${n.fileName}: the annotations on ${iri} were matched to “${match.title}” by their quotes.`);
        continue;
      }
      const id = uniqueId('', SAFE_SOURCE_ID, usedSourceIds, 'src', state.randomHex);
      const meta: SourceMeta = { id, title: `Not included: ${iri}`, publisher: '', date: '', originalFile: iri, contentHash: EMPTY_TEXT_HASH, addedAt: now, furniture: [] };
      const entry = { meta, file: { schemaVersion: SCHEMA_VERSION, id, text: '', highlights: [], note: EMPTY_DOC } };
      plan.newSources.push(entry);
      newById.set(id, entry);
      target.set(iri, { id, text: '', isNew: true });
      touch(id);
      placeholders++;
    }
    if (placeholders > 0) {
      plan.warnings.push(
        `${n.fileName}: ${placeholders === 1 ? 'a document' : `${placeholders} documents`} the file annotates ${placeholders === 1 ? 'is' : 'are'} not in it; ` +
          `${placeholders === 1 ? 'its' : 'their'} highlights are kept as orphans in sources named “Not included: …”. Re-import the text there to anchor them.`,
      );
    }

    // Highlights, anchored in their source's text. Our own W3C export (it carries the sources' furniture) leaves the
    // position out only for orphans, which it was already impossible to anchor in this very text: they stay orphans
    // without a fuzzy search (a second or so for thousands of them).
    const ownExport = n.format === 'w3c' && n.sources.length > 0 && n.sources.every((s) => s.furniture !== null);
    const idMap = new Map<string, { id: string; sourceId: string; quote: string }>();
    const added: Highlight[] = [];
    for (const h of n.highlights) {
      const t = target.get(h.sourceRef);
      if (!t) continue;
      const tagIds = [...new Set(h.tagIds.map((id) => tagMap.get(id)).filter((id): id is string => Boolean(id)))];
      const knownOrphan = ownExport && h.start === h.end;
      const found = h.unanchorable || knownOrphan || !t.text ? null : anchor(t.text, h);
      let placed: Pick<Highlight, 'start' | 'end' | 'quote' | 'orphan'>;
      if (found) {
        const d = describeRange(t.text, found.start, found.end);
        placed = { start: d.start, end: d.end, quote: d.quote, orphan: false };
      } else {
        const start = Math.min(h.start, t.text.length);
        placed = { start, end: Math.min(Math.max(h.end, start), t.text.length), quote: h.quote, orphan: true };
      }
      if (!placed.quote.exact) placed.quote = { ...placed.quote, exact: '(no quote in the file)' };
      if (!t.isNew) {
        const keys = await keysOf(t.id);
        const already = keys.get(highlightKey({ ...placed, tagIds }));
        if (already) {
          idMap.set(h.id, { id: already, sourceId: t.id, quote: placed.quote.exact });
          plan.counts.highlightsAlreadyThere++;
          continue;
        }
      }
      const codingGuids: Record<string, string> = {};
      for (const [tagId, guid] of Object.entries(h.codingGuids ?? {})) {
        const mapped = tagMap.get(tagId);
        if (mapped) codingGuids[mapped] = guid;
      }
      const highlight: Highlight = {
        id: uniqueId(h.id, SAFE_HIGHLIGHT_ID, usedHighlightIds, 'h', state.randomHex),
        sourceId: t.id,
        ...placed,
        tagIds,
        note: h.note,
        createdAt: h.createdAt,
        modifiedAt: h.modifiedAt,
        ...(h.guid ? { guid: h.guid } : {}),
        ...(h.creatingUser ? { creatingUser: h.creatingUser } : {}),
        ...(Object.keys(codingGuids).length ? { codingGuids } : {}),
        ...(h.creator ? { creator: h.creator } : {}),
        ...(h.lastEditor ? { lastEditor: h.lastEditor } : {}),
      };
      idMap.set(h.id, { id: highlight.id, sourceId: t.id, quote: highlight.quote.exact });
      added.push(highlight);
      if (t.isNew) newById.get(t.id)!.file.highlights.push(highlight);
      else mergeOf(t.id).highlights.push(highlight);
      plan.counts.highlightsAdded++;
      if (highlight.orphan) plan.counts.orphans++;
    }

    // Citations in this file's notes follow their highlights to their new ids.
    const follow = (doc: NoteDoc | null): void =>
      forEachCitation(doc, (attrs) => {
        const to = attrs.highlightId ? idMap.get(attrs.highlightId) : undefined;
        if (!to) return;
        attrs.highlightId = to.id;
        attrs.sourceId = to.sourceId;
        attrs.quote = to.quote;
      });
    for (const h of added) follow(h.note);
    for (const s of n.sources) follow(s.note);
    follow(n.projectNote);

    if (n.projectNote && !isEmptyNote(n.projectNote)) {
      const next = appendNote(projectNote, n.projectNote, n.fileName);
      if (next !== projectNote) {
        projectNote = next;
        projectChanged = true;
      }
    }
    // Sets and Cases: a collection of the same name gets the new members; others are added.
    for (const c of n.collections ?? []) {
      const members = [...new Set(c.sourceRefs.map((r) => target.get(r)?.id).filter((x): x is string => Boolean(x)))];
      const key = `${c.kind}\u0000${c.name.toLocaleLowerCase()}`;
      const known = plan.collections.get(key) ?? state.collections?.find((x) => (x.kind ?? 'set') === c.kind && x.name.toLocaleLowerCase() === c.name.toLocaleLowerCase());
      const merged: SourceCollection = known
        ? { ...known, sourceIds: [...new Set([...known.sourceIds, ...members])], ...(c.variables ? { variables: { ...known.variables, ...c.variables } } : {}) }
        : {
            id: `col-${state.randomHex()}`,
            name: c.name,
            sourceIds: members,
            ...(c.kind === 'case' ? { kind: 'case' as const } : {}),
            ...(c.description ? { description: c.description } : {}),
            ...(c.variables ? { variables: c.variables } : {}),
            ...(c.guid ? { guid: c.guid } : {}),
          };
      plan.collections.set(key, merged);
    }
    // Sets of codes: a group with the same GUID (else name) gets the new members; others are added.
    for (const g of n.tagGroups ?? []) {
      const members = [...new Set(g.tagRefs.map((r) => tagMap.get(r)).filter((x): x is string => Boolean(x)))];
      const same = (x: TagGroup): boolean => (g.guid && x.guid ? x.guid === g.guid : x.name.toLocaleLowerCase() === g.name.toLocaleLowerCase());
      const known = [...plan.tagGroups.values()].find(same) ?? state.tagGroups?.find(same);
      const merged: TagGroup = known
        ? { ...known, tagIds: [...new Set([...known.tagIds, ...members])], ...(!known.guid && g.guid ? { guid: g.guid } : {}) }
        : {
            id: `tgr-${state.randomHex()}`,
            name: g.name,
            tagIds: members,
            ...(g.description ? { description: g.description } : {}),
            ...(g.guid ? { guid: g.guid } : {}),
          };
      plan.tagGroups.set(merged.id, merged);
    }
    if (n.project && Object.keys(n.project).length) plan.project = mergeProject(plan.project ?? state.project, n.project);
    if (n.offsetUnit) plan.warnings.push(`${n.fileName}: ${n.offsetUnit}`);
    plan.warnings.push(...n.warnings.map((w) => `${n.fileName}: ${w}`));
  }
  // The summary counts what is stored: every highlight added as an orphan, wherever it went.
  plan.counts.orphans = 0;
  for (const { file } of plan.newSources) for (const h of file.highlights) if (h.orphan) plan.counts.orphans++;
  for (const m of plan.merges.values()) for (const h of m.highlights) if (h.orphan) plan.counts.orphans++;

  for (const { file } of plan.newSources) file.highlights.sort(readingOrder);
  plan.projectNote = projectChanged ? projectNote : null;
  plan.firstSourceId = plan.newSources[0]?.meta.id ?? plan.touchedSourceIds[0] ?? null;
  return plan;
}

/** The project identity after another file's: users and variables joined by GUID or name, the first name kept. */
function mergeProject(current: ProjectIdentity | null | undefined, next: ProjectIdentity): ProjectIdentity {
  if (!current) return next;
  const users = [...(current.users ?? [])];
  for (const u of next.users ?? []) if (!users.some((x) => x.guid === u.guid)) users.push(u);
  const variables = [...(current.variables ?? [])];
  for (const v of next.variables ?? []) if (!variables.some((x) => x.name === v.name)) variables.push(v);
  return { ...next, ...current, ...(users.length ? { users } : {}), ...(variables.length ? { variables } : {}) };
}

/**
 * The source a W3C target IRI names: by our IRI, the file name or the normalised URL (the notebook's sources, then
 * this import's), else the one source whose text holds most of the annotations' quotes (at least one).
 */
export async function matchDocument(
  iri: string,
  highlights: ImportedNotebook['highlights'],
  state: NotebookState,
  newSources: ImportPlan['newSources'],
): Promise<{ id: string; title: string; by: 'address' | 'quote' } | null> {
  const url = normaliseUrl(iri);
  const every = [...state.sources, ...newSources.map((s) => s.meta)];
  const all = every.filter((m) => m.contentHash !== EMPTY_TEXT_HASH);
  const named = (m: SourceMeta): boolean => m.originalFile === iri || sourceIri(m.id) === iri || (url !== '' && m.url !== undefined && normaliseUrl(m.url) === url);
  // A source with text first; else the placeholder an earlier import of this address made.
  const byAddress = all.find(named) ?? every.find(named);
  if (byAddress) return { id: byAddress.id, title: byAddress.title, by: 'address' };
  const quotes = highlights.map((h) => h.quote.exact).filter((q) => q.trim().length >= 8);
  if (quotes.length === 0) return null;
  let best: { id: string; title: string; hits: number } | null = null;
  for (const m of all) {
    const fresh = newSources.find((s) => s.meta.id === m.id);
    const text = fresh ? fresh.file.text : (await state.file(m.id)).text;
    let hits = 0;
    for (const q of quotes) if (text.includes(q)) hits++;
    if (hits > 0 && (!best || hits > best.hits)) best = { id: m.id, title: m.title, hits };
  }
  return best ? { id: best.id, title: best.title, by: 'quote' } : null;
}
