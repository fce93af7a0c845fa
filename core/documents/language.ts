/**
 * A source's language and writing direction: taken from the document when it states them (<html lang dir>,
 * Content-Language, a Word file's language), otherwise guessed from its letters. The reader sets `lang` and `dir`
 * from these, so right-to-left text runs right to left and hyphenation and quotes follow the language.
 */

export type TextDirection = 'ltr' | 'rtl';

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** A BCP 47 tag cleaned to lower-case primary-subtag form ("ru", "en-gb"), or '' when it is not one. */
export function normaliseLanguage(tag: string | null | undefined): string {
  const t = (tag ?? '').trim().replace(/_/g, '-').toLowerCase();
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(t) ? t : '';
}

export function directionOfLanguage(lang: string): TextDirection | '' {
  const l = normaliseLanguage(lang);
  if (!l) return '';
  return RTL_LANGUAGES.has(l) || RTL_LANGUAGES.has(l.split('-')[0]) || /-(arab|hebr|syrc|thaa)\b/.test(l) ? 'rtl' : 'ltr';
}

interface LetterCounts {
  latin: number;
  cyrillic: number;
  arabic: number;
  hebrew: number;
  other: number;
}

function countLetters(text: string): LetterCounts {
  const c: LetterCounts = { latin: 0, cyrillic: 0, arabic: 0, hebrew: 0, other: 0 };
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const ch of sample) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x41) continue;
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f)) c.latin++;
    else if (cp >= 0x400 && cp <= 0x52f) c.cyrillic++;
    else if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfeff)) c.arabic++;
    else if (cp >= 0x590 && cp <= 0x5ff) c.hebrew++;
    else if (/\p{L}/u.test(ch)) c.other++;
  }
  return c;
}

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'mit', 'ist', 'den', 'von', 'auf'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'que'],
  es: ['el', 'la', 'los', 'y', 'de', 'que', 'en', 'las', 'por', 'una'],
};

/** The language the text is most likely in, from its script (and common words for Latin script); '' when unsure. */
export function guessLanguage(text: string): string {
  const c = countLetters(text);
  const total = c.latin + c.cyrillic + c.arabic + c.hebrew + c.other;
  if (total < 20) return '';
  const sample = text.slice(0, 20_000);
  if (c.cyrillic / total > 0.5) {
    if (/[іїєґ]/iu.test(sample)) return 'uk';
    return 'ru';
  }
  if (c.arabic / total > 0.5) return /[پچژگ]/u.test(sample) ? 'fa' : 'ar';
  if (c.hebrew / total > 0.5) return 'he';
  if (c.latin / total > 0.5) {
    const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
    let best = '';
    let bestScore = 0;
    for (const [lang, list] of Object.entries(STOPWORDS)) {
      const set = new Set(list);
      const score = words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
      if (score > bestScore) {
        best = lang;
        bestScore = score;
      }
    }
    return bestScore >= Math.max(3, words.length * 0.05) ? best : '';
  }
  return '';
}

/** The writing direction of a text from its letters: right-to-left when most of them are Arabic or Hebrew. */
export function guessDirection(text: string): TextDirection {
  const c = countLetters(text);
  const rtl = c.arabic + c.hebrew;
  return rtl > 0 && rtl >= (c.latin + c.cyrillic + c.other) ? 'rtl' : 'ltr';
}

/** Language and direction of a source: the document's own statement first, then a guess from the text. */
export function languageAndDirection(text: string, declaredLang = '', declaredDir = ''): { language: string; dir: TextDirection } {
  const language = normaliseLanguage(declaredLang) || guessLanguage(text);
  const d = declaredDir.trim().toLowerCase();
  const dir: TextDirection = d === 'rtl' || d === 'ltr' ? d : directionOfLanguage(language) || guessDirection(text);
  return { language, dir };
}
