import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '../../core/anchoring';
import { hasBrokenEdge, offsetOf, seedText, splitsPair } from './anchoring-helpers';

describe('describeRange', () => {
  it('quotes the range with up to 32 characters of context on each side', () => {
    const text = seedText('000');
    const passage = '“The situation calls for stepping up joint efforts, primarily in the counter-terrorism and anti-drug sectors,” the Russian leader stressed.';
    const start = offsetOf(text, passage);
    const d = describeRange(text, start, start + passage.length);
    expect(d).toEqual({
      start,
      end: start + passage.length,
      quote: { exact: passage, prefix: text.slice(start - 32, start), suffix: text.slice(start + passage.length, start + passage.length + 32) },
    });
    expect(d.quote.prefix).toBe('ng of the Council of Heads of State of the Commonwealth.\n\n'.slice(-32));
    expect(CONTEXT_LENGTH).toBe(32);
  });

  it('gives shorter context at the edges of the text', () => {
    const text = 'Putin warned of threats.';
    expect(describeRange(text, 0, 5).quote).toEqual({ exact: 'Putin', prefix: '', suffix: ' warned of threats.' });
    expect(describeRange(text, 16, text.length).quote).toEqual({ exact: 'threats.', prefix: 'Putin warned of ', suffix: '' });
    expect(describeRange(text, 0, text.length).quote).toEqual({ exact: text, prefix: '', suffix: '' });
  });

  it('trims nothing: whitespace, bullets and dashes at the edges are kept', () => {
    const text = seedText('001');
    const passage = '  • Home\n  • About\n';
    const start = offsetOf(text, passage);
    expect(describeRange(text, start, start + passage.length).quote.exact).toBe(passage);
    const dash = ' – especially since the Taliban came to power.';
    const at = offsetOf(text, dash);
    expect(describeRange(text, at, at + dash.length).quote.exact).toBe(dash);
  });

  it('widens a range that starts or ends inside an emoji to the whole emoji', () => {
    const text = 'Refugees 🚢 crossed the sea 🙂 today';
    const ship = text.indexOf('🚢');
    const smile = text.indexOf('🙂');
    const d = describeRange(text, ship + 1, smile + 1);
    expect(d.start).toBe(ship);
    expect(d.end).toBe(smile + 2);
    expect(d.quote.exact).toBe('🚢 crossed the sea 🙂');
    expect(hasBrokenEdge(d.quote.exact)).toBe(false);
  });

  it('never splits a surrogate pair in the prefix or the suffix', () => {
    // The 32nd code unit before the quote (and after it) is the second half of an emoji.
    const left = `🙂${'a'.repeat(31)}`;
    const right = `${'b'.repeat(31)}🙂`;
    const text = `${left}QUOTE${right}`;
    const start = left.length;
    const d = describeRange(text, start, start + 5);
    expect(d.quote.exact).toBe('QUOTE');
    expect(d.quote.prefix).toBe('a'.repeat(31));
    expect(d.quote.suffix).toBe('b'.repeat(31));
    // With the emoji wholly inside the window it is kept whole.
    const text2 = `x🙂${'a'.repeat(30)}QUOTE${'b'.repeat(30)}🙂x`;
    const d2 = describeRange(text2, 33, 38);
    expect(d2.quote).toEqual({ exact: 'QUOTE', prefix: `🙂${'a'.repeat(30)}`, suffix: `${'b'.repeat(30)}🙂` });
    for (const s of [d.quote.prefix, d.quote.suffix, d2.quote.prefix, d2.quote.suffix]) expect(hasBrokenEdge(s)).toBe(false);
  });

  it('keeps code points, not grapheme clusters: a combining accent may be left out of the range', () => {
    const text = 'Le café Noe\u0301l est fermé';
    const e = text.indexOf('Noe') + 3;
    const d = describeRange(text, text.indexOf('Noe'), e);
    expect(d.quote.exact).toBe('Noe');
    expect(d.quote.suffix.startsWith('\u0301l')).toBe(true);
    expect(describeRange(text, text.indexOf('Noe'), e + 2).quote.exact).toBe('Noe\u0301l');
  });

  it('every offset of an emoji-rich text yields a range and context without broken pairs', () => {
    const text = '👩🏽‍⚕️ doctors 🇺🇳 and “refugees” — 🚢🚢 at the border • 🙂'.repeat(3);
    for (let s = 0; s < text.length - 1; s++) {
      for (const len of [1, 2, 3, 40]) {
        const e = Math.min(text.length, s + len);
        const d = describeRange(text, s, e);
        expect(splitsPair(text, d.start) || splitsPair(text, d.end)).toBe(false);
        expect(d.start <= s && d.end >= e).toBe(true);
        expect(d.quote.prefix.length).toBeLessThanOrEqual(32);
        expect(d.quote.suffix.length).toBeLessThanOrEqual(32);
        expect(text.slice(d.start - d.quote.prefix.length, d.end + d.quote.suffix.length)).toBe(
          d.quote.prefix + d.quote.exact + d.quote.suffix,
        );
        for (const part of Object.values(d.quote)) expect(hasBrokenEdge(part)).toBe(false);
      }
    }
  });

  it('rejects empty, reversed, out-of-range and non-integer ranges with a clear message', () => {
    const text = 'abc';
    expect(() => describeRange(text, 1, 1)).toThrow(/empty/);
    expect(() => describeRange(text, 2, 1)).toThrow(/empty/);
    expect(() => describeRange(text, -1, 2)).toThrow(/outside the text \(length 3\)/);
    expect(() => describeRange(text, 0, 4)).toThrow(/outside the text/);
    expect(() => describeRange(text, 0.5, 2)).toThrow(/integers/);
    expect(() => describeRange(text, Number.NaN, 2)).toThrow(/integers/);
    expect(() => describeRange('', 0, 0)).toThrow(/empty/);
  });
});
