/**
 * Word precision and recall of an extracted text against the article's own text (bags of words, lower case):
 * precision is the share of extracted words that belong to the article, recall the share of the article's words
 * that were extracted. The extraction benchmark's measure.
 */

const words = (text: string): Map<string, number> => {
  const bag = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
};

const size = (bag: Map<string, number>): number => [...bag.values()].reduce((a, b) => a + b, 0);

export function wordOverlap(extracted: string, gold: string): { precision: number; recall: number; extractedWords: number; goldWords: number } {
  const e = words(extracted);
  const g = words(gold);
  let common = 0;
  for (const [w, n] of e) common += Math.min(n, g.get(w) ?? 0);
  const ne = size(e);
  const ng = size(g);
  return { precision: ne ? common / ne : 0, recall: ng ? common / ng : 1, extractedWords: ne, goldWords: ng };
}
