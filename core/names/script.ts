/** Which script a word is written in: what decides its stemmer and whether it can match across scripts. */

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export type Script = 'cyrillic' | 'latin' | 'other';

export function scriptOf(word: string): Script {
  if (CYRILLIC.test(word)) return 'cyrillic';
  if (LATIN.test(word)) return 'latin';
  return 'other';
}

export const hasCyrillic = (s: string): boolean => CYRILLIC.test(s);

/**
 * The language of a stretch of text for stemming, from its letters: Russian when most letters are Cyrillic, English
 * otherwise. Ukrainian, Uzbek Cyrillic and Tajik share Russian's case endings closely enough for name keys.
 */
export function textLanguage(text: string, from = 0, to = text.length): 'ru' | 'en' {
  let cyr = 0;
  let lat = 0;
  const end = Math.min(to, from + 4000);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x52f) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat++;
  }
  return cyr > lat ? 'ru' : 'en';
}
