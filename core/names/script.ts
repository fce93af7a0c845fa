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
 * otherwise. Ukrainian, Uzbek Cyrillic and Tajik share Russian's case endings closely enough for search stems; what
 * tells them apart for entity suggestions is cyrillicLanguage.
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

export type CyrillicLanguage = 'ru' | 'uk' | 'uz' | 'tg';

/** Letters only one of the languages writes (і, ї, є, ґ Ukrainian; ў Uzbek; ӣ, ӯ, ҷ Tajik), and shared ones. */
const LETTER_VOTES: Record<string, Partial<Record<CyrillicLanguage, number>>> = {
  ї: { uk: 3 }, є: { uk: 3 }, ґ: { uk: 3 }, і: { uk: 2 },
  ў: { uz: 3 },
  ӣ: { tg: 3 }, ӯ: { tg: 3 }, ҷ: { tg: 3 },
  қ: { uz: 1, tg: 1 }, ғ: { uz: 1, tg: 1 }, ҳ: { uz: 1, tg: 1 },
  ы: { ru: 2 }, э: { ru: 1 }, ъ: { ru: 1 },
};

/** Function words frequent in one language and rare in the others. */
const WORD_VOTES: Record<string, CyrillicLanguage> = {};
for (const [lang, words] of [
  ['ru', 'и в не что на с по это как из к для от же при или так'],
  ['uk', 'і та що це на з у від для про як також який яка які щодо було буде'],
  ['uz', 'ва билан учун бу шу ҳам эса деб бўйича орқали кейин бўлди қилди этди'],
  ['tg', 'ва дар аз бо ба ки ин барои мебошад шуд кард аст буд низ'],
] as const) {
  for (const w of words.split(' ')) if (!(w in WORD_VOTES)) WORD_VOTES[w] = lang;
}

/**
 * Which Cyrillic language a stretch of text is in (a source or a paragraph): Russian, Ukrainian, Uzbek or Tajik, by
 * the letters only one of them writes and by function words. Russian when nothing else is seen.
 */
export function cyrillicLanguage(text: string, from = 0, to = text.length): CyrillicLanguage {
  const votes: Record<CyrillicLanguage, number> = { ru: 0, uk: 0, uz: 0, tg: 0 };
  const end = Math.min(to, from + 4000);
  const stretch = text.slice(from, end).toLowerCase();
  for (const ch of stretch) {
    const v = LETTER_VOTES[ch];
    if (v) for (const [lang, n] of Object.entries(v) as Array<[CyrillicLanguage, number]>) votes[lang] += n;
  }
  // "ва" is Uzbek and Tajik alike: shared words count for both (the letters decide between them).
  for (const w of stretch.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (w === 'ва') {
      votes.uz += 1;
      votes.tg += 1;
      continue;
    }
    const lang = WORD_VOTES[w];
    if (lang) votes[lang] += 1;
  }
  let best: CyrillicLanguage = 'ru';
  for (const lang of ['uk', 'uz', 'tg'] as const) if (votes[lang] > votes[best]) best = lang;
  return best;
}
