/**
 * Phonetic keys that make one name out of its spellings in any script: Шойгу, Shoigu, Shoygu, Schoigu and Šojgu all
 * key to "SIgU"; Путин, Putin and Poutine to "pUtIn"; Рахмон, Rahmon and Rakhmon to "rAhmAn".
 *
 * A word becomes a string of phones (consonants as letters, ж Z, ш/щ S, ч C, дж J, vowels as written), then:
 *  - each run of vowels becomes the class of its last vowel (a o -> A, e i y -> I, u -> U), which absorbs glides
 *    (ya, yu, ye, yo, oy, ey), French ou, and the ё written as е (Мирзиёев = Мирзиеев = Mirziyoyev);
 *  - doubled consonants count once (Gennady = Genadi).
 * Latin letters whose sound depends on the system branch: j is дж (English), й (ISO, German) or ж (French); ch is
 * ч (English), х (German) or ш (French); x is кс or х (scholarly, Uzbek); c is ц (ISO) or к; z is з or ц (German).
 * A word therefore has a few keys (at most MAX_KEYS). Cyrillic has one reading.
 *
 * Inflection: a key without a final case ending (-а -у -е -ы -ой -ом -ым -ами -ого ...) is a key of the word too. Two
 * words match when the full key of one is among the keys of the other, or both lose an ending to one stem, so Путина,
 * Путину and Putin are one word; -ов, -ев, -ин are never endings, so Кабул never matches Кабулов.
 * Pure, no dependencies: see docs in the report for why not Snowball (it strips -ов/-ев from surnames).
 */

export const MAX_KEYS = 8;

type Phones = string[][]; // per position, the alternatives

const CYR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'Z', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'C', ш: 'S', щ: 'S', ъ: '',
  ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Ukrainian, Belarusian, Uzbek, Tajik, Kazakh
  і: 'i', ї: 'ii', є: 'ie', ґ: 'g', ў: 'u', қ: 'k', ғ: 'g', ҳ: 'h', ҷ: 'J', ӣ: 'i', ӯ: 'u', ә: 'a', ө: 'o', ү: 'u',
  ұ: 'u', ң: 'n', һ: 'h', ђ: 'J', ћ: 'C', џ: 'J', љ: 'l', њ: 'n', ј: 'i',
};

// Latin letters with diacritics that carry a sound of their own (folded away otherwise).
const LATIN_SPECIAL: Record<string, string> = {
  š: 'sh', ž: 'zh', č: 'ch', ŝ: 'shch', ë: 'yo', è: 'e', é: 'e', û: 'iu', â: 'ia', ï: 'i', ş: 'sh', ç: 'ch', ğ: 'g',
  ı: 'i', ñ: 'n', ß: 'ss', ŭ: 'u', ō: 'o', ū: 'u', ā: 'a', ī: 'i', ʹ: '', ʺ: '', "'": '', '’': '', ʻ: '', ʼ: '', '`': '',
};

// Latin groups, longest first, each with its readings.
const LATIN_GROUPS: Array<[string, string[]]> = [
  ['schtsch', ['S']],
  ['shch', ['S']],
  ['chtch', ['S']],
  ['tsch', ['C']],
  ['dsch', ['J']],
  ['dzh', ['J']],
  ['sch', ['S', 'Z']],
  ['tch', ['C']],
  ['sh', ['S']],
  ['zh', ['Z']],
  ['kh', ['h']],
  ['gh', ['g']],
  ['dj', ['J']],
  ['ch', ['C', 'h', 'S']],
  ['ts', ['ts']],
  ['tz', ['ts']],
  ['ck', ['k']],
  ['ph', ['f']],
  ['th', ['t']],
  ['x', ['ks', 'h']],
  ['c', ['ts', 'k']],
  ['w', ['v']],
  ['q', ['k']],
  ['yo', ['io', 'e']],
  ['y', ['i']],
  ['z', ['z', 'ts']],
];

const VOWEL = new Set(['a', 'e', 'i', 'o', 'u']);
const LATIN_VOWEL = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const CLASS: Record<string, string> = { a: 'A', o: 'A', e: 'I', i: 'I', u: 'U' };

function cyrillicPhones(word: string): Phones {
  const out: Phones = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === 'д' && word[i + 1] === 'ж') {
      out.push(['J']);
      i++;
      continue;
    }
    const p = CYR[ch];
    if (p !== undefined) {
      if (p) out.push([p]);
    } else if (/[a-z0-9]/.test(ch)) out.push([ch]);
  }
  return out;
}

function latinPhones(word: string): Phones {
  let w = '';
  for (const ch of word) w += LATIN_SPECIAL[ch] ?? ch;
  w = w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');
  const out: Phones = [];
  for (let i = 0; i < w.length; ) {
    if (w[i] === 'j') {
      // A j after a vowel and before a consonant or the end is a glide (Šojgu, Sergej); elsewhere it is дж, й or ж.
      const prev = i > 0 ? w[i - 1] : '';
      const next = w[i + 1] ?? '';
      out.push(LATIN_VOWEL.has(prev) && !LATIN_VOWEL.has(next) ? ['i', 'J'] : ['J', 'i', 'Z']);
      i++;
      continue;
    }
    // German writes з as an s before a vowel (Selenskyj, Nasarbajew, Galusin).
    if (w[i] === 's' && w[i + 1] !== 's' && (i === 0 || w[i - 1] !== 's') && (LATIN_VOWEL.has(w[i + 1] ?? '') || w[i + 1] === 'j')) {
      out.push(['s', 'z']);
      i++;
      continue;
    }
    let matched = false;
    for (const [group, readings] of LATIN_GROUPS) {
      if (w.startsWith(group, i)) {
        out.push(readings);
        i += group.length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out.push([w[i]]);
      i++;
    }
  }
  return out;
}

/** Phones to a key: vowel runs to the class of their last vowel, doubled consonants once. */
function collapse(phones: string): string {
  let out = '';
  let run = '';
  for (let i = 0; i < phones.length; i++) {
    const ch = phones[i];
    if (VOWEL.has(ch)) {
      run = ch;
      continue;
    }
    if (run) {
      out += CLASS[run];
      run = '';
    }
    if (out[out.length - 1] !== ch) out += ch;
  }
  if (run) out += CLASS[run];
  return out;
}

function expand(phones: Phones): string[] {
  let acc = [''];
  for (const alts of phones) {
    if (alts.length === 1 || acc.length * alts.length > MAX_KEYS * 4) {
      acc = acc.map((a) => a + alts[0]);
      continue;
    }
    const next: string[] = [];
    for (const a of acc) for (const alt of alts) next.push(a + alt);
    acc = next;
  }
  return acc;
}

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;

/** Case endings of Russian (and Ukrainian but its -ові, see wordKeys), as keys, longest first. */
const ENDINGS = ['AmI', 'ImI', 'AgA', 'IgA', 'AmU', 'ImU', 'Ah', 'Ih', 'Am', 'Im', 'A', 'I', 'U'];
const CONSONANT_END = /[^AIU]$/;
/**
 * Suffixes of Uzbek (-даги, -нинг, -дан, -га/-ға/-ка/-қа, -да, -ни) and Tajik (-ро, -ҳо) as keys: they are added to the
 * word unchanged, after a vowel too (Душанбега, Тошкентда, Тоҷикистонро); -нинг after a final н is -инг once the
 * doubled н counts once (Тожикистоннинг), -даги after д is -аги (Самарқанддаги). Cyrillic words only.
 */
const SUFFIXES = ['dAgI', 'nIng', 'dAn', 'AgI', 'Ing', 'gA', 'kA', 'dA', 'nI', 'rA', 'hA'];
/** Key letters a suffix must leave (Осиё-да: 3); more after -инг/-аги, the forms a doubled consonant leaves. */
const MIN_SUFFIX_STEM = 3;
const MIN_SUFFIX_STEM_AFTER_DOUBLE = 5;

/**
 * The key without a case ending, for each ending it may have (Russian endings first, longest first); none when too
 * little would be left. `cyrillic`: the word is Cyrillic, so Uzbek and Tajik suffixes come off too.
 */
export function stripEndings(key: string, cyrillic = false): string[] {
  const out: string[] = [];
  for (const e of ENDINGS) {
    if (key.length - e.length >= 2 && key.endsWith(e)) {
      const stem = key.slice(0, -e.length);
      if (CONSONANT_END.test(stem)) out.push(stem);
    }
  }
  if (cyrillic) {
    for (const e of SUFFIXES) {
      const min = e === 'Ing' || e === 'AgI' ? MIN_SUFFIX_STEM_AFTER_DOUBLE : MIN_SUFFIX_STEM;
      if (key.length - e.length >= min && key.endsWith(e)) {
        const stem = key.slice(0, -e.length);
        if (!out.includes(stem)) out.push(stem);
      }
    }
  }
  return out;
}

/** Two stems of at least this length that are equal make two inflected forms one word (Путина = Путину). */
const MIN_SHARED_STEM = 2;

export interface WordKeys {
  /** The keys of the word as written (several for ambiguous Latin letters). */
  full: string[];
  /** full plus the keys without a case ending. */
  all: string[];
  /** The keys without a case ending only. */
  stems: string[];
}

const cache = new Map<string, WordKeys>();

/** The phonetic keys of one word (lower-cased inside; English possessive 's dropped). */
export function wordKeys(word: string): WordKeys {
  let k = cache.get(word);
  if (k !== undefined) return k;
  // Names are short: a longer "word" is keyed by its first 48 letters (bounded work for hostile input).
  let w = word.slice(0, 48).toLowerCase().replace(/['’]s$/, '');
  let phones: Phones;
  if (CYRILLIC_RE.test(w)) {
    w = w.normalize('NFC');
    phones = cyrillicPhones(w);
  } else {
    phones = latinPhones(w);
  }
  const cyrillic = CYRILLIC_RE.test(w);
  const keys = expand(phones).map(collapse);
  // A silent final e of French and English spellings (Poutine, Raspoutine) may be left out.
  if (!CYRILLIC_RE.test(w) && /[^aeiouy]e$/.test(w)) for (const x of [...keys]) keys.push(x.slice(0, -1));
  const full = [...new Set(keys)].filter((x) => x.length > 0).slice(0, MAX_KEYS);
  const all = [...full];
  const stems: string[] = [];
  for (const f of full) {
    for (const s of stripEndings(f, cyrillic)) {
      if (!all.includes(s)) all.push(s);
      if (s.length >= MIN_SHARED_STEM && !stems.includes(s)) stems.push(s);
    }
  }
  // Ukrainian dative -ові/-еві/-єві (Зеленськ-ому, Путін-ові) is written with і: as a key it would be Russian -овой
  // (Захаровой), so it comes off the letters, not the key.
  const ukDative = cyrillic && w.length > 6 ? /^(.+?)(?:ов|ев|єв)і$/.exec(w) : null;
  if (ukDative) {
    for (const f of expand(cyrillicPhones(ukDative[1])).map(collapse)) {
      if (!all.includes(f)) all.push(f);
      if (f.length >= MIN_SHARED_STEM && !stems.includes(f)) stems.push(f);
    }
  }
  k = { full, all, stems };
  if (cache.size > 100_000) cache.clear();
  cache.set(word, k);
  return k;
}

/** Two words are one name: the full key of one is among the keys of the other. */
export function wordsMatch(a: string, b: string): boolean {
  // Two-letter words (IS, US, ИГ) are too short to carry a spelling: only the same word matches.
  if (a.length < 3 || b.length < 3) return a.toLowerCase() === b.toLowerCase();
  const ka = wordKeys(a);
  const kb = wordKeys(b);
  for (const f of ka.full) if (kb.all.includes(f)) return true;
  for (const f of kb.full) if (ka.all.includes(f)) return true;
  for (const st of ka.stems) if (kb.stems.includes(st)) return true;
  return false;
}

/** The stem of a word for grouping its forms (Путина, Путину, Путиным -> one stem): its first key without an ending. */
export function stemKey(word: string): string {
  const k = wordKeys(word);
  const f = k.full[0] ?? '';
  return stripEndings(f)[0] ?? f;
}

/** Words of a name (letters, digits, marks; hyphens and spaces split). */
export function nameWords(name: string): string[] {
  return name.match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Two names (several words) are one: the same number of words, each matching in order. */
export function namesMatch(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wa.length !== wb.length) return false;
  return wa.every((w, i) => wordsMatch(w, wb[i]));
}
