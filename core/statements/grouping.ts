/**
 * The same statement across sources (issue 17). Candidates come from MinHash signatures of each statement's lemma
 * set (word order free) and locality-sensitive hashing in bands, only ever within one speaker, so no group mixes
 * speakers; each candidate pair is then scored finely (cosine of the lemma sets plus the share of lemmas aligned in
 * order) and pairs at or above the threshold, said within a few days of each other, join one group (union-find). Adding a statement touches only its
 * candidates: nothing is recomputed. Groups chosen by hand (a shared `manualKey`) are kept as they are.
 */
import { BANDS, HASHES, LemmaTable, ROWS, fnv, mix, type Words } from './lemma-table';
import { BandTables, type BandVisits } from './band-tables';
import { rankCandidates } from './rank-candidates';

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

/** A bucket scanned for candidates is capped: a flood of near-identical statements cannot make adding quadratic. */
const BUCKET_SCAN_MAX = 12;
/** How many candidates are scored at most per statement added (those sharing MIN_BAND_HITS bands or more). */
const CANDIDATES_MAX = 40;
/** addAll takes new statements in batches of at most this many (what their walks met is held until scored). */
const BATCH_MAX = 32_768;
/** Statements whose band keys are kept for reuse, by speaker and set of lemmas; the table is emptied when full. */
const CLASSES_KEPT = 400_000;
/** Set and speaker numbers from here on are not looked up there (their pair would not be a safe integer). */
const CLASS_NO_MAX = 2 ** 26;

interface Entry {
  item: GroupItem;
  words: Words;
  /** Its number in the buckets (statements are counted there by number, not by id: no strings hashed per hit). */
  serial: number;
  /** The day said (days since 1970) when the date is a whole day, else NaN: compared as numbers. */
  day: number;
  /** In the LSH buckets (it has words and no group chosen by hand). */
  scanned: boolean;
  /** `g:<its id>`, made the first time it is asked for as a group's root: one string shared by all the members. */
  rootOf: string;
}

function dayOf(date: string | undefined): number {
  if (!date || date.length < 10) return NaN;
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

/** datesCompatible, with the days already worked out where both are whole days. */
function entriesDatesCompatible(a: Entry, b: Entry): boolean {
  if (Number.isFinite(a.day) && Number.isFinite(b.day)) return Math.abs(a.day - b.day) <= DATE_TOLERANCE_DAYS;
  return datesCompatible(a.item.date, b.item.date);
}

export class StatementGrouper {
  private readonly entries = new Map<string, Entry>();
  /** Band key -> serials of the statements in it, oldest first. */
  /** The LSH buckets: per band, the statements (by serial) with each key. */
  private readonly buckets = new BandTables(BANDS);
  private readonly bySerial: Array<Entry | undefined> = [];
  private nextSerial = 0;
  /** Bands shared with the statement being added, by serial (reset after each add), and which serials were hit. */
  private hitCounts = new Uint16Array(1024);
  private readonly touched: number[] = [];
  /** The candidates of the statement being added, ranked (one buffer, reused). */
  private readonly ranked = new Int32Array(CANDIDATES_MAX);
  /** Union-find over serials: each statement's parent (itself at a root; a root is its group's smallest id). */
  private parent = new Int32Array(1024);
  /** speaker number * CLASS_NO_MAX + set number -> a statement whose band keys they give (the keys stay by serial). */
  private readonly serialByClass = new Map<number, number>();
  private readonly dayByDate = new Map<string, number>();
  /** Per serial: its speaker's number and its day (NaN: not a whole day), read for candidates without the entry. */
  private speakerBySerial = new Int32Array(1024);
  private dayBySerial = new Float64Array(1024);
  /**
   * Per serial, its key in each band (bandKeys[serial * BANDS + band]; a 30-bit integer: no number boxed, no string
   * built), in one array: a typed array per statement costs an allocation outside the heap each.
   */
  private bandKeys = new Int32Array(1024 * BANDS);
  /** The signature of the statement being added (one buffer, reused). */
  private readonly sig = new Uint32Array(HASHES);
  private readonly lemmas = new LemmaTable();
  private readonly speakers = new Map<string, number>();
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
    const entry = this.enter(item);
    if (entry.scanned) {
      const touched = this.touched;
      touched.length = 0;
      this.buckets.scanAndAdd(this.bandKeys, entry.serial * BANDS, entry.serial, BUCKET_SCAN_MAX, this.hitCounts, touched);
      this.join(entry, touched);
    }
    return this.groupOf(item.id);
  }

  /**
   * add() for each statement in turn, with the same groups as a result; new statements come in batches whose LSH
   * buckets are walked band by band (one band's tables stay in the processor's cache: most of the time saved).
   */
  addAll(items: Iterable<GroupItem>): void {
    // The batch's statements are entered at once (so a second one with the same id is seen), walked and scored later.
    const batch: Entry[] = [];
    // What a batch's walks met, band by band: buffers reused from batch to batch, let go after (megabytes).
    const visits: BandVisits = { seen: new Int32Array(0), starts: new Int32Array(0) };
    const flush = () => {
      this.addBatch(batch, visits);
      batch.length = 0;
    };
    for (const item of items) {
      // A statement that replaces one (in the batch or added before) is added alone, after what came before it.
      if (this.entries.has(item.id)) {
        flush();
        this.add(item);
        continue;
      }
      if (batch.length >= BATCH_MAX) flush();
      batch.push(this.enter(item));
    }
    flush();
  }

  /**
   * New statements just entered, as add() would take them one after another: every entry is made first (a
   * statement's candidates are older statements only, so what add() reads of them is ready), then the walks.
   */
  private addBatch(entries: readonly Entry[], visits: BandVisits): void {
    const scanned = entries.filter((e) => e.scanned);
    const n = scanned.length;
    if (n === 0) return;
    const serials = new Int32Array(n);
    for (let k = 0; k < n; k++) serials[k] = scanned[k].serial;
    this.buckets.scanAndAddMany(this.bandKeys, serials, n, BUCKET_SCAN_MAX, visits);
    const { seen, starts } = visits;
    const counts = this.hitCounts;
    const touched = this.touched;
    for (let k = 0; k < n; k++) {
      // The walks of statement k, band after band: counted as scanAndAdd counts them.
      touched.length = 0;
      for (let b = 0; b < BANDS; b++) {
        const end = starts[b * (n + 1) + k + 1];
        for (let v = starts[b * (n + 1) + k]; v < end; v++) if (counts[seen[v]]++ === 0) touched.push(seen[v]);
      }
      this.join(scanned[k], touched);
    }
  }

  /** A statement's entry, its band keys and its root in the union-find; not in the buckets yet. */
  private enter(item: GroupItem): Entry {
    const words = this.lemmas.words(item.text);
    const speakerNo = this.speakerNo(item.speaker);
    const serial = this.nextSerial++;
    if (this.hitCounts.length <= serial) this.growSerials(serial);
    const bands = this.bandKeys;
    const at = serial * BANDS;
    // The same speaker and the same set of lemmas give the same keys: those of a statement added before are copied.
    const classKey = speakerNo < CLASS_NO_MAX && words.setNo < CLASS_NO_MAX ? speakerNo * CLASS_NO_MAX + words.setNo : -1;
    const same = classKey >= 0 ? this.serialByClass.get(classKey) : undefined;
    if (same !== undefined) bands.copyWithin(at, same * BANDS, same * BANDS + BANDS);
    else {
      const sig = this.lemmas.signatureInto(this.sig, words.set);
      // A band's key: a hash of the speaker and the band's rows.
      const speakerHash = fnv(item.speaker);
      for (let b = 0; b < BANDS; b++) {
        let h = speakerHash;
        for (let r = 0; r < ROWS; r++) h = mix(h, sig[b * ROWS + r]);
        // 30 bits: a small integer in V8, so the tables hold no boxed numbers.
        bands[at + b] = h >>> 2;
      }
      if (classKey >= 0) {
        if (this.serialByClass.size >= CLASSES_KEPT) this.serialByClass.clear();
        this.serialByClass.set(classKey, serial);
      }
    }
    // Statements without words, and groups chosen by hand, are not in the buckets.
    const scanned = words.set.length > 0 && !item.manualKey;
    const entry: Entry = { item, words, serial, day: this.dayOf(item.date), scanned, rootOf: '' };
    this.entries.set(item.id, entry);
    this.bySerial[serial] = entry;
    this.parent[serial] = serial;
    if (scanned) {
      this.speakerBySerial[serial] = speakerNo;
      this.dayBySerial[serial] = entry.day;
    }
    return entry;
  }

  /**
   * The statement joins the groups of its candidates that score at or above the threshold. Candidates: statements
   * sharing at least two bands (a pair as alike as the threshold shares about five), most shared first (ties in the
   * order first met), at most CANDIDATES_MAX of them scored finely: adding stays bounded however crowded a bucket is.
   * `touched` holds them as met, their bands shared in hitCounts (set back to zero here).
   */
  private join(entry: Entry, touched: readonly number[]): void {
    const counts = this.hitCounts;
    const ranked = this.ranked;
    const n = rankCandidates(touched, counts, ranked);
    for (const t of touched) counts[t] = 0;
    const serial = entry.serial;
    const speakerNo = this.speakerBySerial[serial];
    for (let i = 0; i < n; i++) {
      // The speaker and the day first, from flat arrays: most candidates end here without their entry read.
      const t = ranked[i];
      if (this.speakerBySerial[t] !== speakerNo) continue;
      const day = this.dayBySerial[t];
      if (Number.isFinite(day) && Number.isFinite(entry.day) && Math.abs(day - entry.day) > DATE_TOLERANCE_DAYS) continue;
      const o = this.bySerial[t];
      if (!o || o.item.manualKey) continue;
      if (!entriesDatesCompatible(entry, o) || this.find(t) === this.find(serial)) continue;
      if (this.lemmas.score(entry.words, o.words) >= this.threshold) this.union(serial, t);
    }
  }

  /** dayOf, once per distinct date. */
  private dayOf(date: string | undefined): number {
    if (!date) return NaN;
    let day = this.dayByDate.get(date);
    if (day === undefined) {
      if (this.dayByDate.size >= CLASSES_KEPT) this.dayByDate.clear();
      day = dayOf(date);
      this.dayByDate.set(date, day);
    }
    return day;
  }

  /** Speakers by number (statements' speakers compared as numbers). */
  private speakerNo(speaker: string): number {
    let n = this.speakers.get(speaker);
    if (n === undefined) {
      n = this.speakers.size + 1;
      this.speakers.set(speaker, n);
    }
    return n;
  }

  private growSerials(serial: number): void {
    const size = Math.max(serial + 1, this.hitCounts.length * 2);
    const counts = new Uint16Array(size);
    counts.set(this.hitCounts);
    this.hitCounts = counts;
    const speakers = new Int32Array(size);
    speakers.set(this.speakerBySerial);
    this.speakerBySerial = speakers;
    const days = new Float64Array(size);
    days.set(this.dayBySerial);
    this.dayBySerial = days;
    const parent = new Int32Array(size);
    parent.set(this.parent);
    this.parent = parent;
    const keys = new Int32Array(size * BANDS);
    keys.set(this.bandKeys);
    this.bandKeys = keys;
  }

  /** Remove one statement; the groups of its speaker are formed again without it. */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.removeQuietly(id);
    // Union-find cannot split: the speaker's statements are grouped again (the others keep their groups).
    const same = [...this.entries.values()].filter((e) => e.item.speaker === entry.item.speaker).map((e) => e.item);
    for (const item of same) this.removeQuietly(item.id);
    this.addAll(same);
  }

  private removeQuietly(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.scanned) for (let b = 0; b < BANDS; b++) this.buckets.remove(b, this.bandKeys[entry.serial * BANDS + b], entry.serial);
    this.entries.delete(id);
    // Its serial is not used again; the statements of its speaker are grouped again (remove), so no parent points at it.
    this.bySerial[entry.serial] = undefined;
  }

  /** The group of a statement: `m:<key>` for a group chosen by hand, `g:<id of its root>` otherwise. */
  groupOf(id: string): string {
    const e = this.entries.get(id);
    if (!e) return '';
    if (e.item.manualKey) return `m:${e.item.manualKey}`;
    const root = this.bySerial[this.find(e.serial)] as Entry;
    if (root.rootOf === '') root.rootOf = `g:${root.item.id}`;
    return root.rootOf;
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
      const score = this.lemmas.score(e.words, o.words);
      if (score >= this.relatedFrom) out.push({ id: o.item.id, score });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  score(a: string, b: string): number {
    const x = this.entries.get(a);
    const y = this.entries.get(b);
    return x && y ? this.lemmas.score(x.words, y.words) : 0;
  }

  private find(serial: number): number {
    const parent = this.parent;
    let root = serial;
    while (parent[root] !== root) root = parent[root];
    // Path compression.
    for (let at = serial; at !== root; ) {
      const next = parent[at];
      parent[at] = root;
      at = next;
    }
    return root;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id stays the root, whatever the order of adding: the same statements give the same group ids.
    if ((this.bySerial[ra] as Entry).item.id < (this.bySerial[rb] as Entry).item.id) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}
