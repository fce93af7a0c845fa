import { describe, expect, it } from 'vitest';
import { nextCell } from '../../core/analysis/grid-nav';

// Cells with passages in a 4x4 co-occurrence grid (the diagonal never has any).
const cells: Array<[number, number]> = [
  [0, 1],
  [0, 3],
  [1, 0],
  [2, 3],
  [3, 0],
  [3, 2],
];

describe('moving in the co-occurrence grid with the arrow keys', () => {
  it('moves along a row to the next cell with passages, and stays at the end', () => {
    expect(nextCell(cells, 0, 1, 'ArrowRight')).toEqual([0, 3]);
    expect(nextCell(cells, 0, 3, 'ArrowRight')).toBeNull();
    expect(nextCell(cells, 0, 3, 'ArrowLeft')).toEqual([0, 1]);
    expect(nextCell(cells, 1, 0, 'ArrowLeft')).toBeNull();
  });
  it('moves down and up to the nearest row, closest column first', () => {
    expect(nextCell(cells, 0, 3, 'ArrowDown')).toEqual([1, 0]);
    expect(nextCell(cells, 1, 0, 'ArrowDown')).toEqual([2, 3]);
    expect(nextCell(cells, 2, 3, 'ArrowDown')).toEqual([3, 2]);
    expect(nextCell(cells, 3, 2, 'ArrowDown')).toBeNull();
    expect(nextCell(cells, 3, 0, 'ArrowUp')).toEqual([2, 3]);
  });
  it('jumps to the first and last cell of the row with Home and End; other keys do nothing', () => {
    expect(nextCell(cells, 3, 2, 'Home')).toEqual([3, 0]);
    expect(nextCell(cells, 0, 1, 'End')).toEqual([0, 3]);
    expect(nextCell(cells, 0, 1, 'a')).toBeNull();
  });
});
