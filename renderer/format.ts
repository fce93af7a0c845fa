import { currentLocale } from './i18n';
// One formatter, made once: toLocaleDateString with options builds a new Intl.DateTimeFormat on every call, which
// costs milliseconds; lists of thousands of sources format dates on every scroll frame.
const days = new Map<string, Intl.DateTimeFormat>();
const formatted = new Map<string, string>();
let formattedIn = '';

/** "23 Aug 2021" from "2021-08-23"; the ISO text itself when it is not a date. */
export function formatDate(iso: string): string {
  const locale = currentLocale();
  if (formattedIn !== locale) {
    formatted.clear();
    formattedIn = locale;
  }
  let day = days.get(locale);
  if (!day) days.set(locale, (day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })));
  const known = formatted.get(iso);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const out = m ? day.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso || 'undated';
  if (formatted.size < 100_000) formatted.set(iso, out);
  return out;
}
