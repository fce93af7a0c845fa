import { describe, expect, it } from 'vitest';
import { parseQuery, toClauses } from '../../core/search/query';
import { findPhrase, indexTerm, phraseTester } from '../../core/search/text';
import { makeSnippet } from '../../core/search/snippet';
import { findInText } from '../../core/search/find';

describe('the search language', () => {
  it('keeps words (normalised, without stop words) and quoted phrases (with them)', () => {
    expect(parseQuery('The Taliban  and  DRUGS')).toEqual({ words: ['taliban', 'drugs'], phrases: [] });
    expect(parseQuery('border "the situation in Afghanistan" refugees')).toEqual({ words: ['border', 'refugees'], phrases: [['the', 'situation', 'in', 'afghanistan']] });
    // Typographic quotes, an unclosed quote, a one-word "phrase".
    expect(parseQuery('“Islamic State” "Kabul').phrases).toEqual([['islamic', 'state']]);
    expect(parseQuery('"Kabul"').words).toEqual(['kabul']);
    expect(parseQuery('Rahmón').words).toEqual(['rahmon']);
  });

  it('asks the index for free words by prefix and fuzzily, and for a phrase’s words exactly', () => {
    expect(toClauses(parseQuery('tali refugees "islamic state"'))).toEqual([
      { term: 'tali', prefix: true, fuzzy: 0 },
      { term: 'refugees', prefix: true, fuzzy: 1 },
      { term: 'islamic', prefix: false, fuzzy: 0 },
      { term: 'state', prefix: false, fuzzy: 0 },
    ]);
    expect(toClauses(parseQuery('"of the"'))).toBeNull();
    expect(toClauses(parseQuery(''))).toBeNull();
  });

  it('leaves very common words out of the index', () => {
    expect(indexTerm('The')).toBeNull();
    expect(indexTerm('a')).toBeNull();
    expect(indexTerm('CSTO')).toBe('csto');
    expect(indexTerm('7')).toBe('7');
  });
});

describe('phrases', () => {
  const text = 'Putin said: the situation in Afghanistan, which carries risks.\nIn Afghanistan the situation is tense.';

  it('match word for word, whatever punctuation or spacing lies between', () => {
    expect(findPhrase(text, ['situation', 'in', 'afghanistan'])).toEqual([[16, 40]]);
    expect(findPhrase(text, ['afghanistan', 'which'])).toEqual([[29, 47]]);
    expect(findPhrase(text, ['afghanistan', 'the', 'situation', 'in'])).toEqual([]);
  });

  it('the fast test agrees, also on accented text', () => {
    const test = phraseTester(['situation', 'in', 'afghanistan']);
    expect(test(text)).toBe(true);
    expect(test(text, 40)).toBe(false);
    expect(phraseTester(['kaboul', 'airport'])('Près de l’aéroport: Kaboûl Airport était fermé')).toBe(true);
    expect(phraseTester(['kabul', 'airport'])('Kabulairport')).toBe(false);
  });
});

describe('snippets', () => {
  it('show a window around the first match with every match in it marked', () => {
    const text = `${'Background words here. '.repeat(10)}Then the Taliban crossed the border, and the Taliban said so.`;
    const { snippet, first } = makeSnippet(text, new Set(['taliban']), []);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Taliban', 'Taliban']);
    expect(text.slice(first![0], first![1])).toBe('Taliban');
  });

  it('mark a phrase whole', () => {
    const { snippet } = makeSnippet('They spoke of the situation in Afghanistan today.', new Set(), [['situation', 'in', 'afghanistan']]);
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['situation in Afghanistan']);
  });
});

describe('find in the article', () => {
  const text = 'The Taliban said. the TALIBAN\nfighters; Talibanisation, and "the  Taliban".';

  it('finds every occurrence, ignoring case, any run of spaces matching any', () => {
    const found = findInText(text, 'taliban').map(({ start, end }) => text.slice(start, end));
    expect(found).toEqual(['Taliban', 'TALIBAN', 'Taliban', 'Taliban']);
    expect(findInText(text, 'the taliban').map(({ start, end }) => text.slice(start, end))).toEqual(['The Taliban', 'the TALIBAN', 'the  Taliban']);
    expect(findInText(text, 'taliban fighters')).toHaveLength(1);
    expect(findInText(text, '   ')).toEqual([]);
    expect(findInText('a (b) [c]', '(b)')).toEqual([{ start: 2, end: 5 }]);
  });
});
