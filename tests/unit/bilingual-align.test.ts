/** Paragraph alignment of an original and its translation (issue 18). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignParagraphs, rowOf, type Paragraph } from '../../core/bilingual/align';
import { splitParagraphs } from '../../core/text';

const dir = join(__dirname, '..', 'fixtures', 'russian');
const paragraphs = (text: string): Paragraph[] => splitParagraphs(text).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const ru = paragraphs(readFileSync(join(dir, 'csto-article.txt'), 'utf8'));
const en = paragraphs(readFileSync(join(dir, 'csto-article.en.txt'), 'utf8'));

describe('paragraph alignment', () => {
  it('pairs the Russian article with its English translation, the split paragraph included', () => {
    const rows = alignParagraphs(ru, en);
    // The translation split the third paragraph (Rahmon ... / Putin supported ...) in two.
    expect(rows.map((r) => [r.a, r.b])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2, 3]],
      [[3], [4]],
      [[4], [5]],
      [[5], [6]],
      [[6], [7]],
      [[7], [8]],
    ]);
    expect(rowOf(rows, 'b', 3)?.a).toEqual([2]);
    expect(rowOf(rows, 'a', 5)?.b).toEqual([6]);
  });

  it('leaves a paragraph the other side lacks on its own', () => {
    const extra = [...en.slice(0, 4), { start: 0, end: 30, text: 'An editor’s note, 2021, 999.' }, ...en.slice(4)];
    const rows = alignParagraphs(ru, extra);
    expect(rows.some((r) => r.a.length === 0 && r.b.includes(4))).toBe(true);
    expect(rowOf(rows, 'a', 7)?.b).toEqual([9]);
  });

  it('empty sides and very many paragraphs stay bounded', () => {
    expect(alignParagraphs([], [])).toEqual([]);
    expect(alignParagraphs(ru, []).every((r) => r.b.length === 0)).toBe(true);
    const many = Array.from({ length: 2100 }, (_, i) => ({ start: i, end: i + 1, text: `Paragraph ${i}.` }));
    const rows = alignParagraphs(many.slice(0, 2050), many);
    expect(rows.filter((r) => r.a.length === 1 && r.b.length === 1 && r.a[0] === r.b[0]).length).toBeGreaterThan(1900);
  });
});
