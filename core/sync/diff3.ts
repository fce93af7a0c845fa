/**
 * A three-way merge of two edited copies of a list (the blocks of a note), against their common base: what only one
 * side changed is taken, what both changed alike is taken once, and where both changed the same stretch differently
 * both versions are returned as a conflict. Items are compared by a key (a block's stable JSON).
 */

export type Diff3Chunk<T> = { kind: 'ok'; items: T[] } | { kind: 'conflict'; base: T[]; ours: T[]; theirs: T[] };

/** Index pairs of a longest common subsequence of `a` and `b` (by key), in order. O(|a|·|b|) memory for the table. */
function lcsPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  // Strip the common prefix and suffix first: notes mostly change in one place.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[start + i] === b[start + j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      pairs.push([start + i, start + j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** Merge `ours` and `theirs`, both edited from `base`. */
export function diff3<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], key: (item: T) => string): Diff3Chunk<T>[] {
  const kb = base.map(key);
  const ko = ours.map(key);
  const kt = theirs.map(key);
  // Base positions kept by both sides are the stable anchors; between two anchors each side may have changed.
  const toOurs = new Map(lcsPairs(kb, ko));
  const toTheirs = new Map(lcsPairs(kb, kt));
  const chunks: Diff3Chunk<T>[] = [];
  const push = (chunk: Diff3Chunk<T>) => {
    if (chunk.kind === 'ok' && chunk.items.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (chunk.kind === 'ok' && last?.kind === 'ok') last.items.push(...chunk.items);
    else chunks.push(chunk);
  };
  let b = 0;
  let o = 0;
  let t = 0;
  const anchors: Array<[number, number, number]> = [];
  for (let i = 0; i < base.length; i++) {
    const io = toOurs.get(i);
    const it = toTheirs.get(i);
    if (io !== undefined && it !== undefined) anchors.push([i, io, it]);
  }
  anchors.push([base.length, ours.length, theirs.length]);
  for (const [ab, ao, at] of anchors) {
    const baseGap = base.slice(b, ab);
    const oursGap = ours.slice(o, ao);
    const theirsGap = theirs.slice(t, at);
    const same = (x: readonly T[], y: readonly T[]) => x.length === y.length && x.every((item, k) => key(item) === key(y[k]));
    if (same(oursGap, theirsGap)) push({ kind: 'ok', items: [...oursGap] });
    else if (same(baseGap, oursGap)) push({ kind: 'ok', items: [...theirsGap] });
    else if (same(baseGap, theirsGap)) push({ kind: 'ok', items: [...oursGap] });
    else chunks.push({ kind: 'conflict', base: baseGap, ours: oursGap, theirs: theirsGap });
    if (ab < base.length) push({ kind: 'ok', items: [ours[ao]] });
    b = ab + 1;
    o = ao + 1;
    t = at + 1;
  }
  return chunks;
}
