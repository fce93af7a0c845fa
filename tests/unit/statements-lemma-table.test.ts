import { describe, expect, it } from 'vitest';
import { LemmaTable } from '../../core/statements/lemma-table';
import { lemmas } from '../../core/statements/normalise';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';

/** The score worked out the plain way, on strings and Sets (what the ids stand for). */
function plainScore(x: string, y: string): number {
  const a = lemmas(x);
  const b = lemmas(y);
  const as = new Set(a);
  const bs = new Set(b);
  if (as.size === 0 || bs.size === 0) return 0;
  let shared = 0;
  for (const w of as) if (bs.has(w)) shared++;
  const cosine = shared / Math.sqrt(as.size * bs.size);
  const p = a.slice(0, 200);
  const q = b.slice(0, 200);
  const table = Array.from({ length: p.length + 1 }, () => new Array<number>(q.length + 1).fill(0));
  for (let i = 1; i <= p.length; i++) for (let j = 1; j <= q.length; j++) table[i][j] = p[i - 1] === q[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
  const ordered = table[p.length][q.length] / Math.max(a.length, b.length, 1);
  return 0.7 * cosine + 0.3 * Math.min(1, ordered);
}

const WORDS = 'terrorists militants refugees border drugs Russia Afghanistan CIS territory threat penetrate disguised guise the of and in Taliban groups visa plan'.split(' ');

describe('lemma table: statements as word ids', () => {
  it('scores pairs exactly as the same words compared as strings would', () => {
    const random = seededRandom(3);
    const table = new LemmaTable();
    const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    for (let k = 0; k < 300; k++) {
      // Long ones too: the in-order alignment stops at 200 words.
      const x = text(1 + Math.floor(random() * (k % 10 === 0 ? 400 : 20)));
      const y = text(Math.floor(random() * 20));
      expect(table.score(table.words(x), table.words(y))).toBe(plainScore(x, y));
    }
  });

  it('keeps each distinct lemma once in the set, first met first', () => {
    const table = new LemmaTable();
    const w = table.words('Militants and terrorists crossed borders; the border was crossed');
    expect(w.seq.length).toBe(lemmas('Militants and terrorists crossed borders; the border was crossed').length);
    expect(w.set).toEqual([...new Set(w.seq)]);
  });

  it('gives the same signature for the same words in any order and repeated', () => {
    const table = new LemmaTable();
    const sig = (t: string) => Array.from(table.signatureInto(new Uint32Array(96), table.words(t).set));
    expect(sig('refugees cross the border with drugs')).toEqual(sig('drugs, border, refugees cross cross'));
    expect(sig('refugees cross the border')).not.toEqual(sig('militants plan attacks'));
  });

  it('numbers sets: the same number exactly for the same distinct lemmas, whatever the order, repeats or text', () => {
    const random = seededRandom(11);
    const table = new LemmaTable();
    const byNo = new Map<number, string>();
    const byKey = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      // A small vocabulary and short texts: many texts share a set, some are the same text again.
      const text = Array.from({ length: 1 + Math.floor(random() * 4) }, () => WORDS[Math.floor(random() * 8)]).join(random() < 0.5 ? ' ' : ', ');
      const w = table.words(text);
      const key = [...new Set(lemmas(text))].sort().join(' ');
      expect(byNo.get(w.setNo) ?? key).toBe(key);
      expect(byKey.get(key) ?? w.setNo).toBe(w.setNo);
      byNo.set(w.setNo, key);
      byKey.set(key, w.setNo);
      expect(table.words(text)).toBe(w);
    }
    expect(byKey.size).toBeGreaterThan(50);
  });
});
