/**
 * Paragraph alignment of an original and its translation, for side-by-side reading (issue 18).
 *
 * Dynamic programming over the two paragraph lists (as Gale and Church align sentences): each step pairs one
 * paragraph with one (1-1), or one with two (1-2, 2-1: a translator split or joined a paragraph), or leaves one out
 * (1-0, 0-1: a paragraph the other side lacks). A pairing costs more the further its length ratio is from the texts'
 * overall ratio, and less the more names (in any script, through name keys) and numbers the paragraphs share.
 * Only a band around the diagonal is searched (BAND paragraphs either side), so the work is O(n·BAND); beyond
 * MAX_PARAGRAPHS a side, paragraphs pair in order.
 */
import { wordKeys } from '../names/name-key';

export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** One row of the aligned view: paragraph indexes of each side (one or two; none for a paragraph without match). */
export interface AlignedRow {
  a: number[];
  b: number[];
}

export const MAX_PARAGRAPHS = 2000;

const NUMBER = /\d+(?:[.,]\d+)?/g;
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]{2,}/gu;

/** What two paragraphs can share: numbers as written, names by their phonetic keys (Путин = Putin). */
function anchors(text: string): Set<string> {
  const out = new Set<string>();
  for (const n of text.match(NUMBER) ?? []) out.add('#' + n.replace(',', '.'));
  for (const w of text.match(CAPITALISED) ?? []) {
    const k = wordKeys(w);
    for (const key of k.stems.length ? k.stems : k.full) out.add(key);
  }
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Leaving a paragraph unmatched: cheap for a short one (a caption, a note), dear for a long one. */
const skipCost = (length: number): number => 2 + 4 * Math.min(1, length / 300);
const BAND = 30;
const SPLIT = 1.5;

export function alignParagraphs(a: readonly Paragraph[], b: readonly Paragraph[]): AlignedRow[] {
  const n = Math.min(a.length, MAX_PARAGRAPHS);
  const m = Math.min(b.length, MAX_PARAGRAPHS);
  const lenA = a.slice(0, n).reduce((s, p) => s + p.text.length, 0) || 1;
  const lenB = b.slice(0, m).reduce((s, p) => s + p.text.length, 0) || 1;
  const ratio = lenB / lenA;
  const ka = a.slice(0, n).map((p) => anchors(p.text));
  const kb = b.slice(0, m).map((p) => anchors(p.text));
  const union = (sets: Set<string>[]): Set<string> => (sets.length === 1 ? sets[0] : new Set(sets.flatMap((s) => [...s])));
  const pairCost = (ai: number[], bi: number[]): number => {
    const la = ai.reduce((s, i) => s + a[i].text.length, 0) * ratio + 10;
    const lb = bi.reduce((s, i) => s + b[i].text.length, 0) + 10;
    const lengthCost = Math.abs(Math.log(la / lb)) * 4;
    const sa = union(ai.map((i) => ka[i]));
    const sb = union(bi.map((i) => kb[i]));
    const common = shared(sa, sb);
    const possible = Math.max(1, Math.min(sa.size, sb.size));
    // A paragraph joined to another must share a name or number with the other side: an inserted note does not.
    let orphanPart = 0;
    if (ai.length > 1) for (const i of ai) if (ka[i].size > 0 || a[i].text.length < 80) orphanPart += shared(ka[i], sb) === 0 ? 4 : 0;
    if (bi.length > 1) for (const j of bi) if (kb[j].size > 0 || b[j].text.length < 80) orphanPart += shared(kb[j], sa) === 0 ? 4 : 0;
    return lengthCost - 3 * (common / possible) + (ai.length + bi.length > 2 ? SPLIT : 0) + orphanPart;
  };
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  const back = new Uint8Array((n + 1) * W);
  cost[0] = 0;
  const moves: Array<[number, number]> = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1]];
  for (let i = 0; i <= n; i++) {
    const centre = n === 0 ? 0 : Math.round((i * m) / n);
    for (let j = Math.max(0, centre - BAND); j <= Math.min(m, centre + BAND); j++) {
      const here = cost[i * W + j];
      if (here === Infinity) continue;
      moves.forEach(([di, dj], k) => {
        const ni = i + di;
        const nj = j + dj;
        if (ni > n || nj > m) return;
        const c =
          di === 0 || dj === 0
            ? skipCost(di === 0 ? b[j].text.length : a[i].text.length)
            : pairCost(Array.from({ length: di }, (_, x) => i + x), Array.from({ length: dj }, (_, x) => j + x));
        if (here + c < cost[ni * W + nj]) {
          cost[ni * W + nj] = here + c;
          back[ni * W + nj] = k;
        }
      });
    }
  }
  const rows: AlignedRow[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = moves[back[i * W + j]];
    rows.push({ a: Array.from({ length: di }, (_, x) => i - di + x), b: Array.from({ length: dj }, (_, x) => j - dj + x) });
    i -= di;
    j -= dj;
  }
  rows.reverse();
  // Paragraphs past the bound pair in order.
  for (let k = 0; n + k < a.length || m + k < b.length; k++) rows.push({ a: n + k < a.length ? [n + k] : [], b: m + k < b.length ? [m + k] : [] });
  return rows;
}

/** The row holding paragraph `index` of one side. */
export function rowOf(rows: readonly AlignedRow[], side: 'a' | 'b', index: number): AlignedRow | undefined {
  return rows.find((r) => r[side].includes(index));
}
