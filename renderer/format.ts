// One formatter, made once: toLocaleDateString with options builds a new Intl.DateTimeFormat on every call, which
// costs milliseconds; lists of thousands of sources format dates on every scroll frame.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const formatted = new Map<string, string>();

/** "23 Aug 2021" from "2021-08-23"; the ISO text itself when it is not a date. */
export function formatDate(iso: string): string {
  const known = formatted.get(iso);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const out = m ? DAY.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso || 'undated';
  if (formatted.size < 100_000) formatted.set(iso, out);
  return out;
}
