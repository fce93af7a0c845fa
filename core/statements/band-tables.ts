/**
 * The LSH buckets of the statement grouping (grouping.ts), in typed arrays: one open-addressed table per band maps a
 * band key to the newest statement with that key, and each statement links, per band, to the next older one with
 * the same key. A hundred thousand statements in 32 bands are 3.2 million bucket entries: as Map entries and arrays
 * they cost most of the grouping's time and memory; here they are a few flat arrays and no garbage.
 *
 * Each band's table and links are arrays of their own, so that many statements added at once (scanAndAddMany) are
 * worked band by band: one band's arrays fit the processor's cache, where all bands' do not.
 *
 * Statements are numbered (serials, from 0). Keys are 30-bit hashes, 0 to 2^30 - 1 (spread already, so the slot is
 * the low bits).
 */
export class BandTables {
  /** Per band, the slots in its table (a power of two). */
  private readonly sizes: Int32Array;
  /**
   * Per band, two numbers per slot (side by side: one cache line brings both): the key (-1: empty) and the newest
   * statement with it (serial + 1; 0: none).
   */
  private readonly slots: Int32Array[];
  private readonly used: Int32Array;
  /** next[band][serial]: the next older statement in that bucket (serial + 1; 0: none). */
  private readonly next: Int32Array[];
  /** The slot of each band's key for the statement being added (-1: not there yet). */
  private readonly found: Int32Array;
  /** Where the links read ahead go (kept, so the reads are not dropped as unused). */
  private ahead = 0;

  constructor(
    private readonly bands: number,
    initialSize = 1024,
  ) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, initialSize)));
    this.sizes = new Int32Array(bands).fill(size);
    this.slots = Array.from({ length: bands }, () => BandTables.emptySlots(size));
    this.used = new Int32Array(bands);
    this.next = Array.from({ length: bands }, () => new Int32Array(1024));
    this.found = new Int32Array(bands);
  }

  private static emptySlots(size: number): Int32Array {
    const slots = new Int32Array(size * 2);
    for (let i = 0; i < slots.length; i += 2) slots[i] = -1;
    return slots;
  }

  /**
   * For each band b, count the statements in the bucket of keys[at + b], newest first, at most `limit` of them, in
   * `counts` (by serial; each serial counted for the first time is added to `touched`, in band order); then put
   * `serial` in each of those buckets as its newest.
   *
   * Every band's slot is looked up first, then the buckets are walked: the lookups do not wait on each other, so the
   * processor overlaps their cache misses.
   */
  scanAndAdd(keys: Int32Array, at: number, serial: number, limit: number, counts: Uint16Array, touched: number[]): void {
    this.room(serial);
    const bands = this.bands;
    // Room first: each band claims at most one key here, so no slot moves between the lookups and the walk.
    for (let b = 0; b < bands; b++) if ((this.used[b] + 1) * 2 > this.sizes[b]) this.grow(b);
    const found = this.found;
    for (let b = 0; b < bands; b++) found[b] = this.slotOf(b, keys[at + b]);
    // And each bucket's newest statement's link, read once ahead for the same reason.
    let ahead = 0;
    for (let b = 0; b < bands; b++) {
      const head = found[b] >= 0 ? this.slots[b][found[b] * 2 + 1] : 0;
      if (head !== 0) ahead |= this.next[b][head - 1];
    }
    this.ahead = ahead;
    for (let b = 0; b < bands; b++) {
      const slot = found[b] >= 0 ? found[b] : this.claim(b, keys[at + b]);
      const slots = this.slots[b];
      const next = this.next[b];
      const head = slots[slot * 2 + 1];
      for (let node = head, n = 0; node !== 0 && n < limit; node = next[node - 1], n++) {
        if (counts[node - 1]++ === 0) touched.push(node - 1);
      }
      next[serial] = head;
      slots[slot * 2 + 1] = serial + 1;
    }
  }

  /**
   * scanAndAdd for each of `serials` in turn (their keys at keys[serial * bands + b]), worked band by band. What each
   * met is written instead of counted: statement k's walk in band b is visits.seen[visits.starts[b * (n + 1) + k]]
   * up to visits.seen[visits.starts[b * (n + 1) + k + 1]], newest first, exactly as scanAndAdd would walk it.
   */
  scanAndAddMany(keys: Int32Array, serials: Int32Array, n: number, limit: number, visits: BandVisits): void {
    const bands = this.bands;
    if (n > 0) this.room(serials[n - 1]);
    if (visits.starts.length < bands * (n + 1)) visits.starts = new Int32Array(bands * (n + 1));
    const starts = visits.starts;
    let seen = visits.seen;
    let w = 0;
    for (let b = 0; b < bands; b++) {
      const next = this.next[b];
      for (let k = 0; k < n; k++) {
        starts[b * (n + 1) + k] = w;
        if (seen.length < w + limit) {
          const grown = new Int32Array(Math.max(seen.length * 2, w + limit, 1024));
          grown.set(seen.subarray(0, w));
          seen = grown;
        }
        const serial = serials[k];
        const key = keys[serial * bands + b];
        if ((this.used[b] + 1) * 2 > this.sizes[b]) this.grow(b);
        let slot = this.slotOf(b, key);
        if (slot < 0) slot = this.claim(b, key);
        const slots = this.slots[b];
        const head = slots[slot * 2 + 1];
        for (let node = head, c = 0; node !== 0 && c < limit; node = next[node - 1], c++) seen[w++] = node - 1;
        next[serial] = head;
        slots[slot * 2 + 1] = serial + 1;
      }
      starts[b * (n + 1) + n] = w;
    }
    visits.seen = seen;
  }

  /** Take `serial` out of the bucket of `key` in `band`. */
  remove(band: number, key: number, serial: number): void {
    const slot = this.slotOf(band, key);
    if (slot < 0) return;
    const slots = this.slots[band];
    const next = this.next[band];
    if (slots[slot * 2 + 1] === serial + 1) {
      slots[slot * 2 + 1] = next[serial];
      return;
    }
    for (let node = slots[slot * 2 + 1]; node !== 0; node = next[node - 1]) {
      if (next[node - 1] === serial + 1) {
        next[node - 1] = next[serial];
        return;
      }
    }
  }

  /** The slot holding `key` in `band`, or -1. */
  private slotOf(band: number, key: number): number {
    const slots = this.slots[band];
    const mask = this.sizes[band] - 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const k = slots[slot * 2];
      if (k === key) return slot;
      if (k === -1) return -1;
    }
  }

  private claim(band: number, key: number): number {
    const slots = this.slots[band];
    const mask = this.sizes[band] - 1;
    let slot = key & mask;
    while (slots[slot * 2] !== -1) slot = (slot + 1) & mask;
    slots[slot * 2] = key;
    this.used[band]++;
    return slot;
  }

  /** Twice the slots in one band, each key placed again with its bucket. */
  private grow(band: number): void {
    const old = this.slots[band];
    this.sizes[band] *= 2;
    this.slots[band] = BandTables.emptySlots(this.sizes[band]);
    this.used[band] = 0;
    for (let i = 0; i < old.length; i += 2) {
      // An emptied bucket's key is dropped here.
      if (old[i] === -1 || old[i + 1] === 0) continue;
      this.slots[band][this.claim(band, old[i]) * 2 + 1] = old[i + 1];
    }
  }

  private room(serial: number): void {
    if (this.next[0].length > serial) return;
    const size = Math.max(serial + 1, this.next[0].length * 2);
    for (let b = 0; b < this.bands; b++) {
      const grown = new Int32Array(size);
      grown.set(this.next[b]);
      this.next[b] = grown;
    }
  }
}

/** What scanAndAddMany met, band by band (buffers reused from one call to the next). */
export interface BandVisits {
  seen: Int32Array;
  starts: Int32Array;
}
