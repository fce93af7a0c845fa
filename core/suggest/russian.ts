/**
 * Russian (and Ukrainian, Uzbek Cyrillic, Tajik) entity rules over runs of capitalised Cyrillic words: first names and
 * surname shapes make people, titles before a name ("министр", "пресс-секретарь") make people, words in -стан and
 * words after "в/из/на" make places, Cyrillic acronyms make organisations. Gazetteer and codebook matches (with case
 * endings reduced) are found before and split the runs, so "России Владимир Путин" is a place, then a person.
 * Names are reduced to the nominative (lemmaOf): the form the text uses in the nominative when it has one, else the
 * case ending stripped by the rules of Russian surnames and first names.
 */
import words from './data/russian-words.json' with { type: 'json' };
import neighbours from './data/cyrillic-words.json' with { type: 'json' };
import { stemKey, wordKeys, wordsMatch } from '../names/name-key';
import type { CyrillicLanguage } from '../names/script';

/** Russian's lists and its neighbours' (Ukrainian, Uzbek, Tajik), merged: their distinctive letters keep them apart. */
const LANGS = [neighbours.uk, neighbours.uz, neighbours.tg];
const all = (pick: (l: (typeof LANGS)[number]) => string[]): string[] => LANGS.flatMap(pick);

export type RuClass = 'first' | 'surname' | 'patronymic' | 'orgHead' | 'placeHead' | 'place' | 'acronym' | 'title' | 'common' | 'unknown';

function keyIndex(list: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const w of list) for (const k of wordKeys(w).all) if (!m.has(k)) m.set(k, w);
  return m;
}

let lists: { first: Map<string, string>; orgHeads: Map<string, string>; placeHeads: Map<string, string>; titles: Set<string>; placePreps: Set<string> } | null = null;
function data(): NonNullable<typeof lists> {
  lists ??= {
    first: keyIndex([...words.firstNames, ...all((l) => l.firstNames)]),
    orgHeads: keyIndex([...words.orgHeads, ...all((l) => l.orgHeads)]),
    placeHeads: keyIndex([...words.placeHeads, ...all((l) => l.placeHeads)]),
    titles: new Set([...words.titles, ...all((l) => l.titles)]),
    placePreps: new Set([...words.placePrepositions, ...all((l) => l.placePrepositions)]),
  };
  return lists;
}

/** The list entry a word is a form of, by key (Сергея -> Сергей), or null. */
const lookupMemo = new WeakMap<Map<string, string>, Map<string, string | null>>();
function lookup(index: Map<string, string>, word: string): string | null {
  let memo = lookupMemo.get(index);
  if (!memo) lookupMemo.set(index, (memo = new Map()));
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const found = lookupUncached(index, word);
  if (memo.size > 50_000) memo.clear();
  memo.set(word, found);
  return found;
}

function lookupUncached(index: Map<string, string>, word: string): string | null {
  const k = wordKeys(word);
  for (const key of [...k.full, ...k.stems]) {
    const hit = index.get(key);
    if (hit !== undefined && wordsMatch(hit, word)) return hit;
  }
  return null;
}

export const firstNameOf = (word: string): string | null => lookup(data().first, word);
export const isRussianTitle = (lower: string): boolean => data().titles.has(lower);
export const isPlacePreposition = (lower: string): boolean => data().placePreps.has(lower);

// Surname shapes, then a case ending (Russian, Ukrainian) or a suffix (Uzbek -нинг/-га/-да/-дан/-ни, Tajik -ро).
const SURNAME = /(?:ов|ев|ёв|єв|ин|ін|ын|ский|цкий|ська|ський|цький|ская|цкая|енко|ук|юк|ян|дзе|швили|заде|зода|ова|ева|ёва|ина|ына|иддин|уддин)(?:а|у|ым|ом|е|і|ові|ой|ого|ому|им|ім|ую|ых|нинг|га|да|дан|ни|ро)?$/;
const PATRONYMIC = /(?:ович|евич|ьич|овн|евн|ичн|йович|івна|ївна)(?:а|у|ем|е|ой|ы|і)?$/;
const PLACE_SHAPE = /(?:стан|стон|стін)(?:а|у|ом|е|і|и|да|га|дан|нинг|ни|ро|дагы|даги)?$/;
const COMMON_NEIGHBOURS = new Set(all((l) => l.common));
const COMMON_RU = new Set('и в во не на с со что как а то все она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это по словам также однако кроме'.split(' '));

export function classifyRussian(raw: string, lower: string, sentenceStart: boolean, lowerSeen: ReadonlySet<string>): RuClass {
  if (/^\p{Lu}{2,6}$/u.test(raw)) return 'acronym';
  if (COMMON_RU.has(lower) || COMMON_NEIGHBOURS.has(lower)) return 'common';
  if (data().titles.has(lower)) return 'title';
  if (lookup(data().orgHeads, lower) !== null) return 'orgHead';
  if (lookup(data().placeHeads, lower) !== null) return 'placeHead';
  if (firstNameOf(raw) !== null) return 'first';
  if (PATRONYMIC.test(lower) && lower.length >= 6) return 'patronymic';
  if (PLACE_SHAPE.test(lower)) return 'place';
  if (SURNAME.test(lower) && lower.length >= 5) return 'surname';
  if (lowerSeen.has(lower)) return 'common';
  if (sentenceStart) return 'common';
  return 'unknown';
}

const FEMALE_FIRST = /[ая]$/;

/**
 * The nominative of one word of a name. `forms` are the other forms of the same word in the text (same stem): the
 * one without a case ending wins; otherwise the ending is taken off by the rules of names.
 */
export function lemmaOf(word: string, forms: readonly string[], female: boolean, lang: CyrillicLanguage = 'ru'): string {
  const first = firstNameOf(word);
  if (first !== null) return matchCase(first, word);
  const lower = word.toLowerCase();
  let m: RegExpMatchArray | null;
  if (lang === 'uz' || lang === 'tg') {
    const bare = suffixless(word, forms, lang);
    if (bare !== null) return bare;
    return word;
  }
  if (lang === 'uk') {
    // Зеленського, Зеленському, Зеленським -> Зеленський; Путінові -> Путін.
    if ((m = lower.match(/^(.+(?:ськ|цьк|зьк))(?:ого|ому|им|ім|ій)$/)) !== null) return matchCase(m[1] + (female ? 'а' : 'ий'), word);
    if ((m = lower.match(/^(.{3,}[бвгґджзклмнпрстфхцчшщ])(?:ові|еві|єві)$/)) !== null) return matchCase(m[1], word);
  }
  if ((m = lower.match(/^(.+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ой)$/)) !== null) {
    if (female && /(?:ой|у|а)$/.test(lower)) return matchCase(m[1] + 'а', word);
    return matchCase(m[1], word);
  }
  if ((m = lower.match(/^(.+(?:ск|цк))(?:ого|ому|им|ом|ой|ую|ая)$/)) !== null) return matchCase(m[1] + (female ? 'ая' : 'ий'), word);
  // A form in the text that looks like a nominative: ends in a consonant, or is the shortest.
  const candidates = [word, ...forms].filter((f) => stemKey(f) === stemKey(word));
  const consonantFinal = candidates.filter((f) => /[бвгдджзйклмнпрстфхцчшщ]$/i.test(f)).sort((a, b) => a.length - b.length);
  if (consonantFinal.length > 0) return consonantFinal[0];
  if ((m = lower.match(/^(.+[бвгдзклмнпрстфхцчшщ])(?:а|у|ом|е)$/)) !== null && m[1].length >= 4 && !/[аяыи]$/.test(lower)) return matchCase(m[1], word);
  if ((m = lower.match(/^(.+[бвгдзклмнпрстфхцчшщ])(?:а|у|ом|е)$/)) !== null && m[1].length >= 4 && lower.endsWith('у')) return matchCase(m[1], word);
  return word;
}

const MALE_IN_A = new Set(['Абдулла', 'Забихулла', 'Хайбатулла', 'Мулла', 'Никита', 'Илья', 'Джума', 'Нарендра', 'Усама']);
/** A first name (nominative) of a woman: ends in -а/-я and is not one of the men's names that do. */
export const isFemaleFirstName = (name: string): boolean => FEMALE_FIRST.test(name) && !MALE_IN_A.has(name);

/** Uzbek and Tajik suffixes, longest first: case (-нинг, -дан, -га, -да, -ни), plural (-лар, -ҳо), object (-ро). */
const SUFFIXES: Record<'uz' | 'tg', RegExp> = {
  uz: /(?:ларнинг|лардан|ларга|ларда|ларни|даги|даги|нинг|дан|тан|га|ға|ка|қа|да|та|ни|лар)$/,
  tg: /(?:ҳоро|ҳои|ҳо|ро)$/,
};

/** The word without an Uzbek or Tajik suffix (Мирзиёевнинг -> Мирзиёев); the word itself in other languages. */
export function bareWord(word: string, lang: CyrillicLanguage): string {
  if (lang !== 'uz' && lang !== 'tg') return word;
  const m = SUFFIXES[lang].exec(word.toLowerCase());
  return m && word.length - m[0].length >= 3 ? word.slice(0, word.length - m[0].length) : word;
}

/**
 * The word without its Uzbek or Tajik suffix (Тошкентда -> Тошкент, Тоҷикистонро -> Тоҷикистон), or null when it
 * has none. The Tajik izofat -и (Президенти, Тоҷикистони) comes off only when the text has the bare form too, since
 * names end in -и as well (Рустами Эмомалӣ).
 */
function suffixless(word: string, forms: readonly string[], lang: 'uz' | 'tg'): string | null {
  const lower = word.toLowerCase();
  const m = SUFFIXES[lang].exec(lower);
  if (m && lower.length - m[0].length >= 3) {
    return word.slice(0, word.length - m[0].length);
  }
  if (lang === 'tg' && lower.endsWith('и') && lower.length > 4) {
    const bare = word.slice(0, -1);
    if (forms.some((f) => f.toLowerCase() === bare.toLowerCase())) return bare;
  }
  return null;
}

function matchCase(lemma: string, like: string): string {
  return like[0] === like[0].toUpperCase() ? lemma[0].toUpperCase() + lemma.slice(1) : lemma;
}
