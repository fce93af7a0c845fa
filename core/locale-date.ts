/**
 * Dates typed and shown in the analyst's locale order (31.08.2021, 31/08/2021, 08/31/2021, 2021-08-31), stored as
 * ISO yyyy-mm-dd. Pure: Intl is part of the language, so this runs in core.
 */

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in the locale's short numeric date, and the separator between them. */
export function dateOrder(locale: string): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2021, 7, 31, 12)));
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: Part } => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
  const literal = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  return { order: order.length === 3 ? order : ['year', 'month', 'day'], separator: literal };
}

/** The pattern to show as a placeholder: "dd.mm.yyyy", "mm/dd/yyyy". */
export function datePattern(locale: string): string {
  const { order, separator } = dateOrder(locale);
  return order.map((p) => (p === 'day' ? 'dd' : p === 'month' ? 'mm' : 'yyyy')).join(separator);
}

/** An ISO date as the locale writes it; '' for ''. */
export function formatLocaleDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const { order, separator } = dateOrder(locale);
  const value = { year: m[1], month: m[2], day: m[3] };
  return order.map((p) => value[p]).join(separator);
}

/**
 * What the analyst typed, in the locale's order with any of . / - or space between the numbers, as an ISO date;
 * an ISO date is accepted as it is. '' for an empty field, null for something that is not a real date.
 */
export function parseLocaleDate(text: string, locale: string): string | null {
  const t = text.trim();
  if (!t) return '';
  const numbers = t.split(/[\s./-]+/).filter(Boolean);
  if (numbers.length !== 3 || !numbers.every((n) => /^\d+$/.test(n))) return null;
  const iso = /^\d{4}$/.test(numbers[0]) && !/^\d{4}$/.test(numbers[2]);
  const order: Part[] = iso ? ['year', 'month', 'day'] : dateOrder(locale).order;
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((p, i) => (value[p] = Number(numbers[i])));
  if (value.year < 100) value.year += 2000;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (date.getUTCFullYear() !== value.year || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) return null;
  return `${String(value.year).padStart(4, '0')}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}
