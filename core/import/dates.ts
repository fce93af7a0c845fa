import { isIsoDate } from '../export/common';

/**
 * Dates as articles write them, in the languages of the corpus: ISO (2021-08-23, with a time), day-month-year
 * ("23 August 2021", "30th April, 2022", "29 апреля 2022 г.", "23. August 2021", "23 de agosto de 2021"),
 * month-day-year ("August 23, 2021") and numeric day.month.year ("29.04.2022"). Month names are matched by their
 * stem, so every grammatical case of a Russian or Ukrainian month ("апреля", "апрель", "квітня") is recognised.
 */

/** Month stems per language, January first. A name matches when it starts with the stem. */
const MONTH_STEMS: readonly (readonly string[])[] = [
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  // Russian: январь/января, февраль, март/марта, апрель, май/мая, июнь, июль, август, сентябрь, октябрь, ноябрь, декабрь
  ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  // Ukrainian: січня, лютого, березня, квітня, травня, червня, липня, серпня, вересня, жовтня, листопада, грудня
  ['січ', 'лют', 'бер', 'квіт', 'трав', 'черв', 'лип', 'серп', 'вер', 'жовт', 'лист', 'груд'],
  ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
  ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
];

/** 1-12 for a month name in any of the languages above, or 0. Longest stem wins ("июн" before "ма" never clash). */
export function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3 && n !== 'ма') return 0;
  let best = 0;
  let bestLength = 0;
  for (const stems of MONTH_STEMS) {
    stems.forEach((stem, i) => {
      if (n.startsWith(stem) && stem.length > bestLength) {
        best = i + 1;
        bestLength = stem.length;
      }
    });
  }
  // "март"/"марта" start with "мар" (March); "май"/"мая" with "ма" (May).
  if (best === 5 && /^мар/.test(n)) return 3;
  // "ма" alone is too short to be a month; Russian May is "май" or "мая".
  if (best === 5 && n.startsWith('ма') && !/^ма[йя]$/.test(n)) return 0;
  return best;
}

function isoOf(year: number, month: number, day: number): string {
  const s = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(s) ? s : '';
}

const WORD = '([\\p{L}]{3,10}\\.?)';

/** A date written at the start of a string, as ISO yyyy-mm-dd; '' when it is not a date this reader knows. */
export function parseDate(s: string): string {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)/.exec(t);
  if (m) return isoOf(+m[1], +m[2], +m[3]);
  m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?${WORD},?\\s+(?:de\\s+)?(\\d{4})(?![\\d])`, 'u').exec(t);
  if (m) {
    const month = monthNumber(m[2]);
    if (month) return isoOf(+m[3], month, +m[1]);
  }
  m = new RegExp(`^${WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\d])`, 'u').exec(t);
  if (m) {
    const month = monthNumber(m[1]);
    if (month) return isoOf(+m[3], month, +m[2]);
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(t);
  if (m) return isoOf(+m[3], +m[2], +m[1]);
  return '';
}

/** The first date found anywhere in a short string (a dateline such as "Москва, 29 апреля 2022 г."). */
export function findDate(s: string): string {
  const t = s.slice(0, 400);
  const re = /(?:^|[\s,(])(?=\d|\p{L})/gu;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const d = parseDate(t.slice(m.index + m[0].length));
    if (d) return d;
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return '';
}
