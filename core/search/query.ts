/**
 * The search box's language: words, matched by prefix and with a typo or two, and "quoted phrases", matched word
 * for word. Every word and phrase must match (AND), as analysts expect of a narrowing search.
 */
import { indexTerm, normalizeWord, tokenize } from './text';
import type { Clause } from './text-index';

export interface ParsedQuery {
  /** Index terms of the free words (normalised, stop words left out). */
  words: string[];
  /** Each quoted phrase as its normalised words, stop words included (they must match too). */
  phrases: string[][];
}

const QUOTE = /["“”„«»]/;

export function parseQuery(query: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  // Split on quote characters: odd pieces were inside quotes. An unclosed quote runs to the end.
  const pieces = query.split(QUOTE);
  pieces.forEach((piece, i) => {
    const tokens = tokenize(piece);
    if (i % 2 === 1) {
      const phrase = tokens.map(normalizeWord);
      if (phrase.length > 1) phrases.push(phrase);
      else if (phrase.length === 1) pushTerm(words, phrase[0]);
    } else {
      for (const t of tokens) pushTerm(words, t);
    }
  });
  return { words, phrases };
}

function pushTerm(into: string[], word: string): void {
  const term = indexTerm(word);
  if (term && !into.includes(term)) into.push(term);
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}

/** The index terms a phrase is looked up by (its words but the stop words); the phrase itself is checked after. */
export function phraseTerms(phrase: readonly string[]): string[] {
  return [...new Set(phrase.map(indexTerm).filter((t): t is string => t !== null))];
}

/** Fuzziness for a free word: none for short words (too many false friends), one typo from 5 letters, two from 9. */
export function fuzzinessOf(term: string): number {
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
}

/**
 * The clauses the index is asked for: every free word by prefix (from 3 letters) and fuzzily, every phrase's words
 * exactly; all must match. Null when nothing can be looked up (e.g. a phrase of stop words only).
 */
export function toClauses(q: ParsedQuery): Clause[] | null {
  const clauses: Clause[] = q.words.map((w) => ({ term: w, prefix: w.length >= 3, fuzzy: fuzzinessOf(w) }));
  for (const p of q.phrases) {
    const terms = phraseTerms(p);
    if (terms.length === 0) return null;
    for (const t of terms) if (!clauses.some((c) => c.term === t && !c.prefix && !c.fuzzy)) clauses.push({ term: t, prefix: false, fuzzy: 0 });
  }
  return clauses.length ? clauses : null;
}
