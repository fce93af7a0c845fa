/**
 * Entity suggestions in Ukrainian, Uzbek (Cyrillic) and Tajik (issue 18) on articles written for the tests
 * (tests/fixtures/neighbours), scored by (span, type) against their gold mentions; the language of a text; names with
 * their case endings and suffixes reduced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestEntities } from '../../core/suggest/entities';
import { defaultCodebook } from '../../core/tags/default-codebook';
import { cyrillicLanguage, textLanguage } from '../../core/names/script';
import { wordsMatch } from '../../core/names/name-key';
import { score, type Gold } from './neighbour-score';

const NOW = '2024-05-01T10:00:00.000Z';
const codebook = defaultCodebook(NOW);
const read = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'neighbours', name), 'utf8');
const gold = (lang: string): Gold => JSON.parse(read(`${lang}-article.gold.json`)) as Gold;
const ARTICLES = { uk: read('uk-article.txt'), uz: read('uz-article.txt'), tg: read('tg-article.txt') };
const russian = readFileSync(join(__dirname, '..', 'fixtures', 'russian', 'csto-article.txt'), 'utf8');

describe('entity suggestions in Ukrainian, Uzbek and Tajik', () => {
  it.each(['uk', 'uz', 'tg'] as const)('precision >= 0.85 and recall >= 0.80 for (span, type) on %s-article.txt (table printed)', (lang) => {
    const s = score(`${lang}-article.txt`, ARTICLES[lang], gold(lang), codebook);
    console.log(s.table);
    expect(s.precision).toBeGreaterThanOrEqual(0.85);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });

  // Paragraphs written after the rules were tuned, and not tuned on (figures of the first run: uk 0.79 / 0.75, uz 0.92
  // / 0.75, tg 1.00 / 0.94). A floor below the target: they are short, and what they miss is named in the report.
  it.each(['uk', 'uz', 'tg'] as const)('held out: %s-heldout.txt keeps precision >= 0.75 and recall >= 0.70 (table printed)', (lang) => {
    const s = score(`${lang}-heldout.txt (held out)`, read(`${lang}-heldout.txt`), JSON.parse(read(`${lang}-heldout.gold.json`)) as Gold, codebook);
    console.log(s.table);
    expect(s.precision).toBeGreaterThanOrEqual(0.75);
    expect(s.recall).toBeGreaterThanOrEqual(0.7);
  });

  const found = (lang: keyof typeof ARTICLES, text: string) => suggestEntities(ARTICLES[lang], { tags: codebook, highlights: [] }).filter((s) => s.text === text);

  it('reduces Ukrainian case forms to the nominative: Зеленського, Зеленському -> Володимир Зеленський', () => {
    expect(found('uk', 'Зеленського')[0]).toMatchObject({ kind: 'person', proposedName: 'Володимир Зеленський' });
    expect(found('uk', 'Зеленському')[0]).toMatchObject({ kind: 'person', proposedName: 'Володимир Зеленський' });
    expect(found('uk', 'Кулебі')[0]).toMatchObject({ kind: 'person', proposedName: 'Дмитро Кулеба' });
    expect(found('uk', 'Афганістаном')[0]).toMatchObject({ kind: 'place' });
  });

  it('takes Uzbek suffixes off: Мирзиёевнинг -> Шавкат Мирзиёев, Тошкентда and Тошкентга are Tashkent, Душанбега is Dushanbe', () => {
    expect(found('uz', 'Мирзиёевнинг')[0]).toMatchObject({ kind: 'person', proposedName: 'Шавкат Мирзиёев' });
    expect(found('uz', 'Саидовнинг')[0]).toMatchObject({ kind: 'person', proposedName: 'Бахтиёр Саидов' });
    const tashkent = found('uz', 'Тошкент')[0].proposedName;
    expect(found('uz', 'Тошкентда')[0].proposedName).toBe(tashkent);
    expect(found('uz', 'Тошкентга')[0].proposedName).toBe(tashkent);
    expect(found('uz', 'Душанбега')[0]).toMatchObject({ kind: 'place', proposedName: 'Душанбе' });
    expect(found('uz', 'Тожикистоннинг')[0]).toMatchObject({ kind: 'place', proposedName: 'Тожикистон' });
  });

  it('takes Tajik -ро off and keeps the izofat of a name: Мирзиёевро -> Шавкат Мирзиёев, Душанберо is Dushanbe', () => {
    expect(found('tg', 'Мирзиёевро')[0]).toMatchObject({ kind: 'person', proposedName: 'Шавкат Мирзиёев' });
    expect(found('tg', 'Душанберо')[0]).toMatchObject({ kind: 'place', proposedName: 'Душанбе' });
    expect(found('tg', 'Афғонистонро')[0]).toMatchObject({ kind: 'place' });
    expect(found('tg', 'Маҷлиси Олӣ')[0]).toMatchObject({ kind: 'organisation' });
  });

  it('does not take a capitalised common word opening a sentence for a name', () => {
    for (const [lang, word] of [['uk', 'Водночас'], ['uk', 'Аналітик'], ['uz', 'Шунингдек'], ['uz', 'Учрашувда'], ['uz', 'Бироқ'], ['tg', 'Инчунин'], ['tg', 'Аммо'], ['tg', 'Коршинос']] as const) {
      expect(suggestEntities(ARTICLES[lang], { tags: codebook, highlights: [] }).some((s) => s.text.startsWith(word)), `${lang} ${word}`).toBe(false);
    }
  });
});

describe('language of a text', () => {
  it('tells Russian, Ukrainian, Uzbek and Tajik apart by their letters and function words', () => {
    expect(cyrillicLanguage(russian)).toBe('ru');
    expect(cyrillicLanguage(ARTICLES.uk)).toBe('uk');
    expect(cyrillicLanguage(ARTICLES.uz)).toBe('uz');
    expect(cyrillicLanguage(ARTICLES.tg)).toBe('tg');
  });

  it('per paragraph, and from a few words', () => {
    const paragraphs = [ARTICLES.uk, ARTICLES.uz, ARTICLES.tg].map((a) => a.split('\n\n')[2]);
    expect(paragraphs.map((p) => cyrillicLanguage(p))).toEqual(['uk', 'uz', 'tg']);
    expect(cyrillicLanguage('Це питання безпеки, і воно стосується всіх.')).toBe('uk');
    expect(cyrillicLanguage('Бу масала бўйича учрашув бўлди.')).toBe('uz');
    expect(cyrillicLanguage('Ин масъала дар ҷаласа баррасӣ шуд.')).toBe('tg');
    expect(cyrillicLanguage('Это вопрос безопасности, и он касается всех.')).toBe('ru');
    const mixed = `${ARTICLES.uk}\n${ARTICLES.tg}`;
    expect(cyrillicLanguage(mixed, mixed.indexOf(ARTICLES.tg))).toBe('tg');
  });

  it('search stems all four as Russian and English as English', () => {
    for (const a of [russian, ...Object.values(ARTICLES)]) expect(textLanguage(a)).toBe('ru');
    expect(textLanguage('The Collective Security Treaty Organization met in Dushanbe.')).toBe('en');
  });
});

describe('name keys across the neighbours', () => {
  it('match a name with its case endings and suffixes', () => {
    for (const [a, b] of [['Тошкентда', 'Тошкент'], ['Тошкентда', 'Ташкент'], ['Душанбега', 'Душанбе'], ['Тожикистоннинг', 'Тожикистон'], ['Самарқанддаги', 'Самарканд'], ['Тоҷикистонро', 'Tajikistan'], ['Путінові', 'Путин'], ['Зеленського', 'Зеленский'], ['Україною', 'Україна'], ['Осиёда', 'Осиё'], ['Раҳмонга', 'Rahmon']]) {
      expect(wordsMatch(a, b), `${a} = ${b}`).toBe(true);
    }
  });

  it('keep different names apart', () => {
    for (const [a, b] of [['Захаровой', 'Захар'], ['Кабулов', 'Кабул'], ['Тошкентда', 'Тошкентов'], ['Рига', 'Рим']]) {
      expect(wordsMatch(a, b), `${a} != ${b}`).toBe(false);
    }
  });
});
