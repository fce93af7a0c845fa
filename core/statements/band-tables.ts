/**
 * The LSH buckets of the statement grouping (grouping.ts), in typed arrays: one open-addressed table per band maps a
 * band key to the newest statement with that key, and each statement links, per band, to the next older one with
 * the same key. A hundred thousand statements in 32 bands are 3.2 million bucket entries: as Map entries and arrays
 * they cost most of the grouping's time and memory; here they are a few flat arrays and no garbage.
 *
 * Statements are numbered (serials, from 0). Keys are 30-bit hashes, 0 to 2^30 - 1 (spread already, so the slot is
 * the low bits).
 */
export class BandTables {
  private size: number;
  private mask: number;
  /**
   * Per band, two numbers per slot (side by side: one cache line brings both): the key (-1: empty) and the newest
   * statement with it (serial + 1; 0: none).
   */
  private slots: Int32Array[];
  private used: number[];
  /** next[serial * bands + band]: the next older statement in that bucket (serial + 1; 0: none). */
  private next = new Int32Array(0);
  /** The slot of each band's key for the statement being added (-1: not there yet). */
  private readonly found: Int32Array;
  /** Where the links read ahead go (kept, so the reads are not dropped as unused). */
  private ahead = 0;

  constructor(
    private readonly bands: number,
    initialSize = 1024,
  ) {
    this.size = 1 << Math.ceil(Math.log2(Math.max(16, initialSize)));
    this.mask = this.size - 1;
    this.slots = Array.from({ length: bands }, () => BandTables.emptySlots(this.size));
    this.used = new Array<number>(bands).fill(0);
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
   * processor overlaps their cache misses (the tables are megabytes; this is most of the grouping's time).
   */
  scanAndAdd(keys: Int32Array, at: number, serial: number, limit: number, counts: Uint16Array, touched: number[]): void {
    this.room(serial);
    // Room first: each band claims at most one key here, so no slot moves between the lookups and the walk.
    for (let b = 0; b < this.bands; b++) {
      if ((this.used[b] + 1) * 2 > this.size) {
        this.grow();
        break;
      }
    }
    // The fields in locals: the walk below calls touched.push, after which the engine would read them again.
    const bands = this.bands;
    const next = this.next;
    const found = this.found;
    for (let b = 0; b < bands; b++) found[b] = this.slotOf(b, keys[at + b]);
    // And each bucket's newest statement's link, read once ahead for the same reason.
    let ahead = 0;
    for (let b = 0; b < bands; b++) {
      const head = found[b] >= 0 ? this.slots[b][found[b] * 2 + 1] : 0;
      if (head !== 0) ahead |= next[(head - 1) * bands + b];
    }
    this.ahead = ahead;
    for (let b = 0; b < bands; b++) {
      const slot = found[b] >= 0 ? found[b] : this.claim(b, keys[at + b]);
      const slots = this.slots[b];
      const head = slots[slot * 2 + 1];
      for (let node = head, n = 0; node !== 0 && n < limit; node = next[(node - 1) * bands + b], n++) {
        if (counts[node - 1]++ === 0) touched.push(node - 1);
      }
      next[serial * bands + b] = head;
      slots[slot * 2 + 1] = serial + 1;
    }
  }

  /** Take `serial` out of the bucket of `key` in `band`. */
  remove(band: number, key: number, serial: number): void {
    const slot = this.slotOf(band, key);
    if (slot < 0) return;
    const slots = this.slots[band];
    const at = (s: number) => s * this.bands + band;
    if (slots[slot * 2 + 1] === serial + 1) {
      slots[slot * 2 + 1] = this.next[at(serial)];
      return;
    }
    for (let node = slots[slot * 2 + 1]; node !== 0; node = this.next[at(node - 1)]) {
      if (this.next[at(node - 1)] === serial + 1) {
        this.next[at(node - 1)] = this.next[at(serial)];
        return;
      }
    }
  }

  /** The slot holding `key` in `band`, or -1. */
  private slotOf(band: number, key: number): number {
    const slots = this.slots[band];
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = slots[slot * 2];
      if (k === key) return slot;
      if (k === -1) return -1;
    }
  }

  private claim(band: number, key: number): number {
    const slots = this.slots[band];
    let slot = key & this.mask;
    while (slots[slot * 2] !== -1) slot = (slot + 1) & this.mask;
    slots[slot * 2] = key;
    this.used[band]++;
    return slot;
  }

  /** Twice the slots in every band, each key placed again with its bucket. */
  private grow(): void {
    const old = this.slots;
    this.size *= 2;
    this.mask = this.size - 1;
    this.slots = Array.from({ length: this.bands }, () => BandTables.emptySlots(this.size));
    this.used.fill(0);
    for (let b = 0; b < this.bands; b++) {
      for (let i = 0; i < old[b].length; i += 2) {
        // An emptied bucket's key is dropped here.
        if (old[b][i] === -1 || old[b][i + 1] === 0) continue;
        this.slots[b][this.claim(b, old[b][i]) * 2 + 1] = old[b][i + 1];
      }
    }
  }

  private room(serial: number): void {
    const needed = (serial + 1) * this.bands;
    if (this.next.length >= needed) return;
    const grown = new Int32Array(Math.max(needed, this.next.length * 2, 1024 * this.bands));
    grown.set(this.next);
    this.next = grown;
  }
}
