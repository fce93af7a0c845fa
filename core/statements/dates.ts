/**
 * When was it said? Date expressions of a reporting frame ("said on Friday", "the day before", "on August 18",
 * "in September") resolved against the publication date. Pure; dates are ISO strings, computed in UTC.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/**
 * The date a frame's words name, resolved against `published` (yyyy-mm-dd); `published` itself when the frame names
 * none, '' when neither is known. A weekday is the latest such day on or before publication (news reports the past).
 */
export function resolveDateSaid(frame: string, published: string): string {
  const pub = parseDay(published);
  const text = frame.toLowerCase();
  if (!pub) return explicitYearDate(text) ?? '';
  const plus = (days: number) => iso(new Date(pub.getTime() + days * 86_400_000));
  if (/\b(the day before|yesterday|the previous day)\b/.test(text)) return plus(-1);
  if (/\b(today|this morning|this evening|tonight)\b/.test(text)) return published;
  const wd = /\b(?:on |last )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(text);
  if (wd) {
    const want = WEEKDAYS.indexOf(wd[1]);
    const back = (pub.getUTCDay() - want + 7) % 7;
    return plus(-back);
  }
  const explicit = explicitYearDate(text);
  if (explicit) return explicit;
  const md = new RegExp(`\\b(?:on )?(${MONTHS.join('|')}) (\\d{1,2})\\b`).exec(text) ?? new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')})\\b`).exec(text);
  if (md) {
    const [month, day] = /^\d/.test(md[1]) ? [MONTHS.indexOf(md[2]), Number(md[1])] : [MONTHS.indexOf(md[1]), Number(md[2])];
    let year = pub.getUTCFullYear();
    if (Date.UTC(year, month, day) > pub.getTime()) year--;
    const d = new Date(Date.UTC(year, month, day));
    if (d.getUTCMonth() === month) return iso(d);
  }
  const mo = new RegExp(`\\b(?:in|early|late|since) (?:early |late )?(${MONTHS.join('|')})\\b`).exec(text);
  if (mo) {
    const month = MONTHS.indexOf(mo[1]);
    const year = month > pub.getUTCMonth() ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear();
    return `${year}-${pad(month + 1)}`;
  }
  if (/\blast year\b/.test(text)) return String(pub.getUTCFullYear() - 1);
  if (/\blast week\b/.test(text)) return plus(-7);
  return published;
}

/** "15 October 2021", "October 15, 2021". */
function explicitYearDate(text: string): string | null {
  const a = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}),? (\\d{4})\\b`).exec(text);
  const b = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2}),? (\\d{4})\\b`).exec(text);
  const [day, month, year] = a ? [Number(a[1]), MONTHS.indexOf(a[2]), Number(a[3])] : b ? [Number(b[2]), MONTHS.indexOf(b[1]), Number(b[3])] : [0, -1, 0];
  if (month < 0) return null;
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCMonth() === month ? iso(d) : null;
}

/** "15 Oct 2021", "Oct 2021", "2021": a date said as citations show it. */
export function formatDateSaid(date: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const short = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (!m[2]) return m[1];
  const month = short[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}
