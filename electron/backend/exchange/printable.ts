/**
 * Text from files (names, titles, messages quoting them) made safe to print on a terminal: control characters
 * (a newline in a file name could fake an "OK" line; an ANSI escape could recolour or erase output) and bidi
 * overrides (which reorder what is shown) are written as escapes, so that every printed line is one line and reads as
 * what it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u{${c.charCodeAt(0).toString(16)}}`));
}
