/**
 * Cyrillic to Latin in the systems analysts meet: BGN/PCGN (maps, English press), ISO 9 (libraries), scholarly
 * (linguistics), and the spellings of the English, German and French press. Used to offer a new tag its Latin aliases
 * and to build the name test set; matching itself goes through phonetic keys (name-key.ts), which need no system.
 * Covers Russian, Ukrainian, Belarusian, Uzbek Cyrillic, Tajik and Kazakh letters.
 */

export type TranslitSystem = 'bgn' | 'iso9' | 'scholarly' | 'press' | 'german' | 'french';
export const TRANSLIT_SYSTEMS: readonly TranslitSystem[] = ['bgn', 'iso9', 'scholarly', 'press', 'german', 'french'];

type Table = Record<string, string>;

// Letters every system writes alike.
const COMMON: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', ъ: '', ь: '',
  // Ukrainian, Belarusian, Uzbek, Tajik, Kazakh
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w', қ: 'q', ғ: 'gh', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u', ә: 'a', ө: 'o', ү: 'u', ұ: 'u', ң: 'ng', һ: 'h',
};

const TABLES: Record<TranslitSystem, Table> = {
  bgn: { ...COMMON, е: 'e', ё: 'ë', ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', э: 'e', ю: 'yu', я: 'ya' },
  iso9: { ...COMMON, е: 'e', ё: 'ë', ж: 'ž', й: 'j', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ы: 'y', э: 'è', ю: 'û', я: 'â', ъ: 'ʺ', ь: 'ʹ' },
  scholarly: { ...COMMON, е: 'e', ё: 'ë', ж: 'ž', й: 'j', х: 'x', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', э: 'è', ю: 'ju', я: 'ja', ъ: 'ʺ', ь: 'ʹ' },
  press: { ...COMMON, е: 'e', ё: 'yo', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', э: 'e', ю: 'yu', я: 'ya' },
  german: { ...COMMON, в: 'w', е: 'e', ё: 'jo', ж: 'sch', з: 's', й: 'i', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', э: 'e', ю: 'ju', я: 'ja' },
  french: { ...COMMON, е: 'e', ё: 'io', ж: 'j', й: 'ï', у: 'ou', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', э: 'e', ю: 'iou', я: 'ia' },
};

const VOWELS = new Set([...'аеёиоуыэюяіїєӣӯәөүұ']);
const SIGNS = new Set(['ъ', 'ь']);

/** One word (or a whole name) in a system. Capitals are kept on the first letter of each word. */
export function transliterate(text: string, system: TranslitSystem): string {
  const table = TABLES[system];
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lower = ch.toLowerCase();
    let latin = table[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    const prev = i > 0 ? chars[i - 1].toLowerCase() : '';
    const next = i + 1 < chars.length ? chars[i + 1].toLowerCase() : '';
    const wordStart = prev === '' || !/\p{L}/u.test(prev);
    const afterVowel = VOWELS.has(prev) || SIGNS.has(prev) || wordStart;
    latin = contextual(system, lower, latin, { wordStart, afterVowel, prev, next, wordEnd: next === '' || !/\p{L}/u.test(next) });
    if (ch !== lower && latin.length > 0) latin = latin[0].toUpperCase() + latin.slice(1);
    out += latin;
  }
  return out;
}

interface Context {
  wordStart: boolean;
  afterVowel: boolean;
  prev: string;
  next: string;
  wordEnd: boolean;
}

function contextual(system: TranslitSystem, ch: string, latin: string, c: Context): string {
  if (ch === 'е' && c.afterVowel) {
    if (system === 'bgn' || system === 'press') return 'ye';
    if (system === 'german') return 'je';
  }
  if (ch === 'ё' && c.afterVowel && system === 'bgn') return 'yë';
  // English press: -ий and -ый end in y (Dmitry, Zelensky), a -й after a vowel is y (Sergey, Shoygu stays Shoigu).
  if (system === 'press') {
    if (ch === 'и' && c.next === 'й') return 'y';
    if (ch === 'й' && (c.prev === 'и' || c.prev === 'ы')) return '';
    if (ch === 'й' && c.wordEnd) return 'y';
  }
  if (system === 'german' && ch === 'и' && c.next === 'й') return 'i';
  if (system === 'german' && ch === 'й' && c.prev === 'и') return '';
  // French: -ин at the end of a name takes an e (Poutine, Raspoutine); s between vowels doubles.
  if (system === 'french') {
    if (ch === 'н' && c.prev === 'и' && c.wordEnd) return 'ne';
    if (ch === 'с' && VOWELS.has(c.prev) && VOWELS.has(c.next)) return 'ss';
  }
  return latin;
}

/** Every system's spelling of a Cyrillic name, without repeats (in the order of TRANSLIT_SYSTEMS). */
export function latinSpellings(name: string): string[] {
  const out: string[] = [];
  for (const s of TRANSLIT_SYSTEMS) {
    const v = transliterate(name, s);
    if (v !== name && !out.includes(v)) out.push(v);
  }
  return out;
}
