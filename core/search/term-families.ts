/**
 * Families of index terms that a query word also finds:
 *  - the same stem, by the word's language (Russian Snowball for Cyrillic words, English Snowball for Latin ones):
 *    "беженцев" finds "беженцы", "refugee" finds "refugees";
 *  - the same name in the other script or another transliteration (core/names/name-key.ts): "shoigu" finds "шойгу"
 *    and "shoygu"; those hits rank below the query's own spelling and are marked.
 * The language of a word is read from its letters: a Cyrillic word in an English paragraph is still Russian, which is
 * what a per-paragraph detection would decide for the words that matter here (names and Russian text).
 * Built lazily over the index vocabulary and brought up to date with new terms at each query. Pure.
 */
import snowball from 'snowball-stemmers';
import { wordKeys, wordsMatch } from '../names/name-key';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const CYRILLIC = /[\u0400-\u04ff]/;
const LETTERS = /^[\p{L}\p{M}]+$/u;

export function stemOf(word: string): string {
  return CYRILLIC.test(word) ? 'ru:' + russian.stem(word) : 'en:' + english.stem(word);
}

export interface TermSource {
  readonly termCount: number;
  termAt(id: number): string;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export class TermFamilies {
  private byStem = new Map<string, number[]>();
  private byKey = new Map<string, number[]>();
  private stemmed = 0;
  private keyed = 0;

  constructor(private readonly terms: TermSource) {}

  /** Terms with the word's stem (the word itself left out); words of 4 letters or more. */
  sameStem(word: string): string[] {
    if (word.length < 4 || !LETTERS.test(word)) return [];
    for (; this.stemmed < this.terms.termCount; this.stemmed++) {
      const t = this.terms.termAt(this.stemmed);
      if (t.length >= 3 && LETTERS.test(t)) push(this.byStem, stemOf(t), this.stemmed);
    }
    return (this.byStem.get(stemOf(word)) ?? []).map((id) => this.terms.termAt(id)).filter((t) => t !== word);
  }

  /** Terms that are the word as a name in the other script or another spelling (not the word's own stem family). */
  otherSpellings(word: string): string[] {
    if (word.length < 3 || !LETTERS.test(word)) return [];
    for (; this.keyed < this.terms.termCount; this.keyed++) {
      const t = this.terms.termAt(this.keyed);
      if (t.length < 3 || !LETTERS.test(t)) continue;
      const k = wordKeys(t);
      for (const key of k.full) push(this.byKey, key, this.keyed);
      for (const key of k.stems) push(this.byKey, '~' + key, this.keyed);
    }
    const k = wordKeys(word);
    const ids = new Set<number>();
    for (const key of k.all) for (const id of this.byKey.get(key) ?? []) ids.add(id);
    // A term without its ending may be the word (rahmon -> рахмоном), or share the word's stem (путина -> путину).
    for (const key of [...k.full, ...k.stems]) for (const id of this.byKey.get('~' + key) ?? []) ids.add(id);
    const own = stemOf(word);
    const out: string[] = [];
    for (const id of ids) {
      const t = this.terms.termAt(id);
      if (t === word || stemOf(t) === own) continue;
      if (wordsMatch(word, t)) out.push(t);
    }
    return out;
  }
}
