/**
 * Words of a statement reduced to comparable lemmas: lower case, stop words out, plural and verb endings off, and
 * synonyms (including the ones translations swap: "disguised as" / "under the guise of", "penetrate" / "come in",
 * "militants" / "terrorists", "CIS" / "the Commonwealth") mapped to one lemma. Pure, English only.
 */
const STOP = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under about as than then that this these those ' +
    'it its it’s is are was were be been being am do does did done doing have has had having will would shall should can could may might must ' +
    "not no don’t don't doesn’t doesn't didn’t didn't we us our ours you your he him his she her they them their i me my mine who whom whose which what " +
    'there here also so such very just only even still too all any some each every both more most much many other another own same ' +
    'if when while where how why because since until after before during through between against among within upon ' +
    'said say says saying added noted stressed warned according including include includes included'
  ).split(/\s+/),
);

/** canonical lemma -> the words (already lower-case) that mean it here. */
const SYNONYM_GROUPS: Record<string, string[]> = {
  terrorist: ['terrorist', 'terrorists', 'militant', 'militants', 'jihadist', 'jihadists', 'insurgent', 'insurgents'],
  disguise: ['disguise', 'disguised', 'guise', 'pretext', 'masquerade', 'masquerading', 'posing', 'pose'],
  enter: ['enter', 'entering', 'penetrate', 'penetrating', 'penetration', 'infiltrate', 'infiltrating', 'come', 'coming', 'cross', 'crossing', 'sneak', 'slip'],
  refugee: ['refugee', 'refugees', 'migrant', 'migrants', 'asylum'],
  cis: ['cis', 'commonwealth'],
  territory: ['territory', 'territories', 'soil', 'land', 'lands'],
  try: ['try', 'trying', 'tries', 'tried', 'attempt', 'attempting', 'attempts', 'seek', 'seeking'],
  border: ['border', 'borders', 'frontier', 'frontiers'],
  threat: ['threat', 'threats', 'danger', 'dangers', 'risk', 'risks', 'menace'],
  drug: ['drug', 'drugs', 'narcotic', 'narcotics', 'opiate', 'opiates', 'heroin'],
  buildup: ['buildup', 'build-up', 'concentration', 'accumulation'],
  visible: ['visible', 'evident', 'apparent', 'seen'],
  group: ['group', 'groups', 'organization', 'organizations', 'organisation', 'organisations', 'formation', 'formations'],
  afghanistan: ['afghanistan', 'afghan'],
  russia: ['russia', 'russian', 'moscow'],
  isis: ['isis', 'isil', 'daesh'],
  member: ['member', 'members', 'fighter', 'fighters'],
  thousand: ['thousand', '2,000', '2000'],
  plan: ['plan', 'plans', 'plot', 'plots', 'hatching', 'hatch'],
  spread: ['spread', 'extend', 'expand'],
  north: ['north', 'northern'],
  humiliating: ['humiliating', 'insulting', 'offensive'],
  inter: ['inter', 'intra'],
  visa: ['visa', 'visas'],
  send: ['send', 'sent', 'sending'],
};

const CANONICAL = new Map<string, string>();
for (const [lemma, words] of Object.entries(SYNONYM_GROUPS)) for (const w of words) CANONICAL.set(w, lemma);

/** A light stemmer: enough to meet "visas" with "visa" and "penetrated" with "penetrate". */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

const ASCII = /^[\x00-\x7f]*$/;

/** "Putin's" (either apostrophe): the 's comes off. */
function possessive(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return false;
  const mark = word.charCodeAt(n - 2);
  return mark === 39 || mark === 0x2019;
}

/** The lemmas of a text, in order (stop words removed, synonyms merged). */
export function lemmas(text: string): string[] {
  const out: string[] = [];
  // Hyphenated words count as their parts ("inter-Afghan" meets "intra-Afghan"); "2,000" stays one number.
  const lower = text.toLowerCase();
  // NFKC leaves ASCII as it is: most statements skip it.
  const words = (ASCII.test(lower) ? lower : lower.normalize('NFKC')).match(/[\p{N}][\p{N},.]*[\p{N}]|[\p{L}\p{N}][\p{L}\p{N}’']*/gu) ?? [];
  for (let i = 0; i < words.length && i < 2000; i++) {
    const raw = words[i];
    const w = possessive(raw) ? raw.slice(0, -2) : raw;
    if (STOP.has(w)) continue;
    const direct = CANONICAL.get(w);
    if (direct) {
      out.push(direct);
      continue;
    }
    const s = stem(w);
    if (STOP.has(s)) continue;
    out.push(CANONICAL.get(s) ?? s);
  }
  return out;
}
