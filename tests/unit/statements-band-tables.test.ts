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

  it('walks many statements band by band exactly as one by one, through growth and removals between batches', () => {
    const random = seededRandom(9);
    const bands = 4;
    const one = new BandTables(bands, 16);
    const many = new BandTables(bands, 16);
    const keys = new Int32Array(6000 * bands);
    const counts = new Uint16Array(6000);
    const visits = { seen: new Int32Array(0), starts: new Int32Array(0) };
    let serial = 0;
    while (serial < 6000) {
      const n = 1 + Math.floor(random() * 700);
      const serials = Int32Array.from({ length: Math.min(n, 6000 - serial) }, (_, k) => serial + k);
      for (const s of serials) for (let b = 0; b < bands; b++) keys[s * bands + b] = Math.floor(random() * 60) * (random() < 0.2 ? 1 << 16 : 1);
      // One by one: what each counted, in the order first met, and how many times.
      const met: Array<Array<[number, number]>> = [];
      for (const s of serials) {
        const touched: number[] = [];
        one.scanAndAdd(keys, s * bands, s, 12, counts, touched);
        met.push(touched.map((t) => [t, counts[t]]));
        for (const t of touched) counts[t] = 0;
      }
      many.scanAndAddMany(keys, serials, serials.length, 12, visits);
      // The same from the walks written band by band, counted as the grouper counts them.
      const m = serials.length;
      let walked = 0;
      for (let k = 0; k < m; k++) {
        const seen = new Map<number, number>();
        for (let b = 0; b < bands; b++) {
          for (let v = visits.starts[b * (m + 1) + k]; v < visits.starts[b * (m + 1) + k + 1]; v++) seen.set(visits.seen[v], (seen.get(visits.seen[v]) ?? 0) + 1);
          walked += visits.starts[b * (m + 1) + k + 1] - visits.starts[b * (m + 1) + k];
        }
        expect([...seen]).toEqual(met[k]);
      }
      expect(walked).toBeGreaterThan(m);
      serial += m;
      // Some go, from both.
      for (let r = 0; r < 20; r++) {
        const gone = Math.floor(random() * serial);
        for (let b = 0; b < bands; b++) many.remove(b, keys[gone * bands + b], gone);
        for (let b = 0; b < bands; b++) one.remove(b, keys[gone * bands + b], gone);
      }
    }
  });
});
