/**
 * The same statement across sources (issue 17). Candidates come from MinHash signatures of each statement's lemma
 * set (word order free) and locality-sensitive hashing in bands, only ever within one speaker, so no group mixes
 * speakers; each candidate pair is then scored finely (cosine of the lemma sets plus the share of lemmas aligned in
 * order) and pairs at or above the threshold, said within a few days of each other, join one group (union-find). Adding a statement touches only its
 * candidates: nothing is recomputed. Groups chosen by hand (a shared `manualKey`) are kept as they are.
 */
import { lemmas } from './normalise';

export interface GroupItem {
  id: string;
  /** The speaker (a tag id): statements of different speakers are never grouped. */
  speaker: string;
  text: string;
  /** A group chosen by hand: every item with this key is one group, and none other joins it. */
  manualKey?: string;
  /**
   * When it was said (yyyy-mm-dd, yyyy-mm or yyyy): one statement is one utterance, so statements said more than
   * DATE_TOLERANCE_DAYS apart are never grouped, however alike (they are offered as related instead).
   */
  date?: string;
}

/** Reports of one utterance may date it a day or two apart (time zones, "on Friday" read against a later issue). */
export const DATE_TOLERANCE_DAYS = 3;

/** Could two dates said be the same occasion? Unknown or coarser dates are compared only as far as both go. */
export function datesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 10) return a.slice(0, n) === b.slice(0, n);
  const days = Math.abs(Date.parse(`${a.slice(0, 10)}T00:00:00Z`) - Date.parse(`${b.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
  return Number.isFinite(days) ? days <= DATE_TOLERANCE_DAYS : a === b;
}

export interface GroupingOptions {
  /** Score at which two statements are one claim. */
  threshold?: number;
  /** Score from which a statement is offered as related. */
  related?: number;
}

const BANDS = 32;
const ROWS = 3;
const HASHES = BANDS * ROWS;
/** A bucket scanned for candidates is capped: a flood of near-identical statements cannot make adding quadratic. */
const BUCKET_SCAN_MAX = 12;
/** Bands two statements must share to be scored; and how many candidates are scored at most per statement added. */
const MIN_BAND_HITS = 2;
const CANDIDATES_MAX = 40;

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

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export function signature(tokens: readonly number[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const t of tokens) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(t, SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

interface Entry {
  item: GroupItem;
  seq: string[];
  set: Set<string>;
  bands: number[];
}

/** Cosine of the lemma sets, plus the longest in-order alignment over the longer statement. */
export function alignmentScore(a: { seq: readonly string[]; set: ReadonlySet<string> }, b: { seq: readonly string[]; set: ReadonlySet<string> }): number {
  if (a.set.size === 0 || b.set.size === 0) return 0;
  let shared = 0;
  for (const w of a.set) if (b.set.has(w)) shared++;
  const cosine = shared / Math.sqrt(a.set.size * b.set.size);
  const ordered = lcs(a.seq.slice(0, 200), b.seq.slice(0, 200)) / Math.max(a.seq.length, b.seq.length, 1);
  return 0.7 * cosine + 0.3 * Math.min(1, ordered);
}

function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j], row[j - 1]);
      prev = tmp;
    }
  }
  return row[b.length];
}

export function prepare(text: string): { seq: string[]; set: Set<string> } {
  const seq = lemmas(text);
  return { seq, set: new Set(seq) };
}

export class StatementGrouper {
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<number, string[]>();
  private readonly parent = new Map<string, string>();
  private readonly threshold: number;
  private readonly relatedFrom: number;

  constructor(options: GroupingOptions = {}) {
    this.threshold = options.threshold ?? 0.62;
    this.relatedFrom = options.related ?? 0.35;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Add (or replace) one statement; returns its group id. Only its LSH candidates are scored. */
  add(item: GroupItem): string {
    if (this.entries.has(item.id)) this.remove(item.id);
    const { seq, set } = prepare(item.text);
    const sig = signature([...set].map(fnv));
    // Band keys are numbers (band index and a hash of the speaker and the band's rows): no strings to build or hash.
    const bands: number[] = [];
    const speakerHash = fnv(item.speaker);
    for (let b = 0; b < BANDS; b++) {
      let h = speakerHash;
      for (let r = 0; r < ROWS; r++) h = mix(h, sig[b * ROWS + r]);
      bands.push(b * 4294967296 + h);
    }
    const entry: Entry = { item, seq, set, bands };
    this.entries.set(item.id, entry);
    this.parent.set(item.id, item.id);
    if (set.size > 0 && !item.manualKey) {
      // Candidates: statements sharing at least two bands (a pair as alike as the threshold shares about five), most
      // shared first, at most CANDIDATES_MAX of them scored finely: adding stays bounded however crowded a bucket is.
      const hits = new Map<string, number>();
      for (const key of bands) {
        const bucket = this.buckets.get(key);
        if (bucket) {
          for (let i = bucket.length - 1, n = 0; i >= 0 && n < BUCKET_SCAN_MAX; i--, n++) hits.set(bucket[i], (hits.get(bucket[i]) ?? 0) + 1);
          bucket.push(item.id);
        } else this.buckets.set(key, [item.id]);
      }
      const ranked = [...hits].filter(([, n]) => n >= MIN_BAND_HITS).sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES_MAX);
      for (const [other] of ranked) {
        const o = this.entries.get(other);
        if (!o || o.item.speaker !== item.speaker || o.item.manualKey) continue;
        if (this.find(other) === this.find(item.id) || !datesCompatible(item.date, o.item.date)) continue;
        if (alignmentScore(entry, o) >= this.threshold) this.union(item.id, other);
      }
    }
    return this.groupOf(item.id);
  }

  /** Remove one statement; the groups of its speaker are formed again without it. */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const key of entry.bands) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      const at = bucket.indexOf(id);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 0) this.buckets.delete(key);
    }
    this.entries.delete(id);
    this.parent.delete(id);
    // Union-find cannot split: the speaker's statements are grouped again (the others keep their groups).
    const same = [...this.entries.values()].filter((e) => e.item.speaker === entry.item.speaker).map((e) => e.item);
    for (const item of same) this.removeQuietly(item.id);
    for (const item of same) this.add(item);
  }

  private removeQuietly(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const key of entry.bands) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      const at = bucket.indexOf(id);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 0) this.buckets.delete(key);
    }
    this.entries.delete(id);
    this.parent.delete(id);
  }

  /** The group of a statement: `m:<key>` for a group chosen by hand, `g:<id of its root>` otherwise. */
  groupOf(id: string): string {
    const e = this.entries.get(id);
    if (!e) return '';
    if (e.item.manualKey) return `m:${e.item.manualKey}`;
    return `g:${this.find(id)}`;
  }

  /** Every group with its members (ids), singletons included. */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const id of this.entries.keys()) {
      const g = this.groupOf(id);
      const list = out.get(g);
      if (list) list.push(id);
      else out.set(g, [id]);
    }
    return out;
  }

  /** Statements of the same speaker outside this statement's group that say something close: score >= `related`. */
  related(id: string, limit = 10): Array<{ id: string; score: number }> {
    const e = this.entries.get(id);
    if (!e) return [];
    const group = this.groupOf(id);
    const out: Array<{ id: string; score: number }> = [];
    for (const o of this.entries.values()) {
      if (o.item.id === id || o.item.speaker !== e.item.speaker || this.groupOf(o.item.id) === group) continue;
      const score = alignmentScore(e, o);
      if (score >= this.relatedFrom) out.push({ id: o.item.id, score });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  score(a: string, b: string): number {
    const x = this.entries.get(a);
    const y = this.entries.get(b);
    return x && y ? alignmentScore(x, y) : 0;
  }

  private find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression.
    let at = id;
    while (at !== root) {
      const next = this.parent.get(at) as string;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id stays the root, whatever the order of adding: the same statements give the same group ids.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
