/**
 * The words of the statements being grouped, as numbers (grouping.ts). Each distinct lemma gets an id once; a
 * statement is then its lemma ids in order and its distinct ids, plain arrays of small integers: no Set and no string
 * compared per statement or per pair scored. Each id's MinHash values are worked out once; a text met again (one
 * statement reported by many outlets) is lemmatised once, and each distinct set of lemmas gets a number, so that what
 * is worked out from the set alone (the MinHash signature) is worked out once per set. Pure.
 */
import { lemmas } from './normalise';

export const BANDS = 32;
export const ROWS = 3;
export const HASHES = BANDS * ROWS;
/** Words whose MinHash values are kept (a corpus of endless distinct words computes the rest each time). */
const HASHES_KEPT = 50_000;
/** Texts whose words are kept, and sets whose numbers are kept; each table is emptied when full (numbers are never reused). */
const TEXTS_KEPT = 200_000;
const SETS_KEPT = 200_000;
/** The in-order alignment looks at the first words of each statement only. */
const ALIGN_MAX = 200;

const SEEDS = (() => {
  const out = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return out;
})();

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A statement's words: lemma ids in order, and its distinct ids (first met first). Shared: never changed. */
export interface Words {
  seq: number[];
  set: number[];
  /** The number of its set: the same for the same distinct lemmas in any order and repeated, never another set's. */
  setNo: number;
}

export class LemmaTable {
  private readonly ids = new Map<string, number>();
  /** Per id: the word's hash (the MinHash values are made from it), and its MinHash values once worked out. */
  private readonly wordHash: number[] = [];
  private readonly minHashes: Array<Uint32Array | undefined> = [];
  private readonly scratchHashes = new Uint32Array(HASHES);
  /** Marks for set operations on ids: stamp[id] === mark means "in the set at hand". */
  private stamp = new Uint32Array(1024);
  private mark = 0;
  private readonly row = new Uint16Array(ALIGN_MAX + 1);
  private readonly byText = new Map<string, Words>();
  /** An order-free hash of each set numbered -> the words first seen with that set (several: hashes may collide). */
  private readonly setsByHash = new Map<number, Array<{ set: readonly number[]; setNo: number }>>();
  private setsKept = 0;
  private nextSetNo = 0;

  /** The lemmas of a text (normalise.ts) as ids. */
  words(text: string): Words {
    const known = this.byText.get(text);
    if (known) return known;
    const seq: number[] = [];
    for (const lemma of lemmas(text)) {
      let id = this.ids.get(lemma);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(lemma, id);
        this.wordHash.push(fnv(lemma));
      }
      seq.push(id);
    }
    if (this.stamp.length < this.ids.size) {
      const grown = new Uint32Array(Math.max(this.ids.size, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const mark = this.nextMark();
    const set: number[] = [];
    for (const id of seq) {
      if (this.stamp[id] === mark) continue;
      this.stamp[id] = mark;
      set.push(id);
    }
    const words = { seq, set, setNo: this.setNoOf(set, mark) };
    if (this.byText.size >= TEXTS_KEPT) this.byText.clear();
    this.byText.set(text, words);
    return words;
  }

  /** The number of a set whose ids are stamped with `mark` (and no other id is). */
  private setNoOf(set: readonly number[], mark: number): number {
    // The sum of the ids' hashes, so any order gives the same.
    let h = set.length;
    for (const id of set) h = (h + mix(id, 0x27d4eb2f)) >>> 0;
    const same = this.setsByHash.get(h);
    if (same) {
      for (const w of same) {
        // Distinct ids, as many, every one stamped: the same set.
        if (w.set.length !== set.length) continue;
        let all = true;
        for (const id of w.set) if (this.stamp[id] !== mark) all = false;
        if (all) return w.setNo;
      }
    }
    if (this.setsKept >= SETS_KEPT) {
      this.setsByHash.clear();
      this.setsKept = 0;
    }
    const setNo = this.nextSetNo++;
    const list = this.setsByHash.get(h);
    if (list) list.push({ set, setNo });
    else this.setsByHash.set(h, [{ set, setNo }]);
    this.setsKept++;
    return setNo;
  }

  /** The MinHash signature of a set of ids, written into `sig`. */
  signatureInto(sig: Uint32Array, set: readonly number[]): Uint32Array {
    sig.fill(0xffffffff);
    for (const id of set) {
      const hashes = this.hashesOf(id);
      for (let i = 0; i < HASHES; i++) if (hashes[i] < sig[i]) sig[i] = hashes[i];
    }
    return sig;
  }

  /** Cosine of the lemma sets, plus the longest in-order alignment over the longer statement. */
  score(a: Words, b: Words): number {
    if (a.set.length === 0 || b.set.length === 0) return 0;
    const mark = this.nextMark();
    for (const id of a.set) this.stamp[id] = mark;
    let shared = 0;
    for (const id of b.set) if (this.stamp[id] === mark) shared++;
    const cosine = shared / Math.sqrt(a.set.length * b.set.length);
    const ordered = this.lcs(a.seq, b.seq) / Math.max(a.seq.length, b.seq.length, 1);
    return 0.7 * cosine + 0.3 * Math.min(1, ordered);
  }

  /** The longest common subsequence of the first ALIGN_MAX ids of each. */
  private lcs(a: readonly number[], b: readonly number[]): number {
    const an = Math.min(a.length, ALIGN_MAX);
    const bn = Math.min(b.length, ALIGN_MAX);
    const row = this.row;
    row.fill(0, 0, bn + 1);
    for (let i = 1; i <= an; i++) {
      let prev = 0;
      const ai = a[i - 1];
      for (let j = 1; j <= bn; j++) {
        const tmp = row[j];
        row[j] = ai === b[j - 1] ? prev + 1 : Math.max(row[j], row[j - 1]);
        prev = tmp;
      }
    }
    return row[bn];
  }

  private hashesOf(id: number): Uint32Array {
    const known = this.minHashes[id];
    if (known) return known;
    const out = id < HASHES_KEPT ? new Uint32Array(HASHES) : this.scratchHashes;
    const h = this.wordHash[id];
    for (let i = 0; i < HASHES; i++) out[i] = mix(h, SEEDS[i]);
    if (id < HASHES_KEPT) this.minHashes[id] = out;
    return out;
  }

  private nextMark(): number {
    this.mark = (this.mark + 1) >>> 0;
    if (this.mark === 0) {
      this.stamp.fill(0);
      this.mark = 1;
    }
    return this.mark;
  }
}
