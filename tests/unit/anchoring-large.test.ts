import { describe, expect, it } from 'vitest';
import { reanchorAll, type AnchorableHighlight } from '../../core/anchoring';
import { makeAnchoringFixture } from '../../scripts/bench/fixtures/anchoring';
import { splitsPair } from './anchoring-helpers';

/** An edit of the old text: `del` code units at `at` replaced by `ins`. */
interface Edit {
  at: number;
  del: number;
  ins: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += text.slice(from, e.at) + e.ins;
    from = e.at + e.del;
  }
  return out + text.slice(from);
}

/**
 * Where an old offset outside every edited stretch goes: text inserted exactly at a highlight's start or end stays
 * outside it.
 */
function mapOffset(edits: readonly Edit[], p: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    const before = e.del === 0 ? (side === 'start' ? e.at <= p : e.at < p) : e.at + e.del <= p;
    if (before) shift += e.ins.length - e.del;
  }
  return p + shift;
}

const overlaps = (h: AnchorableHighlight, a: number, b: number) => h.start < b && h.end > a;
const strictlyInside = (h: AnchorableHighlight, a: number, b: number) => h.start < a && b < h.end;

describe('reanchorAll on a 1 MB article with 5,000 highlights', () => {
  const { text, highlights } = makeAnchoringFixture(2024, 1_000_000, 5000, 0.2);
  const isWordStart = (i: number) => text[i - 1] === ' ' && text[i] !== ' ';

  // Edits near the start: an insertion inside two overlapping highlights, a deleted stretch of about 4,000
  // characters that cuts highlights at both ends, a word replaced inside two overlapping highlights, a paragraph
  // inserted between highlights.
  const holders = (p: number, minLength = 1) =>
    highlights.filter((h) => h.start < p && p < h.end && h.end - h.start >= minLength).length;
  const wordStartFrom = (from: number, ok: (p: number) => boolean) => {
    let p = from;
    while (!isWordStart(p) || !ok(p)) p++;
    return p;
  };
  const insertAt = wordStartFrom(800, (p) => holders(p, 80) >= 2);
  const delStart = wordStartFrom(5_000, (p) => holders(p) >= 1);
  const delEnd = wordStartFrom(9_000, (p) => holders(p) >= 1);
  const wordStart = wordStartFrom(12_000, (p) => holders(p, 60) >= 2 && holders(text.indexOf(' ', p)) >= 2);
  const wordEnd = text.indexOf(' ', wordStart);
  const gap = wordStartFrom(20_000, (p) => holders(p) === 0);
  const edits: Edit[] = [
    { at: insertAt, del: 0, ins: '[Editor’s note — 🙂 added later.] ' },
    { at: delStart, del: delEnd - delStart, ins: '' },
    { at: wordStart, del: wordEnd - wordStart, ins: 'REPLACEMENT' },
    { at: gap, del: 0, ins: '• A new paragraph about the border, with “quotes” — and 🇺🇳.\n\n' },
  ];
  const newText = applyEdits(text, edits);
  const result = reanchorAll(text, newText, highlights);
  const anchored = new Map(result.anchored.map((a) => [a.id, a]));
  const orphans = new Set(result.orphans);

  const [ins, del, word, para] = edits;
  const untouched = highlights.filter(
    (h) =>
      !strictlyInside(h, ins.at, ins.at) &&
      !overlaps(h, del.at, del.at + del.del) &&
      !overlaps(h, word.at, word.at + word.del) &&
      !strictlyInside(h, para.at, para.at),
  );
  const deleted = highlights.filter((h) => h.start >= del.at && h.end <= del.at + del.del);
  const grown = highlights.filter(
    (h) => strictlyInside(h, ins.at, ins.at) || (h.start < word.at && word.at + word.del < h.end),
  );
  const straddling = highlights.filter((h) => overlaps(h, del.at, del.at + del.del) && !deleted.includes(h));

  it('has highlights in every situation the edits create, 20% of them overlapping others', () => {
    expect(text.length).toBeGreaterThan(900_000);
    expect(highlights).toHaveLength(5000);
    expect(untouched.length).toBeGreaterThan(4900);
    expect(deleted.length).toBeGreaterThan(5);
    expect(grown.length).toBeGreaterThanOrEqual(4);
    expect(straddling.length).toBeGreaterThanOrEqual(2);
    expect(untouched.length + deleted.length + grown.length + straddling.length).toBe(5000);
  });

  it('moves every untouched highlight to its shifted place, by position, with its quote unchanged', () => {
    const wrong = untouched.filter((h) => {
      const a = anchored.get(h.id);
      return (
        !a ||
        a.method !== 'position' ||
        a.start !== mapOffset(edits, h.start, 'start') ||
        a.end !== mapOffset(edits, h.end, 'end') ||
        a.quote.exact !== h.quote.exact
      );
    });
    expect(wrong.map((h) => h.id)).toEqual([]);
  });

  it('grows a highlight over an insertion or replacement inside it', () => {
    for (const h of grown) {
      expect(anchored.get(h.id)).toMatchObject({
        start: mapOffset(edits, h.start, 'start'),
        end: mapOffset(edits, h.end, 'end'),
        method: 'fuzzy',
      });
    }
  });

  it('makes every highlight inside the deleted stretch an orphan', () => {
    expect(deleted.filter((h) => !orphans.has(h.id)).map((h) => h.id)).toEqual([]);
    expect(result.orphans.length).toBeLessThanOrEqual(deleted.length + straddling.length);
  });

  it('keeps a highlight cut by the deletion on what survives of it (within its error budget), or orphans it', () => {
    const deletionPoint = mapOffset(edits, del.at, 'end');
    for (const h of straddling) {
      const a = anchored.get(h.id);
      if (!a) continue;
      const survivorStart = h.start < del.at ? mapOffset(edits, h.start, 'start') : deletionPoint;
      const survivorEnd = h.end > del.at + del.del ? mapOffset(edits, h.end, 'end') : deletionPoint;
      const budget = Math.floor((h.end - h.start) / 4);
      expect(a.start).toBeGreaterThanOrEqual(survivorStart - budget);
      expect(a.end).toBeLessThanOrEqual(survivorEnd + budget);
      const overlap = Math.min(a.end, survivorEnd) - Math.max(a.start, survivorStart);
      expect(overlap).toBeGreaterThanOrEqual((survivorEnd - survivorStart) / 2);
    }
  });

  it('returns quotes that describe the new text, with offsets on code point boundaries', () => {
    for (const a of result.anchored) {
      if (a.quote.exact !== newText.slice(a.start, a.end)) throw new Error(`${a.id}: quote is not the new text`);
      if (!newText.startsWith(a.quote.prefix, a.start - a.quote.prefix.length)) throw new Error(`${a.id}: prefix`);
      if (!newText.startsWith(a.quote.suffix, a.end)) throw new Error(`${a.id}: suffix`);
      if (splitsPair(newText, a.start) || splitsPair(newText, a.end)) throw new Error(`${a.id}: splits a pair`);
    }
    expect(result.anchored.length + result.orphans.length).toBe(5000);
  });
});
