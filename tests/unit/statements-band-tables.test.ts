import { describe, expect, it } from 'vitest';
import { BandTables } from '../../core/statements/band-tables';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';

/** The same buckets kept the plain way: key -> serials, oldest first. */
class Model {
  private readonly buckets = new Map<string, number[]>();
  scanAndAdd(band: number, key: number, serial: number, limit: number): number[] {
    const k = `${band}:${key}`;
    const bucket = this.buckets.get(k) ?? [];
    const seen = bucket.slice(-limit).reverse();
    bucket.push(serial);
    this.buckets.set(k, bucket);
    return seen;
  }
  remove(band: number, key: number, serial: number): void {
    const bucket = this.buckets.get(`${band}:${key}`);
    const at = bucket?.indexOf(serial) ?? -1;
    if (bucket && at >= 0) bucket.splice(at, 1);
  }
}

describe('band tables: the LSH buckets of the statement grouping in typed arrays', () => {
  it('give the same newest-first buckets as a map of arrays, through growth and removals', () => {
    const random = seededRandom(7);
    const bands = 4;
    const tables = new BandTables(bands, 16);
    const model = new Model();
    const keysOf: number[][] = [];
    const live: number[] = [];
    const counts = new Uint16Array(20_000);
    for (let serial = 0; serial < 20_000; serial++) {
      // Few keys (crowded buckets), some colliding in the low bits (same slot, other key).
      const keys = Array.from({ length: bands }, () => Math.floor(random() * 3000) * (random() < 0.2 ? 1 << 16 : 1));
      keysOf.push(keys);
      const touched: number[] = [];
      tables.scanAndAdd(Int32Array.from(keys), 0, serial, 12, counts, touched);
      // Each serial once, in the order first met band by band; counted once per band it was met in.
      const met = new Map<number, number>();
      for (let b = 0; b < bands; b++) for (const t of model.scanAndAdd(b, keys[b], serial, 12)) met.set(t, (met.get(t) ?? 0) + 1);
      expect(touched).toEqual([...met.keys()]);
      expect(touched.map((t) => counts[t])).toEqual([...met.values()]);
      for (const t of touched) counts[t] = 0;
      live.push(serial);
      if (random() < 0.3) {
        const gone = live.splice(Math.floor(random() * live.length), 1)[0];
        for (let b = 0; b < bands; b++) {
          tables.remove(b, keysOf[gone][b], gone);
          model.remove(b, keysOf[gone][b], gone);
        }
      }
    }
  });

  it('counts a statement met in several bands once in touched, and every time in counts', () => {
    const tables = new BandTables(3);
    const none = new Uint16Array(2);
    tables.scanAndAdd(Int32Array.of(42, 42, 42), 0, 0, 12, none, []);
    const counts = new Uint16Array(2);
    const touched: number[] = [];
    tables.scanAndAdd(Int32Array.of(7, 42, 42, 42), 1, 1, 12, counts, touched);
    expect(touched).toEqual([0]);
    expect(counts[0]).toBe(3);
  });
});
