/**
 * The inverted index under the search: MiniSearch's radix tree (SearchableMap) holds the vocabulary and does the
 * prefix and fuzzy (edit distance) term lookups; the postings are compact typed arrays, scored with BM25+ as MiniSearch
 * scores them.
 *
 * Why not MiniSearch's own document index: it keeps a Map per term of document -> frequency, which on the benchmark
 * notebook (10,000 sources, 50 MB of text, 6 million postings) took 16 s of CPU and 340 MB to build. Appending
 * (document, frequency) pairs to one Int32Array per term does the same job in a fraction of the time and memory, and
 * writes to disk as bytes.
 *
 * Documents are added with a string key and one field (0: text, 1: title); discarding one only marks it dead, and
 * dead postings are swept out once they are many. Pure: no I/O, no DOM.
 */
import SearchableMap from 'minisearch/SearchableMap';

export const FIELD = { text: 0, title: 1 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];

/** One word of a query: the term itself, and how loosely it may match. */
export interface Clause {
  term: string;
  prefix: boolean;
  /** Maximum edit distance (0: none). */
  fuzzy: number;
  /** Other terms the clause also matches, with their weight (stems, other spellings: see term-families.ts). */
  extra?: ReadonlyArray<{ term: string; weight: number }>;
}

/** Matching documents (by number) and their scores, unsorted; `count` of them are valid. */
export interface IndexHits {
  docs: Int32Array;
  scores: Float64Array;
  count: number;
  /** The index terms the clauses matched (for marking snippets). */
  terms: Set<string>;
}

export interface TextIndexOptions {
  /** Words of a text. */
  tokenize(text: string): string[];
  /** A word as indexed, or null to leave it out. */
  processTerm(word: string): string | null;
}

// BM25+ as in MiniSearch, with its weights for prefix and fuzzy matches.
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
const FIELD_BOOST = [1, 2];
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A short prefix can match thousands of words; the most frequent ones are kept. */
const MAX_EXPANSIONS = 200;

/** Serialized form: a JSON-able header and one buffer of numbers. */
export interface TextIndexData {
  header: { version: 1; keys: string[]; terms: string[] };
  /** [fieldLength × docs][field × docs][postings offset × (terms + 1)][postings: doc, tf, doc, tf, …] */
  numbers: Int32Array;
}

export class TextIndex {
  private keys: Array<string | null> = [];
  private readonly docOf = new Map<string, number>();
  private lengths = new Int32Array(1024);
  private fields = new Uint8Array(1024);
  private alive = new Uint8Array(1024);
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private vocab = new SearchableMap<number>();
  private postings: Int32Array[] = [];
  private postingLength: number[] = [];
  private readonly fieldLength = [0, 0];
  private readonly fieldDocs = [0, 0];
  private dead = 0;
  // Scratch for queries, reused (sized to the documents).
  private stamp = new Int32Array(0);
  private matched = new Int32Array(0);
  private score = new Float64Array(0);
  private touched = new Int32Array(0);
  private queryNo = 0;

  constructor(private readonly options: TextIndexOptions) {}

  get documentCount(): number {
    return this.docOf.size;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** The term with this id (ids are dense, 0..termCount-1, and never reused). */
  termAt(id: number): string {
    return this.terms[id];
  }

  has(key: string): boolean {
    return this.docOf.has(key);
  }

  /** The document's key, or null for a discarded number. */
  keyOf(doc: number): string | null {
    return this.keys[doc] ?? null;
  }

  /** Every live document, by number (numbers change only when an index is loaded from its serialized form). */
  forEachDoc(fn: (doc: number, key: string) => void): void {
    this.keys.forEach((k, doc) => {
      if (k !== null && this.alive[doc]) fn(doc, k);
    });
  }

  /** Adds a document; returns its number. */
  add(key: string, text: string, field: Field = FIELD.text): number {
    if (this.docOf.has(key)) throw new Error(`The index already has a document "${key}".`);
    const doc = this.keys.length;
    this.keys.push(key);
    this.docOf.set(key, doc);
    this.ensureDocs(doc + 1);
    // Count each term once per document, then append one posting per distinct term.
    const counts = new Map<number, number>();
    let length = 0;
    for (const word of this.options.tokenize(text)) {
      const term = this.options.processTerm(word);
      if (!term) continue;
      length++;
      const id = this.termId(term);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of counts) this.append(id, doc, tf);
    this.lengths[doc] = length;
    this.fields[doc] = field;
    this.alive[doc] = 1;
    this.fieldLength[field] += length;
    this.fieldDocs[field]++;
    return doc;
  }

  discard(key: string): void {
    const doc = this.docOf.get(key);
    if (doc === undefined) return;
    this.docOf.delete(key);
    this.keys[doc] = null;
    this.alive[doc] = 0;
    this.fieldLength[this.fields[doc]] -= this.lengths[doc];
    this.fieldDocs[this.fields[doc]]--;
    this.dead++;
    if (this.dead > 20_000 && this.dead > this.docOf.size / 4) this.sweep();
  }

  /**
   * Documents that match every clause, with their scores (unsorted: the caller keeps the best it needs).
   * A clause matches its term, and (when allowed) longer terms it begins and terms within its edit distance.
   */
  search(clauses: readonly Clause[]): IndexHits {
    const terms = new Set<string>();
    const expanded = clauses.map((c) => this.expand(c, terms));
    if (expanded.some((e) => e.length === 0)) return { docs: new Int32Array(0), scores: new Float64Array(0), count: 0, terms };
    // Rarest clause first: later clauses only score documents that matched all before.
    const order = expanded.map((e, i) => ({ e, i, cost: e.reduce((n, x) => n + this.postingLength[x.id], 0) })).sort((a, b) => a.cost - b.cost);
    const docs = this.keys.length;
    if (this.stamp.length < docs) {
      this.stamp = new Int32Array(docs * 1.25 + 64);
      this.matched = new Int32Array(this.stamp.length);
      this.score = new Float64Array(this.stamp.length);
      this.touched = new Int32Array(this.stamp.length);
    }
    const q = ++this.queryNo;
    const { stamp, matched, score, alive, lengths, fields, touched } = this;
    let touchedCount = 0;
    const avg = [this.fieldLength[0] / Math.max(1, this.fieldDocs[0]), this.fieldLength[1] / Math.max(1, this.fieldDocs[1])];
    const total = Math.max(1, this.docOf.size);
    order.forEach(({ e }, k) => {
      for (const { id, weight } of e) {
        const list = this.postings[id];
        const n = this.postingLength[id];
        const df = n / 2;
        const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        for (let p = 0; p < n; p += 2) {
          const doc = list[p];
          if (!alive[doc]) continue;
          if (k === 0) {
            if (stamp[doc] !== q) {
              stamp[doc] = q;
              matched[doc] = 1;
              score[doc] = 0;
              touched[touchedCount++] = doc;
            }
          } else {
            if (stamp[doc] !== q || matched[doc] < k) continue;
            if (matched[doc] === k) matched[doc] = k + 1;
          }
          const f = fields[doc];
          const tf = list[p + 1];
          const norm = tf + K1 * (1 - B + (B * lengths[doc]) / avg[f]);
          score[doc] += weight * FIELD_BOOST[f] * idf * (DELTA + (tf * (K1 + 1)) / norm);
        }
      }
    });
    const want = order.length;
    const docsOut = new Int32Array(touchedCount);
    const scores = new Float64Array(touchedCount);
    let count = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      if (matched[doc] !== want) continue;
      docsOut[count] = doc;
      scores[count++] = score[doc];
    }
    return { docs: docsOut, scores, count, terms };
  }

  /** A clause's terms with their weights: the exact term, then prefix and fuzzy matches. */
  private expand(c: Clause, into: Set<string>): Array<{ id: number; weight: number }> {
    const out = new Map<number, number>();
    const exact = this.termIds.get(c.term);
    if (exact !== undefined) out.set(exact, 1);
    for (const x of c.extra ?? []) {
      const id = this.termIds.get(x.term);
      if (id !== undefined) out.set(id, Math.max(out.get(id) ?? 0, x.weight));
    }
    if (c.prefix) {
      let found: Array<[string, number]> = [];
      for (const [t, id] of this.vocab.atPrefix(c.term)) if (t !== c.term) found.push([t, id]);
      if (found.length > MAX_EXPANSIONS) found = found.sort((a, b) => this.postingLength[b[1]] - this.postingLength[a[1]]).slice(0, MAX_EXPANSIONS);
      for (const [t, id] of found) {
        const distance = t.length - c.term.length;
        out.set(id, Math.max(out.get(id) ?? 0, (PREFIX_WEIGHT * c.term.length) / (c.term.length + 0.3 * distance)));
      }
    }
    if (c.fuzzy > 0) {
      for (const [t, [id, distance]] of this.vocab.fuzzyGet(c.term, c.fuzzy)) {
        if (t === c.term) continue;
        out.set(id, Math.max(out.get(id) ?? 0, (FUZZY_WEIGHT * c.term.length) / (c.term.length + distance)));
      }
    }
    const list: Array<{ id: number; weight: number }> = [];
    for (const [id, weight] of out) {
      if (this.postingLength[id] === 0) continue;
      list.push({ id, weight });
      into.add(this.terms[id]);
    }
    return list;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      this.vocab.set(term, id);
      this.postings.push(new Int32Array(4));
      this.postingLength.push(0);
    }
    return id;
  }

  private append(id: number, doc: number, tf: number): void {
    let list = this.postings[id];
    const n = this.postingLength[id];
    if (n + 2 > list.length) {
      const grown = new Int32Array(Math.max(4, list.length * 2));
      grown.set(list);
      this.postings[id] = list = grown;
    }
    list[n] = doc;
    list[n + 1] = tf;
    this.postingLength[id] = n + 2;
  }

  private ensureDocs(n: number): void {
    if (n <= this.lengths.length) return;
    const size = Math.max(n, this.lengths.length * 2);
    const grow = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.lengths = grow(this.lengths, (k) => new Int32Array(k));
    this.fields = grow(this.fields, (k) => new Uint8Array(k));
    this.alive = grow(this.alive, (k) => new Uint8Array(k));
  }

  /** Remove dead documents' postings (their numbers stay unused until the index is saved and loaded). */
  private sweep(): void {
    for (let id = 0; id < this.postings.length; id++) {
      const list = this.postings[id];
      const n = this.postingLength[id];
      let w = 0;
      for (let p = 0; p < n; p += 2) {
        if (!this.alive[list[p]]) continue;
        list[w] = list[p];
        list[w + 1] = list[p + 1];
        w += 2;
      }
      this.postingLength[id] = w;
    }
    this.dead = 0;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Serialization: live documents renumbered 0..n-1, terms in id order.

  serialize(): TextIndexData {
    const renumber = new Int32Array(this.keys.length).fill(-1);
    const keys: string[] = [];
    this.keys.forEach((k, doc) => {
      if (k !== null && this.alive[doc]) {
        renumber[doc] = keys.length;
        keys.push(k);
      }
    });
    const D = keys.length;
    const T = this.terms.length;
    let postingsSize = 0;
    for (let id = 0; id < T; id++) postingsSize += this.postingLength[id];
    const numbers = new Int32Array(2 * D + T + 1 + postingsSize);
    this.keys.forEach((_, doc) => {
      const r = renumber[doc];
      if (r < 0) return;
      numbers[r] = this.lengths[doc];
      numbers[D + r] = this.fields[doc];
    });
    let at = 2 * D + T + 1;
    for (let id = 0; id < T; id++) {
      numbers[2 * D + id] = at;
      const list = this.postings[id];
      for (let p = 0; p < this.postingLength[id]; p += 2) {
        const r = renumber[list[p]];
        if (r < 0) continue;
        numbers[at++] = r;
        numbers[at++] = list[p + 1];
      }
    }
    numbers[2 * D + T] = at;
    return { header: { version: 1, keys, terms: [...this.terms] }, numbers: numbers.subarray(0, at) };
  }

  static deserialize(data: TextIndexData, options: TextIndexOptions): TextIndex {
    if (data.header.version !== 1) throw new Error(`text index version ${data.header.version}`);
    const index = new TextIndex(options);
    const { keys, terms } = data.header;
    const { numbers } = data;
    const D = keys.length;
    const T = terms.length;
    index.keys = [...keys];
    index.ensureDocs(D);
    keys.forEach((k, doc) => {
      index.docOf.set(k, doc);
      const length = numbers[doc];
      const field = numbers[D + doc];
      index.lengths[doc] = length;
      index.fields[doc] = field;
      index.alive[doc] = 1;
      index.fieldLength[field] += length;
      index.fieldDocs[field]++;
    });
    const entries: Array<[string, number]> = [];
    for (let id = 0; id < T; id++) {
      const from = numbers[2 * D + id];
      const to = numbers[2 * D + id + 1];
      index.terms.push(terms[id]);
      index.termIds.set(terms[id], id);
      entries.push([terms[id], id]);
      // A view into the loaded numbers, not a copy (at 10,000 sources a copy of every list was ~70 MB more, in
      // 150,000 allocations); the first posting appended to a term moves its list to an array of its own (append).
      index.postings.push(numbers.subarray(from, to));
      index.postingLength.push(to - from);
    }
    index.vocab = SearchableMap.from(entries) as SearchableMap<number>;
    return index;
  }
}
