import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeRange, type AnchorableHighlight } from '../../core/anchoring';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The text of the seed article whose file name starts with `prefix` (e.g. '000'). */
export function seedText(prefix: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(seedsDir + name, 'utf8');
}

/** Offset of the `occurrence`-th (0-based) occurrence of `phrase` in `text`; throws when there is none. */
export function offsetOf(text: string, phrase: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
  }
  return at;
}

export function countOf(text: string, phrase: string): number {
  let n = 0;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) n++;
  return n;
}

/** A highlight on the `occurrence`-th occurrence of `phrase`. */
export function highlightOn(text: string, phrase: string, occurrence = 0, id = 'h1'): AnchorableHighlight {
  const start = offsetOf(text, phrase, occurrence);
  const d = describeRange(text, start, start + phrase.length);
  return { id, start: d.start, end: d.end, quote: d.quote };
}

/** `text` with `deleteCount` code units at `at` replaced by `insert`. */
export function splice(text: string, at: number, deleteCount: number, insert = ''): string {
  return text.slice(0, at) + insert + text.slice(at + deleteCount);
}

/** Replace the `occurrence`-th occurrence of `from` by `to`. */
export function replaceNth(text: string, from: string, to: string, occurrence = 0): string {
  return splice(text, offsetOf(text, from, occurrence), from.length, to);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair of `text`. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** True when `s` begins with a lone low surrogate or ends with a lone high surrogate. */
export function hasBrokenEdge(s: string): boolean {
  return (s.length > 0 && isLow(s.charCodeAt(0))) || (s.length > 0 && isHigh(s.charCodeAt(s.length - 1)));
}
