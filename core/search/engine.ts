/**
 * The notebook's full-text index (core/search/text-index.ts) over source titles, source paragraphs, highlight quotes
 * and notes, plus the per-source state that facets and the analysis need (paragraph offsets, each highlight's range,
 * tags and note).
 *
 * Updates are diffs: `applySource` compares a source's current content with what was indexed and re-indexes only
 * the documents that changed (a new highlight adds one quote; a tag change re-indexes nothing, since tags are facets
 * read from the state at query time). No I/O here: persistence is in persist.ts, wiring to the store in
 * notebook-search.ts.
 */
import type { Highlight, NoteDoc, SourceMeta, Tag } from '../model';
import { splitParagraphs } from '../text';
import { noteToPlainText } from '../notes/markdown';
import { indexTerm, phraseTester, tokenize } from './text';
import { isEmptyQuery, parseQuery, toClauses, type ParsedQuery } from './query';
import { FIELD, TextIndex, type Clause, type Field, type IndexHits, type TextIndexData } from './text-index';
import { TermFamilies } from './term-families';
import { codingMask, compileFacets, FacetCounter, sourceMask } from './facets';
import { makeSnippet } from './snippet';
import type { HitKind, HitPlace, SearchFacets, SearchHit, SearchResponse } from './types';
import type { AnalysisSource } from '../analysis/types';
import { tagInfos } from './tag-info';
import { paragraphAt } from '../text';
import { textDigest, type Digest } from '../hash';

/** Bump when what is indexed, or how, changes: a persisted index of another version is rebuilt. */
export const INDEX_VERSION = 1;

/** What the index keeps of a source's catalog record (its facets and what a hit shows). */
export type IndexedMeta = Pick<SourceMeta, 'id' | 'title' | 'publisher' | 'date' | 'reliability'>;

export interface SourceInput {
  meta: IndexedMeta;
  text: string;
  highlights: readonly Highlight[];
  note: NoteDoc | null;
}

/** What the index knows of a highlight. Updated in place, so documents can point at it. */
interface HighlightState {
  id: string;
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
  /** Short number used in document keys. */
  n: number;
  id: string;
  title: string;
  publisher: string;
  date: string;
  /** The source's reliability grade, A–F, or '' when not graded. */
  grade: string;
  textKey: string;
  /** Paragraph offsets, flat: [start0, end0, start1, end1, …]. */
  paragraphs: number[];
  highlights: Map<string, HighlightState>;
  noteKey: string;
  noteText: string;
  /** Opaque fingerprint of the file this state came from (set by the persistence layer). */
  fileKey: string;
  // Not persisted.
  /** The text last indexed (the store's own string, so no copy): an unchanged text is known without hashing. */
  lastText?: string;
  /** Derived by derive(): per paragraph, the tags over it and whether a highlight there has a note. */
  paraTags: string[][];
  paraNote: boolean[];
  allTags: string[];
  /** This source as the analysis takes it, made on demand and dropped on any change. */
  analysis?: AnalysisSource;
  /** Its highlights as retrieval takes them (quotes without context), made on demand and dropped on any change. */
  retrieval?: Highlight[];
}

const PLACES: readonly HitPlace[] = ['title', 'paragraph', 'quote', 'highlight-note', 'source-note', 'project-note'];
const P = { title: 0, paragraph: 1, quote: 2, highlightNote: 3, sourceNote: 4, projectNote: 5 } as const;
const KIND_OF_PLACE: readonly HitKind[] = ['source', 'source', 'highlight', 'note', 'note', 'note'];
const KIND_NO: Record<HitKind, number> = { source: 0, highlight: 1, note: 2 };

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

const INDEX_OPTIONS = { tokenize, processTerm: indexTerm };

export class SearchEngine {
  private index: TextIndex;
  private readonly byId = new Map<string, SourceState>();
  /** Source states by their number. */
  private readonly byN: Array<SourceState | undefined> = [];
  private nextN = 1;
  private project = { noteKey: '', noteText: '' };
  /** Highlight objects already applied: an unchanged object (same reference) needs no comparison. */
  private readonly seen = new WeakSet<object>();
  // Per index document (by its number): what it is, so a search resolves hits without parsing keys.
  private docSource = new Int32Array(1024);
  private docPlace = new Uint8Array(1024);
  private docPara = new Int32Array(1024);
  private docHighlight: Array<HighlightState | undefined> = [];
  /** Bumped on every change; the analysis input is cached per version. */
  private version = 0;
  private analysisCache: { version: number; sources: AnalysisSource[] } | null = null;
  /** Stems and other spellings of the vocabulary, built on the first query. */
  private families: TermFamilies | null = null;

  /** `digest`: how a text's key is made (the backend gives node:crypto's; core's pure one otherwise). */
  constructor(
    index?: TextIndex,
    private readonly digest: Digest = textDigest,
  ) {
    this.index = index ?? new TextIndex(INDEX_OPTIONS);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Updates

  /** Index a source, or bring its indexed documents up to date with its current content. */
  applySource(input: SourceInput, fileKey = ''): void {
    this.version++;
    const { meta } = input;
    let st = this.byId.get(meta.id);
    if (!st) {
      st = newState(this.nextN++, meta.id);
      this.byId.set(st.id, st);
      this.byN[st.n] = st;
    }
    st.fileKey = fileKey || st.fileKey;
    if (st.title !== meta.title) {
      this.put(`t:${st.n}`, meta.title, st, P.title, FIELD.title);
      st.title = meta.title;
    }
    st.publisher = meta.publisher;
    st.date = meta.date;
    st.grade = meta.reliability ?? '';

    const textKey = input.text === st.lastText ? st.textKey : this.digest(input.text);
    st.lastText = input.text;
    if (textKey !== st.textKey) {
      for (let i = 0; i < st.paragraphs.length / 2; i++) this.index.discard(`p:${st.n}:${i}`);
      const paragraphs: number[] = [];
      splitParagraphs(input.text).forEach((p, i) => {
        paragraphs.push(p.start, p.end);
        this.put(`p:${st.n}:${i}`, input.text.slice(p.start, p.end), st, P.paragraph, FIELD.text, i);
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
      const noteKey = h.note ? this.digest(JSON.stringify(h.note)) : '';
      const quoteChanged = !old || old.quote !== h.quote.exact;
      const noteChanged = !old || old.noteKey !== noteKey;
      const state: HighlightState = old ?? { id: h.id, start: 0, end: 0, tagIds: NONE, orphan: false, quote: '', noteKey: '', noteText: '' };
      state.start = h.start;
      state.end = h.end;
      state.tagIds = h.tagIds.length ? [...h.tagIds] : NONE;
      state.orphan = h.orphan;
      state.quote = h.quote.exact;
      if (noteChanged) {
        state.noteKey = noteKey;
        state.noteText = noteKey ? noteText(h.note) : '';
      }
      st.highlights.set(h.id, state);
      if (quoteChanged) this.put(`q:${st.n}:${h.id}`, state.quote, st, P.quote, FIELD.text, 0, state);
      if (noteChanged) this.put(`hn:${st.n}:${h.id}`, state.noteText, st, P.highlightNote, FIELD.text, 0, state);
    }
    for (const id of st.highlights.keys()) {
      if (current.has(id)) continue;
      this.index.discard(`q:${st.n}:${id}`);
      this.index.discard(`hn:${st.n}:${id}`);
      st.highlights.delete(id);
    }

    const noteKey = input.note ? this.digest(JSON.stringify(input.note)) : '';
    if (noteKey !== st.noteKey) {
      const text = noteKey ? noteText(input.note) : '';
      this.put(`sn:${st.n}`, text, st, P.sourceNote);
      st.noteKey = noteKey;
      st.noteText = text;
    }
    derive(st);
  }

  /** Update only a source's catalog fields (title, publisher, date, grade): no file needs reading. */
  applyMeta(meta: IndexedMeta): boolean {
    const st = this.byId.get(meta.id);
    if (!st) return false;
    st.grade = meta.reliability ?? '';
    if (st.title !== meta.title || st.publisher !== meta.publisher || st.date !== meta.date) {
      this.version++;
      st.analysis = undefined;
    }
    if (st.title !== meta.title) {
      this.put(`t:${st.n}`, meta.title, st, P.title, FIELD.title);
      st.title = meta.title;
    }
    st.publisher = meta.publisher;
    st.date = meta.date;
    return true;
  }

  removeSource(id: string): void {
    const st = this.byId.get(id);
    if (!st) return;
    this.version++;
    const keys = [`t:${st.n}`, `sn:${st.n}`];
    for (let i = 0; i < st.paragraphs.length / 2; i++) keys.push(`p:${st.n}:${i}`);
    for (const hid of st.highlights.keys()) keys.push(`q:${st.n}:${hid}`, `hn:${st.n}:${hid}`);
    for (const key of keys) this.index.discard(key);
    this.byId.delete(id);
    this.byN[st.n] = undefined;
  }

  applyProjectNote(note: NoteDoc | null): void {
    const noteKey = note ? this.digest(JSON.stringify(note)) : '';
    if (noteKey === this.project.noteKey) return;
    const text = noteKey ? noteText(note) : '';
    this.put('pn', text, null, P.projectNote);
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

  /** Add or replace a document (an empty text removes it) and note what it is. */
  private put(key: string, text: string, st: SourceState | null, place: number, field: Field = FIELD.text, para = 0, h?: HighlightState): void {
    this.index.discard(key);
    if (!text) return;
    this.describe(this.index.add(key, text, field), st?.n ?? -1, place, para, h);
  }

  private describe(doc: number, n: number, place: number, para: number, h: HighlightState | undefined): void {
    if (doc >= this.docSource.length) {
      const size = Math.max(doc + 1, this.docSource.length * 2);
      const grow = <A extends Int32Array | Uint8Array>(a: A, b: A): A => (b.set(a), b);
      this.docSource = grow(this.docSource, new Int32Array(size));
      this.docPlace = grow(this.docPlace, new Uint8Array(size));
      this.docPara = grow(this.docPara, new Int32Array(size));
    }
    this.docSource[doc] = n;
    this.docPlace[doc] = place;
    this.docPara[doc] = para;
    this.docHighlight[doc] = h;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Queries

  async search(request: SearchRequest, tags: readonly Tag[], textOf: TextSource): Promise<Omit<SearchResponse, 'ready'>> {
    const started = performance.now();
    const limit = request.limit ?? 20;
    const parsed = parseQuery(request.query);
    const compiled = compileFacets(request.facets, tags);
    const counter = new FacetCounter(compiled, this.byN.length, (n) => this.byN[n]);
    const groups: Record<HitKind, SearchHit[]> = { source: [], highlight: [], note: [] };
    const totals: Record<HitKind, number> = { source: 0, highlight: 0, note: 0 };
    const respond = () => ({
      groups,
      totals,
      facets: counter.result(),
      tags: tagInfos(tags),
      parsed,
      tookMs: performance.now() - started,
    });

    let docs: Int32Array;
    let scores: Float64Array;
    let count: number;
    let terms = new Set<string>();
    let cross: Uint8Array | null = null;
    if (isEmptyQuery(parsed)) {
      // No words: list what the facets select (highlights, notes, sources by title), newest sources first.
      if (!compiled.active) return respond();
      docs = this.browseOrder();
      count = docs.length;
      scores = new Float64Array(count).map((_, i) => count - i);
    } else {
      const clauses = toClauses(parsed);
      if (!clauses) return respond();
      ({ docs, scores, count, terms, cross } = this.searchWords(clauses));
    }

    // Phrases are checked against the text: load the texts of the paragraphs' sources first.
    const texts = new Map<number, string>();
    const loadTexts = async (numbers: Iterable<number>) => {
      for (const n of numbers) {
        if (texts.has(n)) continue;
        const st = this.byN[n];
        texts.set(n, (st && (await textOf(st.id))) || '');
      }
    };
    if (parsed.phrases.length) {
      const wanted = new Set<number>();
      for (let i = 0; i < count; i++) if (this.docPlace[docs[i]] === P.paragraph) wanted.add(this.docSource[docs[i]]);
      await loadTexts(wanted);
    }

    const testers = parsed.phrases.map(phraseTester);
    // Facets that depend on the source only: once per source.
    const perSource = new Int32Array(this.byN.length).fill(-1);
    const noSource = sourceMask(null, '', '', compiled, '');
    const maskOf = (st: SourceState | undefined) => {
      if (!st) return noSource;
      let m = perSource[st.n];
      if (m < 0) m = perSource[st.n] = sourceMask(st.id, st.publisher, st.date, compiled, st.grade);
      return m;
    };
    // The best `limit` of each kind, kept sorted as they come (no sort of all hits).
    const best: Array<Array<{ doc: number; score: number; cross: boolean }>> = [[], [], []];
    for (let i = 0; i < count; i++) {
      const doc = docs[i];
      const place = this.docPlace[doc];
      const n = this.docSource[doc];
      const st = n < 0 ? undefined : this.byN[n];
      if (n >= 0 && !st) continue;
      let tagIds: readonly string[];
      let hasNote: boolean;
      if (place === P.paragraph) {
        tagIds = st!.paraTags[this.docPara[doc]] ?? NONE;
        hasNote = st!.paraNote[this.docPara[doc]] ?? false;
      } else if (place === P.quote || place === P.highlightNote) {
        const h = this.docHighlight[doc]!;
        tagIds = h.tagIds;
        hasNote = place === P.highlightNote || Boolean(h.noteText);
      } else if (place === P.projectNote) {
        tagIds = NONE;
        hasNote = true;
      } else {
        tagIds = st!.allTags;
        hasNote = place === P.sourceNote || Boolean(st!.noteText);
      }
      if (testers.length && !this.hasPhrases(doc, testers, texts)) continue;
      const mask = (compiled.active ? maskOf(st) | codingMask(tagIds, hasNote, compiled) : 0);
      counter.count(n, tagIds, hasNote, mask);
      if (mask !== 0) continue;
      const kind = KIND_OF_PLACE[place];
      totals[kind]++;
      const list = best[KIND_NO[kind]];
      const score = scores[i];
      if (list.length === limit && score <= list[limit - 1].score) continue;
      let at = list.length;
      while (at > 0 && list[at - 1].score < score) at--;
      list.splice(at, 0, { doc, score, cross: cross !== null && cross[i] === 1 });
      if (list.length > limit) list.pop();
    }
    const marked = markable(terms, parsed);
    await loadTexts(best.flatMap((list) => list.filter(({ doc }) => this.docPlace[doc] === P.paragraph).map(({ doc }) => this.docSource[doc])));
    (['source', 'highlight', 'note'] as const).forEach((kind) => {
      groups[kind] = best[KIND_NO[kind]].map(({ doc, score, cross: x }) => {
        const hit = this.hit(doc, score, marked, parsed.phrases, texts);
        return x ? { ...hit, crossScript: true } : hit;
      });
    });
    return respond();
  }

  /**
   * The index asked twice when a query word has other spellings in the vocabulary: once with the words and their
   * stems, once adding the other scripts' spellings. Documents only the second finds are cross-script hits: flagged,
   * and scored a thousandth so that they rank after every hit in the query's own spelling.
   */
  private searchWords(clauses: Clause[]): IndexHits & { cross: Uint8Array | null } {
    const families = (this.families ??= new TermFamilies(this.index));
    const loose = (c: Clause): boolean => c.prefix || c.fuzzy > 0;
    const same = clauses.map((c) => (loose(c) ? { ...c, extra: families.sameStem(c.term).map((term) => ({ term, weight: 0.9 })) } : c));
    const first = this.index.search(same);
    const others = clauses.map((c) => (loose(c) ? families.otherSpellings(c.term) : []));
    if (others.every((o) => o.length === 0)) return { ...first, cross: null };
    // One word: the other spellings alone (their postings only). Several: each word with its other spellings.
    const wide =
      clauses.length === 1
        ? this.index.search([{ term: others[0][0], prefix: false, fuzzy: 0, extra: others[0].slice(1).map((term) => ({ term, weight: 1 })) }])
        : this.index.search(same.map((c, i) => (others[i].length ? { ...c, extra: [...(c.extra ?? []), ...others[i].map((term) => ({ term, weight: 0.5 }))] } : c)));
    const own = new Set(first.docs.subarray(0, first.count));
    const total = first.count + wide.count;
    const docs = new Int32Array(total);
    const scores = new Float64Array(total);
    const cross = new Uint8Array(total);
    docs.set(first.docs.subarray(0, first.count));
    scores.set(first.scores.subarray(0, first.count));
    let count = first.count;
    for (let i = 0; i < wide.count; i++) {
      if (own.has(wide.docs[i])) continue;
      docs[count] = wide.docs[i];
      scores[count] = wide.scores[i] * 1e-3;
      cross[count++] = 1;
    }
    return { docs, scores, count, terms: new Set([...first.terms, ...wide.terms]), cross };
  }

  /** Every document that can be listed without words (titles, quotes, notes), newest sources first. */
  private browseOrder(): Int32Array {
    const order = new Map<number, number>();
    const states = [...this.byId.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
    states.forEach((st, i) => order.set(st.n, i));
    const out: Array<[number, number, number]> = [];
    this.index.forEachDoc((doc) => {
      const place = this.docPlace[doc];
      if (place === P.paragraph) return;
      const n = this.docSource[doc];
      const rank = n < 0 ? states.length : (order.get(n) ?? states.length);
      const at = place === P.quote || place === P.highlightNote ? this.docHighlight[doc]!.start + 1 : place === P.title ? 0 : Number.MAX_SAFE_INTEGER;
      out.push([doc, rank, at]);
    });
    out.sort((a, b) => a[1] - b[1] || a[2] - b[2] || this.docPlace[a[0]] - this.docPlace[b[0]]);
    return Int32Array.from(out, (x) => x[0]);
  }

  private docText(doc: number, texts: Map<number, string>): { text: string; from: number; to: number } {
    const st = this.byN[this.docSource[doc]];
    switch (this.docPlace[doc]) {
      case P.title:
        return whole(st!.title);
      case P.paragraph: {
        const para = this.docPara[doc];
        return { text: texts.get(st!.n) ?? '', from: st!.paragraphs[para * 2], to: st!.paragraphs[para * 2 + 1] };
      }
      case P.quote:
        return whole(this.docHighlight[doc]!.quote);
      case P.highlightNote:
        return whole(this.docHighlight[doc]!.noteText);
      case P.sourceNote:
        return whole(st!.noteText);
      default:
        return whole(this.project.noteText);
    }
  }

  private hasPhrases(doc: number, testers: ReadonlyArray<(text: string, from?: number, to?: number) => boolean>, texts: Map<number, string>): boolean {
    const { text, from, to } = this.docText(doc, texts);
    return testers.every((test) => test(text, from, to));
  }

  private hit(doc: number, score: number, terms: Set<string>, phrases: string[][], texts: Map<number, string>): SearchHit {
    const place = this.docPlace[doc];
    const n = this.docSource[doc];
    const st = n < 0 ? undefined : this.byN[n];
    const h = place === P.quote || place === P.highlightNote ? this.docHighlight[doc] : undefined;
    const { text, from, to } = this.docText(doc, texts);
    const { snippet, first } = makeSnippet(text, terms, phrases, from, to);
    let match: SearchHit['match'] = null;
    if (place === P.paragraph) match = first ? { start: first[0], end: first[1] } : { start: from, end: to };
    else if (h) match = { start: h.start, end: h.end };
    let tagIds: readonly string[] = NONE;
    let hasNote = true;
    if (place === P.paragraph) {
      tagIds = st!.paraTags[this.docPara[doc]] ?? NONE;
      hasNote = st!.paraNote[this.docPara[doc]] ?? false;
    } else if (h) {
      tagIds = h.tagIds;
      hasNote = place === P.highlightNote || Boolean(h.noteText);
    } else if (st) {
      tagIds = st.allTags;
      hasNote = place === P.sourceNote || Boolean(st.noteText);
    }
    return {
      id: this.index.keyOf(doc) ?? '',
      kind: KIND_OF_PLACE[place],
      place: PLACES[place],
      sourceId: st?.id ?? null,
      title: st?.title ?? 'Project notebook',
      publisher: st?.publisher ?? '',
      date: st?.date ?? '',
      highlightId: h?.id ?? null,
      tagIds: [...tagIds],
      hasNote,
      match,
      snippet,
      score,
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Analysis input

  /** Every source with its paragraphs and highlights, as the analysis functions take them (cached until a change). */
  analysisSources(): AnalysisSource[] {
    if (this.analysisCache?.version === this.version) return this.analysisCache.sources;
    const out: AnalysisSource[] = [];
    for (const st of this.byId.values()) {
      if (!st.analysis) {
        const highlights: Array<AnalysisSource['highlights'][number]> = [];
        for (const h of st.highlights.values()) if (!h.orphan) highlights.push({ id: h.id, start: h.start, end: h.end, tagIds: h.tagIds, hasNote: Boolean(h.noteText) });
        st.analysis = { id: st.id, title: st.title, publisher: st.publisher, date: st.date, paragraphs: st.paragraphs, highlights };
      }
      out.push(st.analysis);
    }
    this.analysisCache = { version: this.version, sources: out };
    return out;
  }

  highlightQuote(sourceId: string, highlightId: string): string | undefined {
    return this.byId.get(sourceId)?.highlights.get(highlightId)?.quote;
  }

  /** Per source, its highlights' tags (orphans included, as the codebook counts them). */
  *tagSources(): Iterable<Iterable<{ tagIds: readonly string[] }>> {
    for (const st of this.byId.values()) yield st.highlights.values();
  }

  /** Which source holds each highlight, with its quote and tags: answered from the index, no file read. */
  locate(ids: readonly string[]): Record<string, { sourceId: string; quote: string; tagIds: string[] } | null> {
    const out: Record<string, { sourceId: string; quote: string; tagIds: string[] } | null> = {};
    const wanted = new Set(ids);
    for (const id of ids) out[id] = null;
    for (const st of this.byId.values()) {
      if (wanted.size === 0) break;
      for (const id of wanted) {
        const h = st.highlights.get(id);
        if (!h) continue;
        out[id] = { sourceId: st.id, quote: h.quote, tagIds: [...h.tagIds] };
        wanted.delete(id);
      }
    }
    return out;
  }

  /**
   * Every listed source's highlights as retrieval (core/tags/query.ts) takes them, from the index: positions, tags,
   * orphan flags and quotes. No texts: the caller reads the few sources a page of results shows.
   */
  retrievalSources(metas: ReadonlyArray<Pick<SourceMeta, 'id' | 'title' | 'date'>>): Array<{ meta: Pick<SourceMeta, 'id' | 'title' | 'date'>; text: string; highlights: Highlight[] }> {
    const out: Array<{ meta: Pick<SourceMeta, 'id' | 'title' | 'date'>; text: string; highlights: Highlight[] }> = [];
    for (const meta of metas) {
      const st = this.byId.get(meta.id);
      if (!st) continue;
      st.retrieval ??= [...st.highlights.values()].map((h) => ({
        id: h.id,
        sourceId: st.id,
        start: h.start,
        end: h.end,
        quote: { exact: h.quote, prefix: '', suffix: '' },
        tagIds: h.tagIds,
        note: null,
        orphan: h.orphan,
        createdAt: '',
        modifiedAt: '',
      }));
      out.push({ meta, text: '', highlights: st.retrieval });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Persistence (the file is written by persist.ts)

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
        grade: st.grade,
        textKey: st.textKey,
        paragraphs: st.paragraphs,
        highlights: [...st.highlights.values()].map((h) => [h.id, h.start, h.end, h.tagIds, h.orphan, h.quote, h.noteKey, h.noteText]),
        noteKey: st.noteKey,
        noteText: st.noteText,
        fileKey: st.fileKey,
      })),
      index: header,
    };
    return { state, numbers };
  }

  static deserialize(data: PersistedIndex, numbers: Int32Array, digest?: Digest): SearchEngine {
    if (data.version !== INDEX_VERSION) throw new Error(`search index version ${data.version}, expected ${INDEX_VERSION}`);
    const engine = new SearchEngine(TextIndex.deserialize({ header: data.index, numbers }, INDEX_OPTIONS), digest);
    engine.nextN = data.nextN;
    engine.project = data.project;
    for (const s of data.sources) {
      const st: SourceState = {
        ...newState(s.n, s.id),
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        // Absent in an index saved before grades were indexed: the load sets it from the catalog (applyMeta).
        grade: s.grade ?? '',
        textKey: s.textKey,
        paragraphs: s.paragraphs,
        noteKey: s.noteKey,
        noteText: s.noteText,
        fileKey: s.fileKey,
        highlights: new Map(s.highlights.map(([id, start, end, tagIds, orphan, quote, noteKey, noteText]) => [id, { id, start, end, tagIds, orphan, quote, noteKey, noteText }])),
      };
      derive(st);
      engine.byId.set(st.id, st);
      engine.byN[st.n] = st;
    }
    // Documents were renumbered on saving: describe each again from its key.
    engine.index.forEachDoc((doc, key) => {
      if (key === 'pn') return engine.describe(doc, -1, P.projectNote, 0, undefined);
      const [tag, n, rest] = splitKey(key);
      const st = engine.byN[n];
      const place = { t: P.title, p: P.paragraph, q: P.quote, hn: P.highlightNote, sn: P.sourceNote }[tag] ?? P.title;
      engine.describe(doc, st ? n : -1, place, place === P.paragraph ? Number(rest) : 0, st?.highlights.get(rest));
    });
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
    grade?: string;
    textKey: string;
    paragraphs: number[];
    highlights: Array<[string, number, number, string[], boolean, string, string, string]>;
    noteKey: string;
    noteText: string;
    fileKey: string;
  }>;
  index: TextIndexData['header'];
}

function newState(n: number, id: string): SourceState {
  return { n, id, title: '', publisher: '', date: '', grade: '', textKey: '', paragraphs: [], highlights: new Map(), noteKey: '', noteText: '', fileKey: '', paraTags: [], paraNote: [], allTags: NONE };
}

/** Per paragraph, the tags of the highlights over it and whether one of them has a note. */
function derive(st: SourceState): void {
  st.analysis = undefined;
  st.retrieval = undefined;
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


function splitKey(key: string): [string, number, string] {
  const a = key.indexOf(':');
  const b = key.indexOf(':', a + 1);
  return b < 0 ? [key.slice(0, a), Number(key.slice(a + 1)), ''] : [key.slice(0, a), Number(key.slice(a + 1, b)), key.slice(b + 1)];
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


function noteText(note: NoteDoc | null): string {
  return note ? noteToPlainText(note) : '';
}
