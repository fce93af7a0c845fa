import { describeRange } from './describe';
import type { AnchorableHighlight } from './reanchor';
import { seededRandom } from '../seeded-random';

/**
 * Deterministic test and benchmark data for anchoring: an English-like news article of a given size with
 * highlights on it. Shared by the unit tests and the benchmark so both measure the same thing.
 */

export interface AnchoringFixture {
  text: string;
  highlights: AnchorableHighlight[];
}

const prng = seededRandom;

const WORDS = (
  'the of and to in a that for on with as by at from was were is are said has have had will would could ' +
  'government officials police border refugees migrants ministry president minister spokesman report agency ' +
  'people country city region province village camp district authorities forces army security operation ' +
  'drugs cartel smuggling network trafficking shipment seized arrested suspects investigation court judge ' +
  'attack bombing group militants fighters leaders members organisation council union nations commission ' +
  'week month year yesterday Monday Tuesday Wednesday Thursday Friday morning night hours days thousands ' +
  'hundreds dozens several many most some new former local national international foreign regional ' +
  'crossing river coast mountains capital north south east west northern southern eastern western ' +
  'told reporters according statement interview announced confirmed denied warned called asked agreed ' +
  'plan policy law decision talks deal aid support funding crisis conflict war peace violence protest ' +
  'families children women men residents workers students journalists witnesses doctors volunteers'
).split(' ');

const NAMES = ['Amina Haddad', 'José Álvarez', 'Nguyễn Văn An', 'Ólafur Jónsson', 'Zoë Brontë', 'Renée Dubois'];
const PLACES = ['Ceuta', 'Lampedusa', 'Tijuana', 'Kraków', 'São Paulo', 'Zürich', 'Montréal', 'café Noe\u0301l'];
const EMOJI = ['🙂', '🚢', '📍', '🇺🇳', '👩🏽‍⚕️'];

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function makeArticle(rand: () => number, sizeBytes: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const word = (): string => {
    const r = rand();
    if (r < 0.03) return pick(NAMES);
    if (r < 0.06) return pick(PLACES);
    if (r < 0.07) return pick(['country’s', 'officials’', 'it’s', 'don’t', 'government’s']);
    if (r < 0.075) return pick(EMOJI);
    return pick(WORDS);
  };
  const sentence = (): string => {
    const n = 6 + Math.floor(rand() * 18);
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      if (i > 0 && rand() < 0.06) w = `${w},`;
      words.push(w);
    }
    if (rand() < 0.15) {
      const a = Math.floor(rand() * (n - 3));
      words[a] = `“${words[a]}`;
      words[a + 2] = `${words[a + 2]}”`;
    }
    if (rand() < 0.1) words.splice(1 + Math.floor(rand() * (n - 1)), 0, pick(['–', '—']));
    const s = words.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < sizeBytes) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) sentences.push(sentence());
    const p = (rand() < 0.08 ? '• ' : '') + sentences.join(' ');
    paragraphs.push(p);
    bytes += utf8Length(p) + 2;
  }
  return paragraphs.join('\n\n');
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n';
}

/** Widen [start, end) to whole words of `text`. */
function toWords(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && !isSpace(text[s - 1])) s--;
  while (e < text.length && !isSpace(text[e])) e++;
  return [s, e];
}

/**
 * A pseudo-random English-like article of at least `sizeBytes` UTF-8 bytes (with curly quotes, dashes, bullets,
 * accented names, combining marks and emoji), and `count` highlights on whole words, 5 to 400 code units long.
 * A fraction `overlapFraction` of them each overlap another highlight (starting inside it); the others are laid
 * out in disjoint slots. The same seed gives the same fixture.
 */
export function makeAnchoringFixture(
  seed: number,
  sizeBytes: number,
  count: number,
  overlapFraction: number,
): AnchoringFixture {
  const rand = prng(seed);
  const text = makeArticle(rand, sizeBytes);
  const overlapping = Math.round(count * Math.min(1, Math.max(0, overlapFraction)));
  const base = Math.max(1, count - overlapping);
  const slot = Math.floor(text.length / base);
  if (slot < 16) throw new Error(`makeAnchoringFixture: ${count} highlights do not fit in ${text.length} characters`);
  const highlights: AnchorableHighlight[] = [];
  const add = (start: number, end: number) => {
    const d = describeRange(text, start, end);
    highlights.push({ id: `h${String(highlights.length).padStart(5, '0')}`, start: d.start, end: d.end, quote: d.quote });
  };
  const lengthUpTo = (max: number): number => {
    // Mostly short passages, with a tail of long ones (longer than approx-string-match's 64-character sweet spot).
    const r = rand();
    const len = r < 0.7 ? 5 + rand() * 80 : r < 0.95 ? 85 + rand() * 150 : 235 + rand() * 165;
    return Math.max(1, Math.min(max, Math.floor(len)));
  };
  for (let i = 0; i < base && highlights.length < count; i++) {
    const slotStart = i * slot;
    // Leave room so that word widening stays inside the slot most of the time.
    const room = Math.max(4, slot - 40);
    const len = lengthUpTo(room);
    const start = slotStart + 20 + Math.floor(rand() * Math.max(1, room - len));
    const [s, e] = toWords(text, start, Math.min(text.length, start + len));
    add(s, Math.max(s + 1, e));
  }
  const bases = highlights.length;
  while (highlights.length < count) {
    const other = highlights[Math.floor(rand() * bases)];
    const start = other.start + Math.floor(rand() * (other.end - other.start));
    const len = lengthUpTo(400);
    const [s, e] = toWords(text, start, Math.min(text.length, start + len));
    add(s, Math.max(s + 1, e));
  }
  return { text, highlights };
}
