/**
 * Words of a text as the search index sees them. One tokenizer serves the index, the query, snippets and phrase
 * checks, so what is marked in a snippet is exactly what matched.
 */

/** A word: letters, digits and combining marks ("Al-Qaeda" is two words, "2021" one). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /\p{M}+/gu;

/**
 * Very common English words carry no meaning of their own in a query and make up a third of a text; leaving them out
 * of the index keeps it small. A quoted phrase still has to match them, word for word (see findPhrase).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing during each few for from further had has have having he her here hers herself him ' +
    'himself his how if in into is it its itself just me more most my myself no nor not of off on once only or other our ' +
    'ours out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through too under until very was we were what when where which while who whom why will with would you your').split(' '),
);

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lower case, accents folded ("Kaboul" = "kaboul", "Rahmón" = "rahmon"). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING, '') : lower;
}

/** The index's processTerm: normalised, or null for a word the index leaves out. */
export function indexTerm(word: string): string | null {
  const w = normalizeWord(word);
  if (w.length < 2 && !/\d/.test(w)) return null;
  return STOP_WORDS.has(w) ? null : w;
}

export interface WordAt {
  /** Normalised word. */
  word: string;
  start: number;
  end: number;
}

/** Every word of `text` with its offsets, from `from` to `to`. */
export function wordsAt(text: string, from = 0, to = text.length): WordAt[] {
  const out: WordAt[] = [];
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({ word: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Where a phrase (its normalised words, stop words included) occurs as consecutive words of `text`; punctuation and
 * spacing between the words do not matter. Offsets are into `text`.
 */
export function findPhrase(text: string, phrase: readonly string[], from = 0, to = text.length): Array<[number, number]> {
  if (phrase.length === 0) return [];
  const words = wordsAt(text, from, to);
  const out: Array<[number, number]> = [];
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k].word !== phrase[k]) continue outer;
    out.push([words[i].start, words[i + phrase.length - 1].end]);
  }
  return out;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * A fast test for a phrase in a text: one regular expression (the words in order, anything but letters and digits
 * between them). Exact for ASCII text; for other text it can miss accent-folded matches, so `hasPhrase` falls back
 * to comparing words.
 */
export function phraseTester(phrase: readonly string[]): (text: string, from?: number, to?: number) => boolean {
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${phrase.map((w) => w.replace(ESCAPE, '\\$&')).join('[^\\p{L}\\p{N}\\p{M}]+')}(?![\\p{L}\\p{N}\\p{M}])`, 'iu');
  return (text, from = 0, to = text.length) => {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    if (re.test(slice)) return true;
    return !ASCII_ONLY.test(slice) && findPhrase(slice, phrase).length > 0;
  };
}
