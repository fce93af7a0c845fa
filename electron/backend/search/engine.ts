/**
 * The notebook's full-text index: MiniSearch over source titles, source paragraphs, highlight quotes and notes,
 * plus the per-source state that facets and the analysis need (paragraph offsets, each highlight's range and tags).
 *
 * Updates are diffs: `applySource` compares a source's current content with what was indexed and re-indexes only
 * the documents that changed (a new highlight adds one quote; a tag change re-indexes nothing, since tags are facets
 * read from the state at query time). No I/O here: persistence is in persist.ts, wiring to the store in
 * notebook-search.ts.
 */
import { createHash } from 'node:crypto';
import type { Highlight, NoteDoc, SourceMeta, Tag } from '../../../core/model';
import { splitParagraphs } from '../../../core/text';
import { noteToPlainText } from '../../../core/notes/markdown';
import { indexTerm, tokenize } from '../../../core/search/text';
import { isEmptyQuery, parseQuery, toClauses, type ParsedQuery } from '../../../core/search/query';
import { FIELD, TextIndex, type TextIndexData } from '../../../core/search/text-index';
import { compileFacets, facetMask, FacetCounter, type CompiledFacets, type FacetDoc } from '../../../core/search/facets';
import { makeSnippet } from '../../../core/search/snippet';
import { HIT_KINDS, type HitKind, type HitPlace, type SearchFacets, type SearchHit, type SearchResponse } from '../../../core/search/types';
import type { AnalysisSource } from '../../../core/analysis/types';
import { tagInfos } from '../../../core/search/tag-info';

/** Bump when what is indexed, or how, changes: a persisted index of another version is rebuilt. */
export const INDEX_VERSION = 1;

export interface SourceInput {
  meta: Pick<SourceMeta, 'id' | 'title' | 'publisher' | 'date'>;
  text: string;
  highlights: readonly Highlight[];
  note: NoteDoc | null;
}

interface HighlightState {
  start: number;
  end: number;
  tagIds: string[];
  orphan: boolean;
  quote: string;
  /** Hash of the note's JSON ('' for none) and its plain text. */
  noteKey: string;
  noteText: string;
}

interface SourceState {
  /** Short number used in document ids. */
  n: number;
  id: string;
  title: string;
  publisher: string;
  date: string;
  textKey: string;
  /** Paragraph offsets, flat: [start0, end0, start1, end1, …]. */
  paragraphs: number[];
  highlights: Map<string, HighlightState>;
  noteKey: string;
  noteText: string;
  /** Opaque fingerprint of the file this state came from (set by the persistence layer). */
  fileKey: string;
  // Derived, rebuilt by derive(); not persisted.
  /** The text last indexed (the store's own string, so no copy): an unchanged text is known without hashing. */
  lastText?: string;
  paraTags: string[][];
  paraNote: boolean[];
  allTags: string[];
}

/** The last highlight objects seen per source: an unchanged object (same reference) needs no comparison. */
type SeenObjects = WeakSet<object>;

const NONE: string[] = [];

export interface EngineStats {
  sources: number;
  documents: number;
  terms: number;
}

export interface SearchRequest {
  query: string;
  facets?: SearchFacets;
  limit?: number;
}

/** Gives a source's text, for snippets and phrase checks of paragraphs (the index does not keep texts). */
export type TextSource = (sourceId: string) => string | undefined | Promise<string | undefined>;

export class SearchEngine {
  private index: TextIndex;
  private readonly byId = new Map<string, SourceState>();
  private readonly byN = new Map<number, SourceState>();
  private nextN = 1;
  private project = { noteKey: '', noteText: '' };
  private readonly seen: SeenObjects = new WeakSet();

  constructor(index?: TextIndex) {
    this.index = index ?? new TextIndex(INDEX_OPTIONS);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Updates

  /** Index a source, or bring its indexed documents up to date with its current content. */
  applySource(input: SourceInput, fileKey = ''): void {
    const { meta } = input;
    let st = this.byId.get(meta.id);
    if (!st) {
      st = newState(this.nextN++, meta.id);
      this.byId.set(st.id, st);
      this.byN.set(st.n, st);
    }
    st.fileKey = fileKey || st.fileKey;
    if (st.title !== meta.title) {
      this.put(`t:${st.n}`, meta.title, FIELD.title);
      st.title = meta.title;
    }
    st.publisher = meta.publisher;
    st.date = meta.date;

    const textKey = input.text === st.lastText ? st.textKey : hash(input.text);
    st.lastText = input.text;
    if (textKey !== st.textKey) {
      for (let i = 0; i < st.paragraphs.length / 2; i++) this.index.discard(`p:${st.n}:${i}`);
      const paragraphs: number[] = [];
      splitParagraphs(input.text).forEach((p, i) => {
        paragraphs.push(p.start, p.end);
        this.index.add(`p:${st.n}:${i}`, input.text.slice(p.start, p.end));
      });
      st.paragraphs = paragraphs;
      st.textKey = textKey;
    }

    const current = new Set<string>();
    for (const h of input.highlights) {
      current.add(h.id);
      const old = st.highlights.get(h.id);
      if (old && this.seen.has(h)) continue;
      this.seen.add(h);
      const noteKey = h.note ? hash(JSON.stringify(h.note)) : '';
      const next: HighlightState = {
        start: h.start,
        end: h.end,
        tagIds: h.tagIds.length ? [...h.tagIds] : NONE,
        orphan: h.orphan,
        quote: h.quote.exact,
        noteKey,
        noteText: old && old.noteKey === noteKey ? old.noteText : noteKey ? noteText(h.note) : '',
      };
      if (!old || old.quote !== next.quote) this.put(`q:${st.n}:${h.id}`, next.quote);
      if (!old || old.noteKey !== next.noteKey) this.put(`hn:${st.n}:${h.id}`, next.noteText);
      st.highlights.set(h.id, next);
    }
    for (const [id, old] of st.highlights) {
      if (current.has(id)) continue;
      this.index.discard(`q:${st.n}:${id}`);
      this.index.discard(`hn:${st.n}:${id}`);
      st.highlights.delete(id);
    }

    const noteKey = input.note ? hash(JSON.stringify(input.note)) : '';
    if (noteKey !== st.noteKey) {
      const text = noteKey ? noteText(input.note) : '';
      this.put(`sn:${st.n}`, text);
      st.noteKey = noteKey;
      st.noteText = text;
    }
    derive(st);
  }

  /** Update only a source's catalog fields (title, publisher, date): no file needs reading. */
  applyMeta(meta: Pick<SourceMeta, 'id' | 'title' | 'publisher' | 'date'>): boolean {
    const st = this.byId.get(meta.id);
    if (!st) return false;
    if (st.title !== meta.title) {
      this.put(`t:${st.n}`, meta.title, FIELD.title);
      st.title = meta.title;
    }
    st.publisher = meta.publisher;
    st.date = meta.date;
    return true;
  }

  removeSource(id: string): void {
    const st = this.byId.get(id);
    if (!st) return;
    const ids = [`t:${st.n}`, `sn:${st.n}`];
    for (let i = 0; i < st.paragraphs.length / 2; i++) ids.push(`p:${st.n}:${i}`);
    for (const hid of st.highlights.keys()) ids.push(`q:${st.n}:${hid}`, `hn:${st.n}:${hid}`);
    for (const id of ids) this.index.discard(id);
    this.byId.delete(id);
    this.byN.delete(st.n);
  }

  applyProjectNote(note: NoteDoc | null): void {
    const noteKey = note ? hash(JSON.stringify(note)) : '';
    if (noteKey === this.project.noteKey) return;
    const text = noteKey ? noteText(note) : '';
    this.put('pn', text);
    this.project = { noteKey, noteText: text };
  }

  sourceIds(): string[] {
    return [...this.byId.keys()];
  }

  fileKeyOf(id: string): string | undefined {
    return this.byId.get(id)?.fileKey;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  stats(): EngineStats {
    return { sources: this.byId.size, documents: this.index.documentCount, terms: this.index.termCount };
  }

  /** Add or replace a document; an empty text removes it. */
  private put(key: string, text: string, field: (typeof FIELD)[keyof typeof FIELD] = FIELD.text): void {
    this.index.discard(key);
    if (text) this.index.add(key, text, field);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Queries

  async search(request: SearchRequest, tags: readonly Tag[], textOf: TextSource): Promise<Omit<SearchResponse, 'ready'>> {
    const started = performance.now();
    const limit = request.limit ?? 20;
    const parsed = parseQuery(request.query);
    const compiled = compileFacets(request.facets, tags);
    const counter = new FacetCounter(compiled);
    const groups: Record<HitKind, SearchHit[]> = { source: [], highlight: [], note: [] };
    const totals: Record<HitKind, number> = { source: 0, highlight: 0, note: 0 };
    const respond = () => ({
      groups,
      totals,
      facets: counter.result((id) => this.byId.get(id)?.title ?? id),
      tags: tagInfos(tags),
      parsed,
      tookMs: performance.now() - started,
    });

    let candidates: Array<{ key: string; score: number }>;
    let terms = new Set<string>();
    if (isEmptyQuery(parsed)) {
      // No words: list what the facets select (highlights, notes, sources by title), newest sources first.
      if (!compiled.active) return respond();
      candidates = this.browseCandidates();
    } else {
      const clauses = toClauses(parsed);
      if (!clauses) return respond();
      ({ hits: candidates, terms } = this.index.search(clauses));
    }
    const marked = markable(terms, parsed);

    // Phrases are checked against the text: load the texts of the paragraphs' sources first.
    const texts = new Map<number, string>();
    const needText = async (n: number) => {
      if (texts.has(n)) return;
      const st = this.byN.get(n);
      const text = st ? await textOf(st.id) : undefined;
      texts.set(n, text ?? '');
    };
    if (parsed.phrases.length) {
      for (const c of candidates) if (c.key.startsWith('p:')) await needText(Number(c.key.split(':')[1]));
    }

    const chosen: Array<{ c: (typeof candidates)[number]; ref: DocRef }> = [];
    for (const c of candidates) {
      const ref = this.resolve(c.key);
      if (!ref) continue;
      const fd = this.facetDoc(ref);
      const mask = facetMask(fd, compiled);
      if (parsed.phrases.length && !this.hasPhrases(ref, parsed.phrases, texts)) continue;
      counter.add(fd, mask);
      if (mask !== 0) continue;
      const kind = kindOf(ref.place);
      if (totals[kind]++ < limit) chosen.push({ c, ref });
    }
    for (const { ref } of chosen) if (ref.place === 'paragraph') await needText(ref.st!.n);
    for (const { c, ref } of chosen) {
      groups[kindOf(ref.place)].push(this.hit(c, ref, marked, parsed.phrases, texts));
    }
    return respond();
  }

  private browseCandidates(): Array<{ key: string; score: number }> {
    const states = [...this.byId.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
    const out: Array<{ key: string; score: number }> = [];
    for (const st of states) {
      out.push({ key: `t:${st.n}`, score: 0 });
      const hs = [...st.highlights].sort((a, b) => a[1].start - b[1].start);
      for (const [hid, h] of hs) {
        out.push({ key: `q:${st.n}:${hid}`, score: 0 });
        if (h.noteText) out.push({ key: `hn:${st.n}:${hid}`, score: 0 });
      }
      if (st.noteText) out.push({ key: `sn:${st.n}`, score: 0 });
    }
    if (this.project.noteText) out.push({ key: 'pn', score: 0 });
    return out;
  }

  private resolve(docId: string): DocRef | null {
    if (docId === 'pn') return { place: 'project-note', st: null };
    const [tag, n, rest] = splitId(docId);
    const st = this.byN.get(n);
    if (!st) return null;
    switch (tag) {
      case 't':
        return { place: 'title', st };
      case 'p':
        return { place: 'paragraph', st, para: Number(rest) };
      case 'q':
        return st.highlights.has(rest) ? { place: 'quote', st, hid: rest, h: st.highlights.get(rest) } : null;
      case 'hn':
        return st.highlights.has(rest) ? { place: 'highlight-note', st, hid: rest, h: st.highlights.get(rest) } : null;
      case 'sn':
        return { place: 'source-note', st };
      default:
        return null;
    }
  }

  private facetDoc(ref: DocRef): FacetDoc {
    const st = ref.st;
    if (!st) return { sourceId: null, publisher: '', date: '', tagIds: NONE, hasNote: true };
    const base = { sourceId: st.id, publisher: st.publisher, date: st.date };
    switch (ref.place) {
      case 'paragraph':
        return { ...base, tagIds: st.paraTags[ref.para!] ?? NONE, hasNote: st.paraNote[ref.para!] ?? false };
      case 'quote':
        return { ...base, tagIds: ref.h!.tagIds, hasNote: Boolean(ref.h!.noteText) };
      case 'highlight-note':
        return { ...base, tagIds: ref.h!.tagIds, hasNote: true };
      case 'source-note':
        return { ...base, tagIds: st.allTags, hasNote: true };
      default:
        return { ...base, tagIds: st.allTags, hasNote: Boolean(st.noteText) };
    }
  }

  private docText(ref: DocRef, texts: Map<number, string>): { text: string; from: number; to: number } {
    switch (ref.place) {
      case 'title':
        return whole(ref.st!.title);
      case 'paragraph': {
        const text = texts.get(ref.st!.n) ?? '';
        return { text, from: ref.st!.paragraphs[ref.para! * 2], to: ref.st!.paragraphs[ref.para! * 2 + 1] };
      }
      case 'quote':
        return whole(ref.h!.quote);
      case 'highlight-note':
        return whole(ref.h!.noteText);
      case 'source-note':
        return whole(ref.st!.noteText);
      default:
        return whole(this.project.noteText);
    }
  }

  private hasPhrases(ref: DocRef, phrases: string[][], texts: Map<number, string>): boolean {
    const { text, from, to } = this.docText(ref, texts);
    return phrases.every((p) => makeSnippet(text, new Set(), [p], from, to).first !== null);
  }

  private hit(c: { key: string; score: number }, ref: DocRef, terms: Set<string>, phrases: string[][], texts: Map<number, string>): SearchHit {
    const st = ref.st;
    const { text, from, to } = this.docText(ref, texts);
    const { snippet, first } = makeSnippet(text, terms, phrases, from, to);
    const fd = this.facetDoc(ref);
    let match: SearchHit['match'] = null;
    if (ref.place === 'paragraph') match = first ? { start: first[0], end: first[1] } : { start: from, end: to };
    else if (ref.h) match = { start: ref.h.start, end: ref.h.end };
    return {
      id: c.key,
      kind: kindOf(ref.place),
      place: ref.place,
      sourceId: st?.id ?? null,
      title: st?.title ?? 'Project notebook',
      publisher: st?.publisher ?? '',
      date: st?.date ?? '',
      highlightId: ref.hid ?? null,
      tagIds: [...fd.tagIds],
      hasNote: fd.hasNote,
      match,
      snippet,
      score: c.score,
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Analysis input

  /** Every source with its paragraphs and highlights, as the analysis functions take them. */
  analysisSources(): AnalysisSource[] {
    const out: AnalysisSource[] = [];
    for (const st of this.byId.values()) {
      const highlights: Array<AnalysisSource['highlights'][number]> = [];
      for (const [id, h] of st.highlights) if (!h.orphan) highlights.push({ id, start: h.start, end: h.end, tagIds: h.tagIds, hasNote: Boolean(h.noteText) });
      out.push({ id: st.id, title: st.title, publisher: st.publisher, date: st.date, paragraphs: st.paragraphs, highlights });
    }
    return out;
  }

  highlightQuote(sourceId: string, highlightId: string): string | undefined {
    return this.byId.get(sourceId)?.highlights.get(highlightId)?.quote;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Persistence (as plain data; the file is written by persist.ts)

  serialize(): { state: PersistedIndex; numbers: Int32Array } {
    const { header, numbers } = this.index.serialize();
    const state: PersistedIndex = {
      version: INDEX_VERSION,
      nextN: this.nextN,
      project: this.project,
      sources: [...this.byId.values()].map((st) => ({
        n: st.n,
        id: st.id,
        title: st.title,
        publisher: st.publisher,
        date: st.date,
        textKey: st.textKey,
        paragraphs: st.paragraphs,
        highlights: [...st.highlights].map(([id, h]) => [id, h.start, h.end, h.tagIds, h.orphan, h.quote, h.noteKey, h.noteText]),
        noteKey: st.noteKey,
        noteText: st.noteText,
        fileKey: st.fileKey,
      })),
      index: header,
    };
    return { state, numbers };
  }

  static deserialize(data: PersistedIndex, numbers: Int32Array): SearchEngine {
    if (data.version !== INDEX_VERSION) throw new Error(`search index version ${data.version}, expected ${INDEX_VERSION}`);
    const engine = new SearchEngine(TextIndex.deserialize({ header: data.index, numbers }, INDEX_OPTIONS));
    engine.nextN = data.nextN;
    engine.project = data.project;
    for (const s of data.sources) {
      const st: SourceState = {
        ...newState(s.n, s.id),
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        textKey: s.textKey,
        paragraphs: s.paragraphs,
        noteKey: s.noteKey,
        noteText: s.noteText,
        fileKey: s.fileKey,
        highlights: new Map(s.highlights.map(([id, start, end, tagIds, orphan, quote, noteKey, noteText]) => [id, { start, end, tagIds, orphan, quote, noteKey, noteText }])),
      };
      derive(st);
      engine.byId.set(st.id, st);
      engine.byN.set(st.n, st);
    }
    return engine;
  }
}

export interface PersistedIndex {
  version: number;
  nextN: number;
  project: { noteKey: string; noteText: string };
  sources: Array<{
    n: number;
    id: string;
    title: string;
    publisher: string;
    date: string;
    textKey: string;
    paragraphs: number[];
    highlights: Array<[string, number, number, string[], boolean, string, string, string]>;
    noteKey: string;
    noteText: string;
    fileKey: string;
  }>;
  index: TextIndexData['header'];
}

interface DocRef {
  place: HitPlace;
  st: SourceState | null;
  para?: number;
  hid?: string;
  h?: HighlightState;
}

const INDEX_OPTIONS = { tokenize, processTerm: indexTerm };

function newState(n: number, id: string): SourceState {
  return {
    n,
    id,
    title: '',
    publisher: '',
    date: '',
    textKey: '',
    paragraphs: [],
    highlights: new Map(),
    noteKey: '',
    noteText: '',
    fileKey: '',
    paraTags: [],
    paraNote: [],
    allTags: NONE,
  };
}

/** Per paragraph, the tags of the highlights over it and whether one of them has a note. */
function derive(st: SourceState): void {
  const count = st.paragraphs.length / 2;
  const tags: Array<Set<string> | undefined> = new Array(count);
  const notes: boolean[] = new Array(count).fill(false);
  const all = new Set<string>();
  for (const h of st.highlights.values()) {
    if (h.orphan) continue;
    for (const t of h.tagIds) all.add(t);
    if (h.tagIds.length === 0 && !h.noteText) continue;
    for (let i = paragraphAt(st.paragraphs, h.start); i < count && st.paragraphs[i * 2] < h.end; i++) {
      if (h.tagIds.length) {
        const set = (tags[i] ??= new Set());
        for (const t of h.tagIds) set.add(t);
      }
      if (h.noteText) notes[i] = true;
    }
  }
  st.paraTags = Array.from(tags, (s) => (s ? [...s] : NONE));
  st.paraNote = notes;
  st.allTags = all.size ? [...all] : NONE;
}

/** Index of the first paragraph that ends after `offset` (binary search over flat [start, end] pairs). */
export function paragraphAt(flat: readonly number[], offset: number): number {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  let found = flat.length / 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat[mid * 2 + 1] > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

function splitId(id: string): [string, number, string] {
  const a = id.indexOf(':');
  const b = id.indexOf(':', a + 1);
  return b < 0 ? [id.slice(0, a), Number(id.slice(a + 1)), ''] : [id.slice(0, a), Number(id.slice(a + 1, b)), id.slice(b + 1)];
}

function kindOf(place: HitPlace): HitKind {
  return place === 'title' || place === 'paragraph' ? 'source' : place === 'quote' ? 'highlight' : 'note';
}

/** The matched words to mark one by one: not those that matched only as part of a phrase (the phrase is marked whole). */
function markable(terms: ReadonlySet<string>, parsed: ParsedQuery): Set<string> {
  if (parsed.phrases.length === 0) return new Set(terms);
  const inPhrases = new Set(parsed.phrases.flat());
  return new Set([...terms].filter((t) => !inPhrases.has(t) || parsed.words.some((w) => t.startsWith(w))));
}

function whole(text: string) {
  return { text, from: 0, to: text.length };
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function noteText(note: NoteDoc | null): string {
  if (!note) return '';
  return noteToPlainText(note);
}

export { HIT_KINDS, type CompiledFacets };
