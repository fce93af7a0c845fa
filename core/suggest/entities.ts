/**
 * Offline entity suggestions: people, organisations, places and groups mentioned in a source and not tagged yet.
 *
 * Three sources of evidence, in order of precedence:
 *  1. the codebook: exact, word-bounded matches of every entity tag's name and aliases;
 *  2. a small built-in gazetteer of this corpus's actors that general NLP misses (CSTO, CIS, the Taliban, ISIS...);
 *  3. compromise's English lexicon (about 24,000 words: first and last names, countries, cities, organisations,
 *     demonyms, honorifics) and its organisation and place head words, applied with contextual rules over runs of
 *     capitalised words: titles ("Tajik President Emomali Rahmon"), honorifics ("Mr Putin"), org heads
 *     ("Shanghai Cooperation Organization"), place heads ("Panjshir Valley"), name shapes.
 * We use compromise's data rather than its full tagger: on this machine the tagger costs ~9 ms per KB (900 ms for a
 * 100 KB article) against a 200 ms budget; the lexicon-driven pass does the same job on this corpus in a few ms and
 * finds people the tagger misses (it tags "Emomali Rahmon" as a plain proper noun).
 *
 * Mentions of one person are normalised to the fullest name in the source: "Putin", "Mr Putin" and "Putin's" all
 * propose "Vladimir Putin" when the source says "Vladimir Putin" somewhere.
 * Offsets are UTF-16 indices into the text exactly as stored.
 */
import nlp from 'compromise/two';
import { isEntityKind, type EntityKind, type Highlight, type Tag, type TagKind } from '../model';
import { createTag, nameKey, type TagChange } from '../tags/codebook';
import { defaultParentId, isCategoryTag } from '../tags/default-codebook';
import { namesMatch, nameWords, stemKey, wordKeys, wordsMatch } from '../names/name-key';
import { cyrillicLanguage, hasCyrillic, type CyrillicLanguage } from '../names/script';
import { latinSpellings } from '../names/translit';
import { bareWord, classifyRussian, firstNameOf, isFemaleFirstName, isPlacePreposition, isRussianTitle, lemmaOf, type RuClass } from './russian';


export interface Suggestion {
  /** Stable while the text is unchanged: `${start}-${end}:${text}`. */
  key: string;
  start: number;
  end: number;
  /** The mention exactly as in the text. */
  text: string;
  kind: EntityKind;
  /** The existing tag this mention matches (by name or alias, or after normalisation). */
  tagId?: string;
  /** The entity's name: the existing tag's name, or the name a new tag should get. */
  proposedName: string;
  /** Aliases a new tag should get (from the built-in gazetteer). */
  aliases?: string[];
  source: 'nlp' | 'codebook';
  /** Same value for every mention of one entity ("accept all of this entity"). */
  entityKey: string;
}

export interface SuggestionRejection {
  start: number;
  end: number;
  text: string;
}

export interface SuggestData {
  tags: readonly Tag[];
  /** Highlights of this source. */
  highlights: readonly Pick<Highlight, 'start' | 'end' | 'tagIds' | 'orphan'>[];
  /** Rejected mentions of this source, as spans or as suggestion keys. */
  rejected?: Iterable<SuggestionRejection | string>;
  /** Entities rejected as a whole for this source: proposed names (case-insensitive) or tag ids. */
  rejectedEntities?: Iterable<string>;
  /** Page furniture ranges of the source: no suggestions there. */
  furniture?: ReadonlyArray<readonly [number, number]>;
  /** Names match across scripts (Шойгу = Shoigu); default true. A tag's own `translit: false` wins. */
  translit?: boolean;
}

export interface Mention {
  sourceId: string;
  start: number;
  end: number;
  text: string;
}

export function suggestionKey(m: SuggestionRejection): string {
  return `${m.start}-${m.end}:${m.text}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Built-in gazetteer: actors of this corpus (Russia, the CIS and the CSTO on Afghanistan) that the lexicon lacks.

export { KNOWN_ENTITIES, KNOWN_ENTITIES_RU } from './known-entities';
import { KNOWN_ENTITIES, KNOWN_ENTITIES_RU } from './known-entities';

// ---------------------------------------------------------------------------------------------------------------
// Word lists (lower case). Title heads and modifiers, org and place heads beyond compromise's, demonyms.

const TITLE_HEADS = new Set(
  (
    'president vice-president minister secretary spokesman spokeswoman spokesperson envoy ambassador director ' +
    'chairman chairwoman chair governor senator commander chief head leader king queen prince emir sheikh mullah ' +
    'ayatollah general colonel captain lieutenant mayor premier chancellor representative deputy adviser advisor ' +
    'analyst expert orientalist scientist official officer correspondent journalist reporter professor ' +
    'mr mrs ms miss dr sir lord lady sen rep gen col capt lt sgt prof mister'
  ).split(' '),
);
const TITLE_MODIFIERS = new Set(
  'foreign prime vice acting interim former first permanent special defence defense interior security national state deputy executive'.split(' '),
);
const HONORIFICS = new Set('mr mrs ms miss dr sir mister prof'.split(' '));
const EXTRA_ORG_HEADS = (
  'organisation organization ministry movement party front court assembly parliament union alliance structure service ' +
  'services forces office press news agency council committee commission federation bureau center centre institute ' +
  'university bank fund foundation department directorate administration government army network media'
).split(' ');
const DEMONYMS = new Set(
  (
    'afghan afghans tajik tajiks uzbek uzbeks kazakh kazakhs kyrgyz turkmen russian russians pashtun pashtuns hazara ' +
    'hazaras qatari pakistani iranian chinese indian american americans british european western eastern asian ' +
    'central soviet islamic muslim arab'
  ).split(' '),
);
const CONNECTORS = new Set(['of', 'for', 'on', 'the']);
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'ul', 'de', 'van', 'von', 'da', 'di', 'du', 'la', 'le']);
const STOP_WORDS = new Set(
  'the a an and or but of in on at to for from by with as this that these those it its he she they we you i his her their our my'.split(' '),
);
const SLAVIC_SURNAME = /(?:ov|ova|ev|eva|yev|yeva|in|ina|sky|skiy|ski|enko|yan|chuk)$/;
const COMMON_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ing|ical|ive|ous|ful|less|able|ible|ary|ery|ure|ology|ics|ed|ly)$/;
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'from', 'across', 'outside', 'around']);

// ---------------------------------------------------------------------------------------------------------------
// compromise's model

type LexValue = string | string[];
interface Model {
  one: { lexicon: Record<string, LexValue> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true> };
}

let modelCache: { lexicon: Record<string, LexValue>; orgHeads: Set<string>; placeHeads: Set<string> } | null = null;
function model(): NonNullable<typeof modelCache> {
  if (modelCache === null) {
    const m = nlp.model() as unknown as Model;
    const orgHeads = new Set([...Object.keys(m.two.orgWords), ...EXTRA_ORG_HEADS]);
    const placeHeads = new Set(Object.keys(m.two.placeWords));
    modelCache = { lexicon: m.one.lexicon, orgHeads, placeHeads };
  }
  return modelCache;
}

function lexTags(word: string): readonly string[] {
  const v = model().lexicon[word];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]{2,}[\p{L}\p{M}\p{N}]*)*/gu;

interface Tokens {
  text: string;
  start: Int32Array;
  end: Int32Array;
  raw: string[];
  lower: string[];
  /** Token follows a sentence boundary (or starts the text). */
  sentenceStart: Uint8Array;
  /** What separates the token from the previous one: JOIN_SPACE, JOIN_HYPHEN, or 0 for anything else. */
  joinBefore: Uint8Array;
}

const JOIN_SPACE = 1;
const JOIN_HYPHEN = 2;

function tokenize(text: string): Tokens {
  const raw: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    raw.push(m[0]);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const n = raw.length;
  const sentenceStart = new Uint8Array(n);
  const joinBefore = new Uint8Array(n);
  if (n > 0) sentenceStart[0] = 1;
  for (let i = 1; i < n; i++) {
    const a = ends[i - 1];
    const b = starts[i];
    let spaces = true;
    let boundary = false;
    for (let c = a; c < b; c++) {
      const ch = text.charCodeAt(c);
      if (ch !== 32 && ch !== 9 && ch !== 0xa0) spaces = false;
      // . ! ? : ; newline, carriage return, bullet, middle dot
      if (ch === 46 || ch === 33 || ch === 63 || ch === 58 || ch === 59 || ch === 10 || ch === 13 || ch === 0x2022 || ch === 0xb7) boundary = true;
    }
    sentenceStart[i] = boundary ? 1 : 0;
    if (spaces) joinBefore[i] = JOIN_SPACE;
    else if (b - a === 1) {
      const ch = text.charCodeAt(a);
      if (ch === 45 || ch === 0x2010 || ch === 0x2011) joinBefore[i] = JOIN_HYPHEN;
    }
  }
  return { text, start: Int32Array.from(starts), end: Int32Array.from(ends), raw, lower: raw.map((r) => r.toLowerCase()), sentenceStart, joinBefore };
}

function gapOf(t: Tokens, i: number): string {
  return t.text.slice(t.end[i - 1], t.start[i]);
}

/** Token i is joined to token i-1 by spaces or a single hyphen (the glue inside a name). */
function joined(t: Tokens, i: number): boolean {
  return t.joinBefore[i] !== 0;
}

/** Separators that count as equal when matching names: spaces and hyphens are interchangeable. */
function normGap(t: Tokens, i: number): string {
  return joined(t, i) ? ' ' : gapOf(t, i);
}

const isUpperInitial = (s: string): boolean => /^\p{Lu}/u.test(s);
const isAcronym = (s: string): boolean => /^\p{Lu}{2,6}$/u.test(s);

// ---------------------------------------------------------------------------------------------------------------
// Dictionary matching (codebook names and aliases, gazetteer): token-based, longest match first.

interface Term {
  /** Term tokens as written and lower-cased, and the normalised gaps between them. */
  raw: string[];
  lower: string[];
  gaps: string[];
  /** Punctuation the term ends with ("U.S."): part of the mention when the text has it too. */
  trail: string;
  payload: TermPayload;
}

interface TermPayload {
  kind: TagKind;
  name: string;
  aliases: string[];
  tagId?: string;
  source: 'nlp' | 'codebook';
  /** Entities must start with a capital where the term does; themes match in any case. Acronyms always exactly. */
  strictCase: boolean;
  /** Spellings in other scripts and other transliterations match (name keys); Cyrillic case endings always do. */
  translit: boolean;
}

interface Dictionary {
  /** Terms by their first word: its lower case and each of its name keys. */
  byFirst: Map<string, Term[]>;
  /** Some term is lower-case (a theme): lower-case Cyrillic words are looked up by key too. */
  lowerTerms: boolean;
}

function termOf(s: string, payload: TermPayload): Term | null {
  const t = tokenize(s);
  if (t.raw.length === 0) return null;
  const gaps: string[] = [];
  for (let i = 1; i < t.raw.length; i++) gaps.push(normGap(t, i));
  const trail = s.slice(t.end[t.raw.length - 1]).trim();
  return { raw: t.raw, lower: t.lower, gaps, trail: /^[.]$/.test(trail) ? trail : '', payload };
}

const byLength = (a: Term, b: Term): number =>
  b.raw.length - a.raw.length || (a.payload.source === 'codebook' ? -1 : 0) - (b.payload.source === 'codebook' ? -1 : 0);

/** Words a term's first word can be found by: its lower case, and its name keys (not for acronyms and short words). */
function lookupKeys(raw: string, lower: string): string[] {
  if (isAcronym(raw) || lower.length < 3) return [lower];
  return [lower, ...wordKeys(lower).all.map((k) => '\u0000' + k)];
}

function buildDictionary(terms: Iterable<Term>): Dictionary {
  const byFirst = new Map<string, Term[]>();
  let lowerTerms = false;
  for (const term of terms) {
    if (!term.payload.strictCase) lowerTerms = true;
    const keys = term.payload.translit || hasCyrillic(term.raw[0]) ? lookupKeys(term.raw[0], term.lower[0]) : [term.lower[0]];
    for (const k of keys) {
      const list = byFirst.get(k);
      if (!list) byFirst.set(k, [term]);
      else if (!list.includes(term)) list.push(term);
    }
  }
  // Longest first; codebook before gazetteer on equal length.
  for (const list of byFirst.values()) list.sort(byLength);
  return { byFirst, lowerTerms };
}

function tokenMatches(termRaw: string, termLower: string, textRaw: string, textLower: string, strict: boolean, translit: boolean): boolean {
  if (termLower !== textLower) {
    if (isAcronym(termRaw) || isAcronym(textRaw) || termLower.length < 3 || textLower.length < 3) return false;
    const termCyr = hasCyrillic(termLower);
    const textCyr = hasCyrillic(textLower);
    // Without transliteration only Cyrillic case endings are forgiven (Путина = Путин); other spellings must be equal.
    if (!translit && !(termCyr && textCyr)) return false;
    if (!wordsMatch(termLower, textLower)) return false;
  }
  if (isAcronym(termRaw)) return termRaw === textRaw;
  if (strict && isUpperInitial(termRaw)) return isUpperInitial(textRaw);
  return true;
}

/** Terms whose first word may be token i: by its lower case, and by its name keys when it can be a name. */
function candidates(t: Tokens, i: number, dict: Dictionary): Term[] | undefined {
  const lower = t.lower[i];
  const exact = dict.byFirst.get(lower);
  const raw = t.raw[i];
  if (lower.length < 3 || isAcronym(raw) || !(isUpperInitial(raw) || (dict.lowerTerms && hasCyrillic(lower)))) return exact;
  let out: Term[] | undefined = exact;
  let copied = false;
  for (const k of wordKeys(lower).all) {
    const more = dict.byFirst.get('\u0000' + k);
    if (more === undefined) continue;
    if (out === undefined) {
      out = more;
      continue;
    }
    if (!copied) {
      out = [...out];
      copied = true;
    }
    for (const term of more) if (!out.includes(term)) out.push(term);
  }
  if (copied) out!.sort(byLength);
  return out;
}

interface DictMatch {
  first: number;
  last: number;
  /** UTF-16 offset where the mention ends (after the last token, plus a trailing "." the term has). */
  end: number;
  payload: TermPayload;
}

function matchDictionary(t: Tokens, dict: Dictionary): DictMatch[] {
  const out: DictMatch[] = [];
  const n = t.raw.length;
  for (let i = 0; i < n; i++) {
    const cands = candidates(t, i, dict);
    if (cands === undefined) continue;
    for (const term of cands) {
      const len = term.raw.length;
      if (i + len > n) continue;
      let ok = true;
      for (let k = 0; k < len && ok; k++) {
        ok = tokenMatches(term.raw[k], term.lower[k], t.raw[i + k], t.lower[i + k], term.payload.strictCase, term.payload.translit);
        if (ok && k > 0) ok = normGap(t, i + k) === term.gaps[k - 1];
      }
      if (ok) {
        const last = i + len - 1;
        const end = term.trail !== '' && t.text.startsWith(term.trail, t.end[last]) ? t.end[last] + term.trail.length : t.end[last];
        out.push({ first: i, last, end, payload: term.payload });
        i += len - 1;
        break;
      }
    }
  }
  return out;
}


let gazetteerTerms: Term[] | undefined;
function gazetteer(): Term[] {
  let terms = gazetteerTerms;
  if (terms === undefined) {
    // The Russian entries' Latin aliases link a Russian mention to an English tag; as terms they would change what
    // English texts get, so only their Cyrillic forms are looked for.
    const entries = [...KNOWN_ENTITIES.map((e) => ({ e, forms: [e.name, ...e.aliases] })), ...KNOWN_ENTITIES_RU.map((e) => ({ e, forms: [e.name, ...e.aliases].filter(hasCyrillic) }))];
    terms = entries.flatMap(({ e, forms }) =>
      // Each script has its own entries: across scripts only the analyst's codebook matches.
      forms.flatMap((s) => termOf(s, { kind: e.kind, name: e.name, aliases: e.aliases, source: 'nlp', strictCase: true, translit: false }) ?? []),
    );
    gazetteerTerms = terms;
  }
  return terms;
}

/** Whether a tag's names match across scripts: its own choice, else the notebook's setting. */
export function tagTranslit(tag: Pick<Tag, 'translit'>, setting = true): boolean {
  return setting && tag.translit !== false;
}

function codebookTerms(tags: readonly Tag[], translit: boolean): Term[] {
  const out: Term[] = [];
  for (const tag of tags) {
    if (!isEntityKind(tag.kind) || isCategoryTag(tag)) continue;
    const payload: TermPayload = { kind: tag.kind, name: tag.name, aliases: tag.aliases, tagId: tag.id, source: 'codebook', strictCase: isEntityKind(tag.kind), translit: tagTranslit(tag, translit) };
    for (const s of [tag.name, ...tag.aliases]) {
      const term = termOf(s, payload);
      if (term) out.push(term);
    }
  }
  return out;
}

const dictCache = [new WeakMap<readonly Tag[], Dictionary>(), new WeakMap<readonly Tag[], Dictionary>()];
function suggestionDictionary(tags: readonly Tag[], translit: boolean): Dictionary {
  const cache = dictCache[translit ? 1 : 0];
  let d = cache.get(tags);
  if (!d) {
    d = buildDictionary([...codebookTerms(tags, translit), ...gazetteer()]);
    cache.set(tags, d);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// NLP over runs of capitalised words

type WordClass = 'first' | 'last' | 'person' | 'place' | 'org' | 'orgHead' | 'placeHead' | 'demonym' | 'acronym' | 'common' | 'unknown';

interface TextFacts {
  /** Lower-case words seen written in lower case in this text: evidence they are common words. */
  lowerSeen: Set<string>;
  /** Words seen capitalised away from a sentence start. */
  capMid: Set<string>;
}

function textFacts(t: Tokens): TextFacts {
  const lowerSeen = new Set<string>();
  const capMid = new Set<string>();
  for (let i = 0; i < t.raw.length; i++) {
    const r = t.raw[i];
    if (r === t.lower[i]) lowerSeen.add(r);
    else if (!t.sentenceStart[i]) capMid.add(t.lower[i]);
  }
  return { lowerSeen, capMid };
}

function classify(t: Tokens, i: number, facts: TextFacts): WordClass {
  const raw = t.raw[i];
  const w = t.lower[i];
  const tags = lexTags(w);
  const has = (x: string): boolean => tags.includes(x);
  if (has('Abbreviation')) return 'common'; // "Inc", "Mr", "Gen": never an entity alone
  if (has('Country') || has('City') || has('Region') || has('Place')) return 'place';
  if (has('Organization')) return 'org';
  if (has('FirstName') || has('MaleName') || has('FemaleName')) return 'first';
  if (has('LastName')) return 'last';
  if (has('Person')) return 'person';
  if (has('Demonym') || DEMONYMS.has(w)) return 'demonym';
  if (model().orgHeads.has(w)) return 'orgHead';
  if (model().placeHeads.has(w)) return 'placeHead';
  if (isAcronym(raw) && tags.length === 0) return 'acronym';
  if (tags.length > 0 || STOP_WORDS.has(w) || facts.lowerSeen.has(w)) return 'common';
  if (/^\p{Lu}{7,}$/u.test(raw)) return 'common'; // shouting, not a name
  // Plurals of known words ("Results", "Events").
  if (w.endsWith('s') && (lexTags(w.slice(0, -1)).length > 0 || (w.endsWith('es') && lexTags(w.slice(0, -2)).length > 0))) return 'common';
  if (/^\p{Lu}[\p{Ll}\p{M}]{3,}$/u.test(raw) && /(?:stan)$/.test(w)) return 'place';
  if (/\p{N}/u.test(raw)) return 'common';
  return 'unknown';
}

interface NlpMention {
  first: number;
  last: number;
  kind: EntityKind;
  /** Cyrillic: the proposed name is the nominative of the words (lemmaOf). */
  ru?: boolean;
  /** Single unknown word kept only if it turns out to be the last name of a person named in full. */
  pending?: boolean;
  /** A guess from the word's shape or context alone: a person's last name elsewhere in the text overrides it. */
  guess?: boolean;
}

/** Months, weekdays, dates: "the Foreign Ministry on Sunday" ends at "Ministry". */
function isTemporal(w: string): boolean {
  return lexTags(w).some((x) => x === 'Month' || x === 'WeekDay' || x === 'Date' || x === 'Holiday' || x === 'Duration');
}

function isTitleWord(w: string): boolean {
  return TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w);
}

/** Finds runs of capitalised tokens not covered by dictionary matches and turns them into mentions. */
function nlpMentions(t: Tokens, covered: Uint8Array, facts: TextFacts): NlpMention[] {
  const out: NlpMention[] = [];
  const n = t.raw.length;
  const cls: Array<WordClass | undefined> = new Array(n);
  const classOf = (i: number): WordClass => (cls[i] ??= classify(t, i, facts));
  const capitalised = (i: number): boolean => !covered[i] && isUpperInitial(t.raw[i]) && !/^\p{N}/u.test(t.raw[i]);

  let i = 0;
  while (i < n) {
    if (!capitalised(i)) {
      i++;
      continue;
    }
    // Grow the run: capitalised tokens joined by a space or hyphen, name particles and (after an org head)
    // connectors like "of the".
    const run = [i];
    let j = i + 1;
    while (j < n) {
      if (!joined(t, j)) break;
      if (capitalised(j)) {
        run.push(j);
        j++;
        continue;
      }
      const w = t.lower[j];
      const orgSoFar = run.some((k) => classOf(k) === 'orgHead');
      let k = j;
      if (orgSoFar && CONNECTORS.has(w) && w !== 'the') {
        k = j + 1;
        if (k < n && t.lower[k] === 'the' && joined(t, k)) k++;
      } else if (NAME_PARTICLES.has(w) && t.raw[j] === w) {
        k = j + 1;
      } else break;
      if (k < n && k > j && joined(t, k) && capitalised(k) && !isTemporal(t.lower[k])) {
        for (let x = j; x <= k; x++) run.push(x);
        j = k + 1;
      } else break;
    }
    processRun(t, run, classOf, facts, out);
    i = j;
  }
  return out;
}

function processRun(t: Tokens, run: number[], classOf: (i: number) => WordClass, facts: TextFacts, out: NlpMention[]): void {
  if (hasCyrillic(t.raw[run[0]])) {
    russianRun(t, run, facts, out);
    return;
  }
  let toks = [...run];
  // A sentence-initial common word ("The", "According", "Against") is not part of a name.
  while (toks.length > 0 && ((t.sentenceStart[toks[0]] && classOf(toks[0]) === 'common') || STOP_WORDS.has(t.lower[toks[0]]))) toks = toks.slice(1);
  if (toks.length === 0) return;
  // "spokesman Dmitry Peskov", "president Joe Biden": a lower-case title just before the run.
  const precededByTitle = toks[0] > 0 && joined(t, toks[0]) && TITLE_HEADS.has(t.raw[toks[0] - 1]);
  const precededByPlacePrep = toks[0] > 0 && t.joinBefore[toks[0]] === JOIN_SPACE && PLACE_PREPOSITIONS.has(t.raw[toks[0] - 1]);

  // Title blocks ("Tajik President", "Foreign Minister", "Secretary-General", "Mr") split the run; what follows a
  // title block is a person's name when it looks like one.
  const parts: Array<{ toks: number[]; titled: boolean }> = [];
  let cur: number[] = [];
  let curTitled = precededByTitle;
  let k = 0;
  while (k < toks.length) {
    let e = k;
    let hasHead = false;
    while (e < toks.length && (isTitleWord(t.lower[toks[e]]) || classOf(toks[e]) === 'demonym')) {
      if (TITLE_HEADS.has(t.lower[toks[e]])) hasHead = true;
      e++;
    }
    const nameAfter = e < toks.length && ['first', 'last', 'person', 'unknown'].includes(classOf(toks[e]));
    if (hasHead && nameAfter) {
      if (cur.length > 0) parts.push({ toks: cur, titled: curTitled });
      cur = [];
      curTitled = true;
      k = e;
    } else {
      cur.push(toks[k]);
      k++;
    }
  }
  if (cur.length > 0) parts.push({ toks: cur, titled: curTitled });
  for (const p of parts) classifyPart(t, p.toks, p.titled, precededByPlacePrep && p.toks[0] === toks[0], classOf, facts, out);
}

function classifyPart(
  t: Tokens,
  toks: number[],
  titled: boolean,
  afterPlacePrep: boolean,
  classOf: (i: number) => WordClass,
  facts: TextFacts,
  out: NlpMention[],
): void {
  // Trim connectors and particles at the edges.
  while (toks.length > 0 && !isUpperInitial(t.raw[toks[0]])) toks = toks.slice(1);
  while (toks.length > 0 && !isUpperInitial(t.raw[toks[toks.length - 1]])) toks = toks.slice(0, -1);
  if (toks.length === 0) return;
  // Names the lexicon knows as several words ("New York", "Saudi Arabia", "Financial Times").
  for (let x = 0; x < toks.length - 1; x++) {
    for (let len = Math.min(4, toks.length - x); len >= 2; len--) {
      const span = toks.slice(x, x + len);
      const kind = multiWordKind(t, span);
      if (kind === null) continue;
      if (x > 0) classifyPart(t, toks.slice(0, x), titled, afterPlacePrep, classOf, facts, out);
      out.push({ first: span[0], last: span[span.length - 1], kind });
      if (x + len < toks.length) classifyPart(t, toks.slice(x + len), false, false, classOf, facts, out);
      return;
    }
  }
  const classes = toks.map(classOf);

  // Organisations: everything up to the last org head ("Second Asia Department of the Foreign Ministry").
  let h = -1;
  for (let x = classes.length - 1; x >= 0; x--) {
    if (classes[x] === 'orgHead') {
      h = x;
      break;
    }
  }
  if (h >= 0) {
    const tail = toks.slice(h + 1);
    const tailEnd = tail.length > 0 ? classes[classes.length - 1] : null;
    if (
      tail.length > 0 &&
      (!isUpperInitial(t.raw[tail[0]]) || t.joinBefore[tail[0]] !== JOIN_SPACE || tailEnd === 'common' || tailEnd === 'orgHead' || tailEnd === 'placeHead')
    ) {
      // "Council of Heads of State of the Commonwealth", "Center for Military-Political Research": a connector, a
      // hyphen or a closing common noun makes the rest part of the name.
      out.push({ first: toks[0], last: toks[toks.length - 1], kind: 'organisation' });
      return;
    }
    // A bare "Council" or "Government" is too generic; what follows the head ("... Ministry Zamir Kabulov") is
    // another entity.
    if (h > 0) out.push({ first: toks[0], last: toks[h], kind: 'organisation' });
    if (tail.length > 0) classifyPart(t, tail, false, false, classOf, facts, out);
    return;
  }
  // Places named with a head word: "Panjshir Valley", "Balkh Province".
  if (toks.length >= 2 && classes[classes.length - 1] === 'placeHead' && classes.slice(0, -1).every((c) => c !== 'common' && c !== 'demonym')) {
    out.push({ first: toks[0], last: toks[toks.length - 1], kind: 'place' });
    return;
  }

  let group: number[] = [];
  const flush = (): void => {
    if (group.length > 0) personGroup(t, group, titled, afterPlacePrep && group[0] === toks[0], classOf, facts, out);
    group = [];
  };
  for (let x = 0; x < toks.length; x++) {
    const c = classes[x];
    const tok = toks[x];
    if (!isUpperInitial(t.raw[tok])) {
      if (group.length > 0) group.push(tok); // a name particle inside a name
      continue;
    }
    if (c === 'first' || c === 'last' || c === 'person' || c === 'unknown') {
      group.push(tok);
      continue;
    }
    // Anything else ends a name: "Tajikistan Emomali Rahmon" is a place, then a person.
    flush();
    if (c === 'place') out.push({ first: tok, last: tok, kind: 'place' });
    else if (c === 'org' || c === 'acronym') out.push({ first: tok, last: tok, kind: 'organisation' });
  }
  flush();
}

/** A run of capitalised Cyrillic words (gazetteer and codebook matches already taken out): see russian.ts. */
function russianRun(t: Tokens, run: number[], facts: TextFacts, out: NlpMention[]): void {
  const cls: RuClass[] = run.map((i) => classifyRussian(t.raw[i], t.lower[i], t.sentenceStart[i] === 1, facts.lowerSeen));
  const start = run[0];
  const prev = start > 0 && t.joinBefore[start] === JOIN_SPACE ? t.lower[start - 1] : '';
  let titled = isRussianTitle(prev);
  const afterPrep = isPlacePreposition(prev);
  let group: number[] = [];
  let groupCls: RuClass[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const first = group[0];
    const last = group[group.length - 1];
    const named = groupCls.some((c) => c === 'first' || c === 'surname' || c === 'patronymic');
    if (group.length === 1) {
      const c = groupCls[0];
      const weakStart = t.sentenceStart[first] === 1;
      if (titled || (c === 'surname' && !weakStart)) out.push({ first, last, kind: 'person', ru: true, guess: !titled });
      else if (c === 'surname') out.push({ first, last, kind: 'person', ru: true, pending: true });
      else if (c === 'unknown' && afterPrep && first === start) out.push({ first, last, kind: 'place', ru: true, guess: true });
      else if (c === 'unknown' || c === 'first') out.push({ first, last, kind: 'person', ru: true, pending: true });
    } else if (named || titled) {
      out.push({ first, last, kind: 'person', ru: true });
    } else {
      out.push({ first, last, kind: 'person', ru: true, guess: true });
    }
    group = [];
    groupCls = [];
    titled = false;
  };
  // A lone capitalised word opening a sentence ("Шойгу подчеркнул") is a name only if it ends a full name elsewhere.
  if (run.length === 1 && cls[0] === 'common' && t.sentenceStart[start] === 1 && classifyRussian(t.raw[start], t.lower[start], false, facts.lowerSeen) !== 'common') {
    out.push({ first: start, last: start, kind: 'person', ru: true, pending: true });
    return;
  }
  for (let x = 0; x < run.length; x++) {
    const c = cls[x];
    const i = run[x];
    if (c === 'first' || c === 'surname' || c === 'patronymic' || c === 'unknown') {
      group.push(i);
      groupCls.push(c);
      continue;
    }
    flush();
    titled = c === 'title';
    if (c === 'place') out.push({ first: i, last: i, kind: 'place', ru: true });
    else if (c === 'acronym') out.push({ first: i, last: i, kind: 'organisation', ru: true });
  }
  flush();
}

function multiWordKind(t: Tokens, span: readonly number[]): EntityKind | null {
  for (let k = 1; k < span.length; k++) if (!joined(t, span[k]) || span[k] !== span[k - 1] + 1) return null;
  const tags = lexTags(span.map((i) => t.lower[i]).join(' '));
  if (tags.length === 0) return null;
  if (tags.some((x) => x === 'Country' || x === 'City' || x === 'Region' || x === 'Place')) return 'place';
  if (tags.includes('Organization') || tags.includes('SportsTeam')) return 'organisation';
  if (tags.includes('Person')) return 'person';
  return null;
}

function personGroup(
  t: Tokens,
  toks: number[],
  titled: boolean,
  afterPlacePrep: boolean,
  classOf: (i: number) => WordClass,
  facts: TextFacts,
  out: NlpMention[],
): void {
  while (toks.length > 0 && !isUpperInitial(t.raw[toks[toks.length - 1]])) toks = toks.slice(0, -1);
  if (toks.length === 0 || toks.length > 5) return;
  const classes = toks.map(classOf);
  const first = toks[0];
  const last = toks[toks.length - 1];
  const prevHonorific = first > 0 && HONORIFICS.has(t.lower[first - 1].replace(/\.$/, ''));
  const named = classes.some((c) => c === 'first' || c === 'last' || c === 'person');
  const unknownWords = toks.filter((_, x) => classes[x] === 'unknown');
  if (toks.length === 1) {
    const w = t.lower[first];
    const weakStart = t.sentenceStart[first] === 1 && !facts.capMid.has(w);
    const c = classes[0];
    if (c === 'last' || c === 'person' || titled || prevHonorific) {
      out.push({ first, last, kind: 'person' });
    } else if (c === 'unknown' && !weakStart && SLAVIC_SURNAME.test(w) && w.length >= 5) {
      out.push({ first, last, kind: 'person', guess: true });
    } else if (c === 'unknown' && afterPlacePrep && !weakStart) {
      out.push({ first, last, kind: 'place', guess: true });
    } else if (c === 'unknown' || c === 'first') {
      out.push({ first, last, kind: 'person', pending: true });
    }
    return;
  }
  const looksCommon = unknownWords.some((i) => COMMON_SUFFIX.test(t.lower[i]));
  if (named || titled || prevHonorific || (unknownWords.length === toks.length && !looksCommon)) {
    out.push({ first, last, kind: 'person' });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Per-text cache: tokens and NLP mentions do not depend on the codebook.

interface Analysis {
  tokens: Tokens;
  facts: TextFacts;
}

const analysisCache = new Map<string, Analysis>();
const ANALYSIS_CACHE_SIZE = 8;

function analyse(text: string): Analysis {
  const hit = analysisCache.get(text);
  if (hit) {
    analysisCache.delete(text);
    analysisCache.set(text, hit);
    return hit;
  }
  const tokens = tokenize(text);
  const a = { tokens, facts: textFacts(tokens) };
  analysisCache.set(text, a);
  if (analysisCache.size > ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value as string);
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// Suggestions

interface RawSuggestion {
  first: number;
  last: number;
  end: number;
  kind: EntityKind;
  proposedName: string;
  aliases?: string[];
  tagId?: string;
  source: 'nlp' | 'codebook';
  pending?: boolean;
  guess?: boolean;
}

const keyMemo = new Map<string, string>();
/** nameKey, memoised: suggestions compare thousands of mentions against the codebook. */
function key(s: string): string {
  let k = keyMemo.get(s);
  if (k === undefined) {
    k = nameKey(s);
    if (keyMemo.size > 50_000) keyMemo.clear();
    keyMemo.set(s, k);
  }
  return k;
}

function spanText(t: Tokens, first: number, last: number): string {
  return t.text.slice(t.start[first], t.end[last]);
}

function cleanName(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Suggestions for one source, in text order: entity mentions not yet tagged with their entity, not rejected, not in
 * page furniture. Mentions of codebook tags carry `tagId`; others propose a new tag of the right kind.
 */
export function suggestEntities(text: string, data: SuggestData): Suggestion[] {
  const { tokens: t, facts } = analyse(text);
  const n = t.raw.length;
  const translit = data.translit !== false;
  const dictMatches = matchDictionary(t, suggestionDictionary(data.tags, translit));
  const covered = new Uint8Array(n);
  for (const m of dictMatches) covered.fill(1, m.first, m.last + 1);

  const raw: RawSuggestion[] = [];
  for (const m of dictMatches) {
    if (!isEntityKind(m.payload.kind)) continue;
    raw.push({ first: m.first, last: m.last, end: m.end, kind: m.payload.kind, proposedName: m.payload.name, aliases: m.payload.aliases, tagId: m.payload.tagId, source: m.payload.source });
  }
  let forms: Map<string, string[]> | null = null;
  // One name is mentioned many times: its nominative and spellings are worked out once.
  const russianNames = new Map<string, string>();
  for (const m of nlpMentions(t, covered, facts)) {
    let proposedName = cleanName(spanText(t, m.first, m.last));
    let aliases: string[] | undefined;
    if (m.ru) {
      forms ??= cyrillicForms(t);
      const memo = `${proposedName}\u0000${t.sentenceStart[m.first]}`;
      let name = russianNames.get(memo);
      if (name === undefined) russianNames.set(memo, (name = russianName(t, m.first, m.last, forms)));
      proposedName = name;
      aliases = spellingsOf(proposedName);
    }
    raw.push({ first: m.first, last: m.last, end: t.end[m.last], kind: m.kind, proposedName, aliases, source: 'nlp', pending: m.pending, guess: m.guess });
  }

  normalisePeople(t, raw);

  // Link to the codebook by name or alias.
  const byName = new Map<string, Tag>();
  for (const tag of data.tags) {
    if (!isEntityKind(tag.kind) || isCategoryTag(tag)) continue;
    for (const s of [tag.name, ...tag.aliases]) if (!byName.has(key(s))) byName.set(key(s), tag);
  }
  const acrossIndex = tagNameIndex(data.tags, translit);
  const acrossMemo = new Map<string, Tag | undefined>();
  const acrossScripts = (name: string, kind: EntityKind): Tag | undefined => {
    const k = `${kind}\u0000${name}`;
    if (!acrossMemo.has(k)) acrossMemo.set(k, acrossIndex(name, kind));
    return acrossMemo.get(k);
  };
  const tagIds = new Set(data.tags.map((tag) => tag.id));

  const rejectedKeys = new Set<string>();
  for (const r of data.rejected ?? []) rejectedKeys.add(typeof r === 'string' ? r : suggestionKey(r));
  const rejectedEntities = new Set<string>();
  for (const e of data.rejectedEntities ?? []) rejectedEntities.add(e).add(key(e));
  const furniture = data.furniture ?? [];
  const highlightsByTag = new Map<string, Array<{ start: number; end: number }>>();
  for (const h of data.highlights) {
    if (h.orphan) continue;
    for (const id of h.tagIds) {
      const list = highlightsByTag.get(id);
      if (list) list.push(h);
      else highlightsByTag.set(id, [h]);
    }
  }

  const out: Suggestion[] = [];
  for (const r of raw) {
    if (r.pending) continue;
    const start = t.start[r.first];
    const end = r.end;
    const mention = t.text.slice(start, end);
    let tagId = r.tagId !== undefined && tagIds.has(r.tagId) ? r.tagId : undefined;
    let kind = r.kind;
    let proposedName = r.proposedName;
    if (tagId === undefined) {
      const tag =
        byName.get(key(proposedName)) ??
        byName.get(key(mention)) ??
        r.aliases?.map((a) => byName.get(key(a))).find((x) => x) ??
        acrossScripts(proposedName, r.kind) ??
        acrossScripts(mention, r.kind);
      if (tag && isEntityKind(tag.kind)) {
        tagId = tag.id;
        kind = tag.kind;
        proposedName = tag.name;
      }
    }
    if (furniture.some(([a, b]) => start < b && end > a)) continue;
    const sKey = suggestionKey({ start, end, text: mention });
    if (rejectedKeys.has(sKey)) continue;
    if (rejectedEntities.has(key(proposedName)) || (tagId !== undefined && rejectedEntities.has(tagId))) continue;
    if (tagId !== undefined && (highlightsByTag.get(tagId) ?? []).some((h) => h.start < end && h.end > start)) continue;
    out.push({
      key: sKey,
      start,
      end,
      text: mention,
      kind,
      ...(tagId !== undefined ? { tagId } : {}),
      proposedName,
      ...(tagId === undefined && r.aliases && r.aliases.length > 0 ? { aliases: [...r.aliases] } : {}),
      source: r.source,
      entityKey: tagId !== undefined ? `tag:${tagId}` : `${kind}:${key(proposedName)}`,
    });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/**
 * One person, one name: a mention whose words end another person mention in the same text takes the fullest name
 * ("Putin" -> "Vladimir Putin"); pending single words that turn out to be known last names become people.
 */
function normalisePeople(t: Tokens, raw: RawSuggestion[]): void {
  const full = new Map<string, Map<string, number>>(); // last word -> full name -> count
  for (const r of raw) {
    if (r.kind !== 'person' || r.pending || r.last === r.first) continue;
    const lastWord = personKey(t, r.last);
    const names = full.get(lastWord) ?? new Map<string, number>();
    names.set(r.proposedName, (names.get(r.proposedName) ?? 0) + 1);
    full.set(lastWord, names);
  }
  for (const r of raw) {
    if (r.source === 'codebook' || (r.kind !== 'person' && !r.pending && !r.guess)) continue;
    const names = full.get(personKey(t, r.last));
    if (!names) continue;
    const mentionWords = r.proposedName.toLowerCase().split(/[\s-]+/);
    let best: string | null = null;
    let bestScore = -1;
    for (const [name, count] of names) {
      const words = name.toLowerCase().split(/[\s-]+/);
      if (words.length <= mentionWords.length) continue;
      const isSuffix = mentionWords.every((w, i) => { const x = words[words.length - mentionWords.length + i]; return x === w || (hasCyrillic(w) && wordsMatch(x, w)); });
      const score = isSuffix ? count * 100 + words.length : -1;
      if (score > bestScore) {
        best = name;
        bestScore = score;
      }
    }
    if (best !== null) {
      r.proposedName = best;
      r.kind = 'person';
      r.pending = false;
    }
  }
}

const spellingMemo = new Map<string, string[]>();
/** The first Latin spellings of a Cyrillic name (BGN, ISO 9, scholarly), offered as a new tag's aliases. */
function spellingsOf(name: string): string[] {
  let out = spellingMemo.get(name);
  if (out === undefined) {
    out = latinSpellings(name).slice(0, 3);
    if (spellingMemo.size > 20_000) spellingMemo.clear();
    spellingMemo.set(name, out);
  }
  return out;
}

/** A person's last word as mentions of one person share it: its stem for Cyrillic (Путина, Путину), else lower case. */
function personKey(t: Tokens, i: number): string {
  // Uzbek and Tajik add suffixes to the name unchanged (Мирзиёевнинг, Раҳмонро): they come off first.
  return hasCyrillic(t.raw[i]) ? stemKey(bareWord(t.lower[i], languageAt(t, i))) : t.lower[i];
}

/** Capitalised Cyrillic words of the text by stem: the forms one word takes (Путин, Путина, Путину). */
function cyrillicForms(t: Tokens): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < t.raw.length; i++) {
    const r = t.raw[i];
    if (!isUpperInitial(r) || !hasCyrillic(r) || isAcronym(r)) continue;
    const k = stemKey(t.lower[i]);
    const list = out.get(k);
    if (!list) out.set(k, [r]);
    else if (!list.includes(r)) list.push(r);
  }
  return out;
}

const paragraphLanguages = new WeakMap<Tokens, Map<number, CyrillicLanguage>>();

/** The Cyrillic language of the paragraph token i is in (Russian, Ukrainian, Uzbek, Tajik), once per paragraph. */
function languageAt(t: Tokens, i: number): CyrillicLanguage {
  let memo = paragraphLanguages.get(t);
  if (!memo) paragraphLanguages.set(t, (memo = new Map()));
  const from = t.text.lastIndexOf('\n', t.start[i]) + 1;
  let lang = memo.get(from);
  if (lang === undefined) {
    const end = t.text.indexOf('\n', t.start[i]);
    lang = cyrillicLanguage(t.text, from, end < 0 ? t.text.length : end);
    // A short paragraph (a heading, a dateline) says little: the whole text decides.
    if (lang === 'ru' && (end < 0 ? t.text.length : end) - from < 200) lang = cyrillicLanguage(t.text);
    memo.set(from, lang);
  }
  return lang;
}

/** The nominative of a Cyrillic name mention, word by word, keeping its separators (Касым-Жомарт). */
function russianName(t: Tokens, first: number, last: number, forms: Map<string, string[]>): string {
  const firstName = firstNameOf(t.raw[first]);
  const female = firstName !== null && isFemaleFirstName(firstName);
  const lang = languageAt(t, first);
  let out = '';
  for (let i = first; i <= last; i++) {
    if (i > first) out += joined(t, i) ? (t.joinBefore[i] === JOIN_HYPHEN ? '-' : ' ') : gapOf(t, i);
    out += lemmaOf(t.raw[i], forms.get(stemKey(t.lower[i])) ?? [], female, lang);
  }
  return out;
}

/**
 * Entity tags found by a mention across scripts and inflection (Путину -> "Vladimir Putin" with the alias "Путин",
 * or by its last word alone when one person tag has it): a finder from name to tag.
 */
function tagNameIndex(tags: readonly Tag[], translit: boolean): (name: string, kind: EntityKind) => Tag | undefined {
  const byKey = new Map<string, Array<{ tag: Tag; name: string }>>();
  for (const tag of tags) {
    if (!isEntityKind(tag.kind) || isCategoryTag(tag)) continue;
    for (const s of [tag.name, ...tag.aliases]) {
      const words = nameWords(s);
      if (words.length === 0) continue;
      for (const k of wordKeys(words[words.length - 1]).all) {
        const list = byKey.get(k);
        if (!list) byKey.set(k, [{ tag, name: s }]);
        else list.push({ tag, name: s });
      }
    }
  }
  return (name, kind) => {
    const words = nameWords(name);
    if (words.length === 0) return undefined;
    const lastWord = words[words.length - 1];
    if (lastWord.length < 3) return undefined;
    const seen = new Set<Tag>();
    const whole: Tag[] = [];
    const byLast: Tag[] = [];
    for (const k of wordKeys(lastWord).all) {
      for (const { tag, name: s } of byKey.get(k) ?? []) {
        const allowed = tagTranslit(tag, translit) || (hasCyrillic(s) && hasCyrillic(name)) || s.toLowerCase() === name.toLowerCase();
        if (!allowed) continue;
        if (namesMatch(name, s)) {
          if (!whole.includes(tag)) whole.push(tag);
        } else if (words.length === 1 && kind === 'person' && tag.kind === 'person' && !seen.has(tag)) {
          const sw = nameWords(s);
          if (sw.length > 1 && wordsMatch(lastWord, sw[sw.length - 1])) byLast.push(tag);
        }
        seen.add(tag);
      }
    }
    if (whole.length > 0) return whole[0];
    return byLast.length === 1 ? byLast[0] : undefined;
  };
}

export interface SuggestionGroup {
  entityKey: string;
  kind: EntityKind;
  proposedName: string;
  tagId?: string;
  aliases?: string[];
  mentions: Suggestion[];
}

/** Suggestions grouped by entity, most mentioned first: the "accept all of this entity" view. */
export function groupSuggestions(suggestions: readonly Suggestion[]): SuggestionGroup[] {
  const groups = new Map<string, SuggestionGroup>();
  for (const s of suggestions) {
    let g = groups.get(s.entityKey);
    if (!g) {
      g = { entityKey: s.entityKey, kind: s.kind, proposedName: s.proposedName, mentions: [] };
      if (s.tagId !== undefined) g.tagId = s.tagId;
      if (s.aliases) g.aliases = [...s.aliases];
      groups.set(s.entityKey, g);
    }
    g.mentions.push(s);
  }
  return [...groups.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.proposedName.localeCompare(b.proposedName));
}

/**
 * The tag an accepted suggestion goes to: its matched tag, or an existing tag of that name under the kind's default
 * parent, or a new tag (name, kind, gazetteer aliases) under that parent, returned as a TagChange to apply.
 */
export function resolveSuggestionTag(
  tags: readonly Tag[],
  suggestion: Pick<Suggestion, 'tagId' | 'kind' | 'proposedName' | 'aliases'>,
  newTag: { id: string; createdAt: string; color?: string },
): { tagId: string; change: TagChange | null } {
  if (suggestion.tagId !== undefined && tags.some((t) => t.id === suggestion.tagId)) return { tagId: suggestion.tagId, change: null };
  const parentId = defaultParentId(tags, suggestion.kind);
  const existing = tags.find((t) => t.parentId === parentId && nameKey(t.name) === nameKey(suggestion.proposedName));
  if (existing) return { tagId: existing.id, change: null };
  const change = createTag(tags, {
    id: newTag.id,
    name: suggestion.proposedName,
    kind: suggestion.kind,
    parentId,
    aliases: suggestion.aliases ?? [],
    createdAt: newTag.createdAt,
    ...(newTag.color !== undefined ? { color: newTag.color } : {}),
  });
  return { tagId: change.tag.id, change };
}

/**
 * "Tag all mentions": every word-bounded mention of the tag's name and aliases across sources. Entity names must be
 * capitalised where the name is (so a person "Said" does not match "said"); theme names match in any case; acronyms
 * ("IS") always match exactly. Mentions already covered by a highlight carrying the tag are left out. Sources are
 * `{ id, text, highlights? }` or the notebook's `{ meta, text, highlights }`.
 */
export type MentionSource = { text: string; highlights?: readonly Pick<Highlight, 'start' | 'end' | 'tagIds' | 'orphan'>[] } & (
  | { id: string }
  | { meta: { id: string } }
);

export function findMentions(tag: Tag, sources: ReadonlyArray<MentionSource>, options: { translit?: boolean } = {}): Mention[] {
  const translit = tagTranslit(tag, options.translit !== false);
  const payload: TermPayload = { kind: tag.kind, name: tag.name, aliases: tag.aliases, tagId: tag.id, source: 'codebook', strictCase: isEntityKind(tag.kind), translit };
  const terms = [tag.name, ...tag.aliases].flatMap((s) => termOf(s, payload) ?? []);
  if (terms.length === 0) return [];
  const dict = buildDictionary(terms);
  // A cheap test before tokenising a source: a first word as written, or (across scripts or case endings) any text.
  const keyed = translit || terms.some((x) => hasCyrillic(x.raw[0]));
  const firstWords = [...new Set(terms.map((x) => x.lower[0]))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const prefilter = keyed ? null : new RegExp(firstWords.join('|'), 'iu');
  const out: Mention[] = [];
  for (const source of sources) {
    if (prefilter && !prefilter.test(source.text)) continue;
    const t = tokenize(source.text);
    const tagged = (source.highlights ?? []).filter((h) => !h.orphan && h.tagIds.includes(tag.id));
    for (const m of matchDictionary(t, dict)) {
      const start = t.start[m.first];
      const end = m.end;
      if (tagged.some((h) => h.start < end && h.end > start)) continue;
      out.push({ sourceId: 'id' in source ? source.id : source.meta.id, start, end, text: source.text.slice(start, end) });
    }
  }
  return out;
}
