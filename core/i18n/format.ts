/**
 * A message of the interface catalog, filled in: `{name}` takes a value, and
 * `{count, plural, one {# source} few {# источника} many {# источников} other {# sources}}` picks the form the
 * language's plural rules (Intl.PluralRules, CLDR) give for the number; `#` is the number as the locale writes it.
 * Pure: Intl is part of the language. A subset of ICU MessageFormat, enough for an interface: no select, no nesting
 * of plurals in plurals beyond what the parser walks.
 */

export type MessageValues = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function pluralRule(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/** A number as the locale writes it (1,234.5 in English; 1 234,5 in Russian). */
export function formatNumber(n: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** The index of the brace closing the one opened at `open`. -1 when it is not closed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The forms of a plural: `one {…} few {…} other {…}` as a map. */
function pluralForms(body: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) break;
    forms.set(m[1], body.slice(open + 1, end));
    i = end + 1;
  }
  return forms;
}

function value(values: MessageValues, name: string, locale: string): string {
  const v = values[name];
  if (v === undefined) return `{${name}}`;
  return typeof v === 'number' ? formatNumber(v, locale) : v;
}

/** Fills in `message` for `locale`. A value not given stays as `{name}` (visible, so a missing one is noticed). */
export function formatMessage(message: string, values: MessageValues, locale: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    out += message.slice(i, open);
    const end = closing(message, open);
    if (end < 0) {
      out += message.slice(open);
      return out;
    }
    const inner = message.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
    if (plural) {
      const n = Number(values[plural[1]] ?? 0);
      const forms = pluralForms(inner.slice(plural[0].length));
      const form = forms.get(`=${n}`) ?? forms.get(pluralRule(locale).select(n)) ?? forms.get('other') ?? '';
      out += formatMessage(form.replace(/#/g, formatNumber(n, locale)), values, locale);
    } else {
      out += value(values, inner.trim(), locale);
    }
    i = end + 1;
  }
  return out + message.slice(i);
}

/** The names a message uses: `{name}` and the number of each plural. For checking that translations agree. */
export function messageVariables(message: string): string[] {
  const names = new Set<string>();
  const walk = (text: string) => {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) return;
      const end = closing(text, open);
      if (end < 0) return;
      const inner = text.slice(open + 1, end);
      const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
      if (plural) {
        names.add(plural[1]);
        for (const form of pluralForms(inner.slice(plural[0].length)).values()) walk(form);
      } else names.add(inner.trim());
      i = end + 1;
    }
  };
  walk(message);
  return [...names].sort();
}
