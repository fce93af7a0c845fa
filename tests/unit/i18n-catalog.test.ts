/** The interface catalogs (core/i18n/*.json): the same keys and variables in every language, and right plurals. */
import { describe, expect, it } from 'vitest';
import { CATALOGS, commandLabel, INTERFACE_LANGUAGES, LOCALES, menuTitle, translate } from '../../core/i18n/catalog';
import { formatMessage, messageVariables } from '../../core/i18n/format';
import { COMMAND_LIST, EDITOR_SHORTCUTS } from '../../core/commands';

const en = CATALOGS.en;
const ru = CATALOGS.ru;

/** The plural forms each `{n, plural, …}` of a message offers, per variable. */
function pluralForms(message: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const m of message.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,((?:[^{}]|\{[^{}]*\})*)\}/g)) {
    const forms = new Set([...m[2].matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{/g)].map((f) => f[1]));
    found.set(m[1], forms);
  }
  return found;
}

describe('interface catalogs', () => {
  it('every key in English exists in Russian and the other way round', () => {
    expect(Object.keys(ru).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in ru))).toEqual([]);
  });

  it('a message uses the same interpolation variables in both languages', () => {
    const differ = Object.keys(en).filter((k) => JSON.stringify(messageVariables(en[k])) !== JSON.stringify(messageVariables(ru[k] ?? '')));
    expect(differ.map((k) => `${k}: ${messageVariables(en[k])} / ${messageVariables(ru[k] ?? '')}`)).toEqual([]);
  });

  it("every plural has the forms its language's rules ask for (Russian: one, few, many, other)", () => {
    for (const lang of INTERFACE_LANGUAGES) {
      const needed = new Intl.PluralRules(LOCALES[lang]).resolvedOptions().pluralCategories;
      const missing = Object.entries(CATALOGS[lang]).flatMap(([key, message]) =>
        [...pluralForms(message)].flatMap(([name, forms]) => needed.filter((c) => !forms.has(c)).map((c) => `${lang} ${key} {${name}}: no ${c}`)),
      );
      expect(missing).toEqual([]);
    }
  });

  it('no Russian message is left in English', () => {
    // Brand names, file formats and query operators are the same in both; so is a message made only of the values it
    // joins ("{first}, {next}"); everything else has Cyrillic in Russian.
    const same = Object.keys(en).filter((k) => ru[k] === en[k] && !/^exchange\.formatInfo\.\w+\.label$/.test(k) && /[a-z]{3,}/.test(en[k].replace(/\{\w+\}/g, '')) && !/^(Research Notebook|CSV|PNG|SVG|AND|OR|NOT|Esc|Enter|Shift|Del|Alt\+.*|https:\/\/…|\{\w+\}(px|ch)|\{\w+\} \(\{\w+\}\))$/.test(en[k]));
    expect(same).toEqual([]);
  });

  it('Russian plurals: 1 источник, 2 источника, 5 источников, 21 источник, 1 234 источника', () => {
    const n = (count: number) => translate('ru', 'count.source', { count });
    expect([1, 2, 5, 11, 21, 22, 25, 1234].map(n)).toEqual(['1 источник', '2 источника', '5 источников', '11 источников', '21 источник', '22 источника', '25 источников', '1\u00a0234 источника']);
    expect(translate('en', 'count.source', { count: 1 })).toBe('1 source');
    expect(translate('en', 'count.source', { count: 1234 })).toBe('1,234 sources');
  });

  it('fills in values, nested plurals and keeps a missing value visible', () => {
    expect(formatMessage('{a} and {b}', { a: 'x' }, 'en-GB')).toBe('x and {b}');
    expect(formatMessage('{n, plural, =0 {none} one {# thing} other {# things} } in {place}', { n: 0, place: 'here' }, 'en-GB')).toBe('none in here');
    expect(formatMessage('{n, plural, one {# file, {name}} other {# files, {name}}}', { n: 3, name: 'a.txt' }, 'en-GB')).toBe('3 files, a.txt');
    expect(messageVariables('{n, plural, one {# of {total}} other {#}} {name}')).toEqual(['n', 'name', 'total']);
  });

  it('commands, menus and editor shortcuts have their labels in both languages; English is the command table', () => {
    for (const c of COMMAND_LIST) {
      expect(commandLabel(c, 'en')).toBe(c.label);
      expect(ru[`command.${c.id}`], c.id).toMatch(/[а-яё]/i);
    }
    for (const id of Object.keys(EDITOR_SHORTCUTS)) expect(ru[`editorShortcut.${id}`], id).toMatch(/[а-яё]/i);
    expect(menuTitle('View', 'ru')).toBe('Вид');
    expect(commandLabel({ id: 'view.interfaceLanguage', label: '' }, 'ru')).toBe('Язык интерфейса: English / Русский');
  });
});
