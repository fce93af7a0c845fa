/** Keyboard movement in the co-occurrence grid (one roving Tab stop): pure, so it is tested without a browser. */

/** The cell an arrow key (or Home / End) moves to from [i, j], among the cells that can be opened; null: stay. */
export function nextCell(cells: Array<[number, number]>, i: number, j: number, key: string): [number, number] | null {
  const inRow = cells.filter(([a]) => a === i);
  const pick = (list: Array<[number, number]>, score: (c: [number, number]) => number) => (list.length ? list.reduce((best, c) => (score(c) < score(best) ? c : best)) : null);
  switch (key) {
    case 'ArrowRight':
      return pick(inRow.filter(([, b]) => b > j), ([, b]) => b - j);
    case 'ArrowLeft':
      return pick(inRow.filter(([, b]) => b < j), ([, b]) => j - b);
    case 'ArrowDown':
      return pick(cells.filter(([a]) => a > i), ([a, b]) => (a - i) * 1000 + Math.abs(b - j));
    case 'ArrowUp':
      return pick(cells.filter(([a]) => a < i), ([a, b]) => (i - a) * 1000 + Math.abs(b - j));
    case 'Home':
      return inRow[0] ?? null;
    case 'End':
      return inRow[inRow.length - 1] ?? null;
    default:
      return null;
  }
}
