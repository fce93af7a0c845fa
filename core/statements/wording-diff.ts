/**
 * Two wordings of one statement side by side: each word marked as shared or different (a longest common subsequence
 * over words compared without case and punctuation). Bounded: at most 400 words a side are aligned. Pure.
 */
export interface WordPiece {
  text: string;
  changed: boolean;
}

const key = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function wordingDiff(a: string, b: string): { a: WordPiece[]; b: WordPiece[] } {
  const wa = a.split(/(\s+)/).filter((w) => w.length > 0);
  const wb = b.split(/(\s+)/).filter((w) => w.length > 0);
  const ta = wa.filter((w) => /\S/.test(w)).slice(0, 400);
  const tb = wb.filter((w) => /\S/.test(w)).slice(0, 400);
  const n = ta.length;
  const m = tb.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = key(ta[i]) === key(tb[j]) && key(ta[i]) !== '' ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const sameA = new Set<number>();
  const sameB = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (key(ta[i]) === key(tb[j]) && key(ta[i]) !== '') {
      sameA.add(i++);
      sameB.add(j++);
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  const mark = (words: string[], same: Set<number>): WordPiece[] => {
    let k = 0;
    return words.map((w) => (/\S/.test(w) ? { text: w, changed: !same.has(k++) } : { text: w, changed: false }));
  };
  return { a: mark(wa, sameA), b: mark(wb, sameB) };
}
