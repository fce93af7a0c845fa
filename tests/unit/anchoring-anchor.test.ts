import { describe, expect, it } from 'vitest';
import { anchor, describeRange, type AnchorTarget } from '../../core/anchoring';
import { makeAnchoringFixture } from '../../scripts/bench/fixtures/anchoring';
import { countOf, highlightOn, offsetOf, replaceNth, seedText, splice, splitsPair } from './anchoring-helpers';

const seed000 = seedText('000');
const stressed =
  '“The situation calls for stepping up joint efforts, primarily in the counter-terrorism and anti-drug sectors,” the Russian leader stressed.';

/** The target with its stored position made useless, so that only the quote can find it. */
function withoutPosition(t: AnchorTarget, at = 0): AnchorTarget {
  return { ...t, start: at, end: at };
}

describe('anchor: the stored position', () => {
  it('is used when the text there is still the quote', () => {
    const h = highlightOn(seed000, stressed);
    expect(anchor(seed000, h)).toEqual({ start: h.start, end: h.end, method: 'position', score: 1 });
  });

  it('is used after an edit further on in the text', () => {
    const h = highlightOn(seed000, stressed);
    const text = splice(seed000, h.end + 200, 0, 'An added sentence. ');
    expect(anchor(text, h)).toMatchObject({ start: h.start, end: h.end, method: 'position' });
  });

  it('is not trusted when the text there changed: an insertion before the quote shifts it', () => {
    const h = highlightOn(seed000, stressed);
    const inserted = '• Editor’s note — updated 🙂\n';
    const text = splice(seed000, 0, 0, inserted);
    const r = anchor(text, h);
    expect(r).toMatchObject({ start: h.start + inserted.length, end: h.end + inserted.length, method: 'exact', score: 1 });
  });

  it('out of range or nonsense positions fall through to the quote search', () => {
    const h = highlightOn(seed000, stressed);
    for (const [start, end] of [[-5, 3], [1e9, 1e9 + 10], [Number.NaN, Number.NaN], [h.start + 1, h.end + 1]]) {
      expect(anchor(seed000, { ...h, start, end })).toMatchObject({ start: h.start, end: h.end, method: 'exact' });
    }
  });
});

describe('anchor: repeated quotes', () => {
  it('picks the occurrence whose prefix and suffix match, not the nearest one (real seed text)', () => {
    const phrase = 'the situation in Afghanistan';
    expect(countOf(seed000, phrase)).toBeGreaterThanOrEqual(5);
    for (let occurrence = 0; occurrence < countOf(seed000, phrase); occurrence++) {
      const h = highlightOn(seed000, phrase, occurrence);
      // Shift the text so that the stored position is stale, and point the hint at another occurrence.
      const text = `Updated.\n\n${seed000}`;
      const other = offsetOf(text, phrase, occurrence === 0 ? 1 : 0) + 3;
      const r = anchor(text, withoutPosition(h, other));
      expect(r).toMatchObject({ start: h.start + 10, end: h.end + 10, method: 'exact', score: 1 });
    }
  });

  it('picks by context the occurrence of “the Russian leader said” that was highlighted', () => {
    const h0 = highlightOn(seed000, 'the Russian leader said', 0);
    const h1 = highlightOn(seed000, 'the Russian leader said', 1);
    expect(h0.quote.exact).toBe(h1.quote.exact);
    // Both hints near the other occurrence.
    expect(anchor(seed000, withoutPosition(h0, h1.start + 1))?.start).toBe(h0.start);
    expect(anchor(seed000, withoutPosition(h1, h0.start + 1))?.start).toBe(h1.start);
  });

  it('breaks a tie between identical contexts by nearness to the old position', () => {
    const paragraph =
      'Terrorists are trying to penetrate the territory of the Commonwealth, including disguised as refugees, the president said.\n\n';
    const text = `Intro.\n\n${paragraph}${paragraph}${paragraph}End.`;
    const quote = 'including disguised as refugees';
    const occurrences = [0, 1, 2].map((i) => offsetOf(text, quote, i));
    // The first two copies have the same 32 characters of context on both sides (the third is followed by “End.”).
    const d = describeRange(text, occurrences[0], occurrences[0] + quote.length);
    expect(describeRange(text, occurrences[1], occurrences[1] + quote.length).quote).toEqual(d.quote);
    expect(describeRange(text, occurrences[2], occurrences[2] + quote.length).quote).not.toEqual(d.quote);
    for (const target of [0, 1]) {
      const r = anchor(text, { start: occurrences[target] + 4, end: occurrences[target] + 4 + quote.length, quote: d.quote });
      expect(r).toMatchObject({ start: occurrences[target], method: 'exact' });
    }
  });
});

describe('anchor: edited quotes (fuzzy)', () => {
  const h = highlightOn(seed000, stressed);

  it('finds the quote after a word inside it was replaced', () => {
    const text = replaceNth(seed000, 'joint efforts', 'common efforts');
    const r = anchor(text, h);
    expect(r).toMatchObject({ start: h.start, end: h.end + 1, method: 'fuzzy' });
    expect(r!.score).toBeGreaterThan(0.9);
    expect(r!.score).toBeLessThan(1);
  });

  it('finds the quote after a word inside it was deleted, and after one was inserted', () => {
    const deleted = replaceNth(seed000, 'primarily in the', 'in the');
    expect(anchor(deleted, h)).toMatchObject({ start: h.start, end: h.end - 'primarily '.length, method: 'fuzzy' });
    const inserted = replaceNth(seed000, 'joint efforts', 'joint and urgent efforts');
    expect(anchor(inserted, h)).toMatchObject({ start: h.start, end: h.end + ' and urgent'.length, method: 'fuzzy' });
  });

  it('finds the quote with an edit inside it and text inserted before it (position stale)', () => {
    const edited = replaceNth(seed000, 'anti-drug sectors', 'anti-narcotics sectors');
    const text = splice(edited, 0, 0, 'Correction appended at the top of the article.\n\n');
    const r = anchor(text, h);
    expect(r).toMatchObject({ start: h.start + 48, end: h.end + 48 + 'narcotics'.length - 'drug'.length, method: 'fuzzy' });
  });

  it('finds the quote when the whole text was re-imported with straight quotes instead of curly ones', () => {
    const text = seed000.replace(/[“”]/g, '"').replace(/’/g, "'");
    const r = anchor(text, h);
    expect(r).toMatchObject({ start: h.start, end: h.end, method: 'fuzzy' });
    expect(text.slice(r!.start, r!.end)).toBe(stressed.replace(/[“”]/g, '"'));
  });

  it('finds an edited quote far from its old position in the whole text', () => {
    const text = replaceNth(seed000, 'joint efforts', 'common efforts');
    const r = anchor(text, withoutPosition(h, text.length));
    expect(r).toMatchObject({ start: h.start, end: h.end + 1, method: 'fuzzy' });
  });

  it('prefers the edited copy at the old place to an exact copy elsewhere with the wrong context', () => {
    // The quote occurs twice; the highlighted copy is edited in place. The other copy has unrelated context.
    const quote = 'ensure the security of member states';
    const text = `${'Preamble about the summit, videoconference and the Kremlin. '.repeat(3)}We must ${quote} in the region, he said. ${'Other news follows here. '.repeat(3)}They pledged to ${quote} without delay.`;
    const h2 = highlightOn(text, quote, 1);
    const edited = replaceNth(text, `${quote} without`, 'ensure the safety of member states without');
    const r = anchor(edited, h2);
    expect(r).toMatchObject({ start: h2.start, method: 'fuzzy' });
    expect(edited.slice(r!.start, r!.end)).toBe('ensure the safety of member states');
  });

  it('finds the edited copy even when an exact copy of the quote sits right next to it', () => {
    // approx-string-match reports only the best matches of a window: the exact copy must not hide the edited one.
    const quote = 'ensure the security of member states';
    const text = `The ministers agreed to ${quote}. Then the Kremlin said it would ${quote} at all costs, and more.`;
    const h2 = highlightOn(text, quote, 1);
    const edited = replaceNth(text, `${quote} at all`, 'ensure the safety of member states at all');
    const r = anchor(edited, h2);
    expect(r).toMatchObject({ start: h2.start, method: 'fuzzy' });
    expect(edited.slice(r!.start, r!.end)).toBe('ensure the safety of member states');
  });

  it('prefers the edited copy at the old place to an exact copy elsewhere whose context half matches', () => {
    // The exact copy shares the suffix, so it is an acceptable match on its own; the edited copy matches better.
    const quote = 'ensure the security of member states';
    const after = ' at all costs, the officials said on Monday.';
    const text = `The ministers agreed to ${quote}${after} Then the Kremlin said it would ${quote}${after}`;
    const h2 = highlightOn(text, quote, 1);
    expect(h2.quote.suffix).toBe(after.slice(0, 32));
    const edited = replaceNth(text, quote, 'ensure the safety of member states', 1);
    expect(anchor(edited, { ...h2, quote: { ...h2.quote, prefix: 'something else entirely, the one' } })).toMatchObject({
      start: offsetOf(text, quote, 0),
      method: 'exact',
    });
    const r = anchor(edited, h2);
    expect(r).toMatchObject({ start: h2.start, method: 'fuzzy' });
    expect(edited.slice(r!.start, r!.end)).toBe('ensure the safety of member states');
  });

  it('respects a stricter minimum score', () => {
    const text = replaceNth(seed000, 'joint efforts, primarily', 'common efforts, mostly');
    expect(anchor(text, h)).toMatchObject({ method: 'fuzzy' });
    expect(anchor(text, h, { minScore: 0.97 })).toBeNull();
  });
});

describe('anchor: deleted passages are orphans', () => {
  it('returns null when the quoted sentence was deleted', () => {
    const h = highlightOn(seed000, stressed);
    const text = splice(seed000, h.start, h.end - h.start);
    expect(anchor(text, h)).toBeNull();
  });

  it('returns null when the quote and its context were deleted, even though a near-twin remains elsewhere', () => {
    // “the Russian leader stressed” is gone; “the Russian leader said” (5 edits away, within budget) is elsewhere.
    const h = highlightOn(seed000, 'the Russian leader stressed');
    const text = splice(seed000, offsetOf(seed000, stressed) - 2, stressed.length + 2);
    expect(countOf(text, 'the Russian leader said')).toBe(2);
    expect(anchor(text, h)).toBeNull();
  });

  it('returns null when most of the quote was rewritten', () => {
    const h = highlightOn(seed000, stressed);
    const text = replaceNth(seed000, stressed, '“We will not stand by,” the Russian leader stressed.');
    expect(anchor(text, h)).toBeNull();
  });

  it('returns null for a short quote (under 4 characters) that was changed, rather than matching loosely', () => {
    const text = 'The CIS summit. The CSTO summit. The SCO summit.';
    const h = highlightOn(text, 'CIS');
    expect(anchor(text, h)).toMatchObject({ method: 'position' });
    expect(anchor(text.replace('CIS', 'CIX'), h)).toBeNull();
    expect(anchor('', h)).toBeNull();
    expect(anchor(text, { ...h, quote: { exact: '', prefix: '', suffix: '' } })).toBeNull();
  });
});

describe('anchor: Unicode', () => {
  it('finds quotes with bullets and dashes from the seed articles after edits around them', () => {
    const text = seedText('001');
    const h = highlightOn(text, 'the drills – between Tajikistan, Uzbekistan, and Russia – were critical');
    const edited = replaceNth(splice(text, 0, 0, '• '), 'Uzbekistan, and Russia', 'Uzbekistan and Russia');
    expect(anchor(edited, h)).toMatchObject({ start: h.start + 2, end: h.end + 1, method: 'fuzzy' });
    const bullets = highlightOn(text, '  • Poll Results\n  • Afghan Concerts & Events');
    expect(anchor(splice(text, 0, 4), bullets)).toMatchObject({ start: bullets.start - 4, method: 'exact' });
  });

  it('never returns offsets inside an emoji, even when the emoji at the edge of the quote changed', () => {
    const text = `${'Aid convoys reached the camp. '.repeat(4)}Volunteers waved 🙂 and the ship 🚢 left port. ${'More aid is expected. '.repeat(4)}`;
    const h = highlightOn(text, '🙂 and the ship 🚢');
    // Each emoji replaced by another sharing its high surrogate: a code-unit match could end between the halves.
    const edited = text.replace('🙂', '😀').replace('🚢', '🚀');
    const r = anchor(edited, h);
    expect(r).toMatchObject({ start: h.start, end: h.end, method: 'fuzzy' });
    expect(splitsPair(edited, r!.start) || splitsPair(edited, r!.end)).toBe(false);
    // At the very end of the text, where no suffix tells the candidates apart, an emoji changed into one sharing
    // its high surrogate ('🙂' U+1F642 into '🗺' U+1F5FA) could end the match between the halves of the pair.
    const tail = `${'Aid convoys reached the camp. '.repeat(3)}Volunteers waved at the ship 🙂`;
    const ht = highlightOn(tail, 'Volunteers waved at the ship 🙂');
    const tailEdited = tail.replace('🙂', '🗺');
    expect(anchor(tailEdited, ht)).toMatchObject({ start: ht.start, end: tailEdited.length, method: 'fuzzy' });
    // Emoji inserted before the quote shift it by whole code points.
    const shifted = splice(text, 0, 0, '🇺🇳👩🏽‍⚕️');
    expect(anchor(shifted, h)).toMatchObject({ start: h.start + '🇺🇳👩🏽‍⚕️'.length, method: 'exact' });
  });

  it('finds a quote with combining marks after the text was normalised to NFC, and back, as the same text', () => {
    const article = `${'The mayor spoke at length. '.repeat(3)}Le café Noël a fermé ses portes après la manifestation. ${'Police were present. '.repeat(3)}`;
    const nfd = article.normalize('NFD');
    const nfc = article.normalize('NFC');
    expect(nfd).toContain('Le cafe\u0301 Noe\u0308l a ferme\u0301');
    expect(nfc).toContain('Le caf\u00e9 No\u00ebl a ferm\u00e9');
    const h = highlightOn(nfd, 'Le cafe\u0301 Noe\u0308l a ferme\u0301');
    expect(anchor(nfd, h)).toMatchObject({ method: 'position' });
    // Canonically equivalent: an exact match with a perfect score, though the code units differ.
    const r = anchor(nfc, h);
    expect(r).toMatchObject({ method: 'exact', score: 1 });
    expect(nfc.slice(r!.start, r!.end)).toBe('Le caf\u00e9 No\u00ebl a ferm\u00e9');
    // A highlight made on the composed text, found in the decomposed one.
    const hc = highlightOn(nfc, 'caf\u00e9 No\u00ebl');
    const back = anchor(nfd, hc);
    expect(back).toMatchObject({ method: 'exact', score: 1 });
    expect(nfd.slice(back!.start, back!.end)).toBe('cafe\u0301 Noe\u0308l');
    // And an edited one: approximate matching works on the matching normalisation form too.
    const edited = nfd.replace('a ferme\u0301', 'a rouvert');
    const hw = highlightOn(nfc, 'Le caf\u00e9 No\u00ebl a ferm\u00e9 ses portes');
    const fuzzy = anchor(edited, hw);
    expect(fuzzy).toMatchObject({ method: 'fuzzy' });
    expect(edited.slice(fuzzy!.start, fuzzy!.end)).toBe('Le cafe\u0301 Noe\u0308l a rouvert ses portes');
  });
});

describe('anchor: long quotes', () => {
  // Long enough (over 1,024 code units) to be searched by probes in a large text.
  const { text } = makeAnchoringFixture(11, 80_000, 10, 0);
  const start = text.indexOf(' ', 50_000) + 1;
  const end = text.indexOf(' ', start + 1500);
  const h = describeRange(text, start, end);

  it('finds a long quote with several words changed, anywhere in a large text', () => {
    const middle = start + 700;
    const wordStart = text.indexOf(' ', middle) + 1;
    const wordEnd = text.indexOf(' ', wordStart);
    let edited = splice(text, wordStart, wordEnd - wordStart, 'REPLACED');
    edited = splice(edited, start + 100, 0, 'inserted words ');
    edited = splice(edited, 0, 0, 'A new opening paragraph.\n\n');
    const delta = 'A new opening paragraph.\n\n'.length;
    const r = anchor(edited, { ...h, start: 0, end: 0 });
    expect(r).toMatchObject({ start: start + delta, end: end + delta + 15 + 8 - (wordEnd - wordStart), method: 'fuzzy' });
  });

  it('returns null for a long quote whose passage was deleted', () => {
    expect(anchor(splice(text, start - 40, end - start + 80), { ...h, start: 0, end: 0 })).toBeNull();
  });
});
