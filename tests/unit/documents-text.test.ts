import iconv from 'iconv-lite';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessLanguage, languageAndDirection } from '../../core/documents/language';
import { wordOverlap } from '../../core/documents/word-overlap';
import { findDate, parseDate } from '../../core/import/dates';
import { ImportError } from '../../core/import';
import { decodeText } from '../../electron/backend/documents/decode';
import { extractArticle } from '../../electron/backend/documents/html';
import { readDocument } from '../../electron/backend/documents';
import { sha256 } from '../../electron/backend/hash';

/** Charsets, scripts, dates and web articles, as an analyst's own files bring them. */

const RU = 'Министры обороны государств ОДКБ 29 апреля 2022 года обсудили в Душанбе меры по укреплению границы.';
const read = (name: string, bytes: Uint8Array) => readDocument(name, bytes, { hash: sha256 });
const thrown = async (p: Promise<unknown>): Promise<ImportError> => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
};

describe('charsets: every text comes in readable, only real binary is refused', () => {
  it('a windows-1251 page that declares its charset', async () => {
    const html = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article><p>Москва, 29 апреля 2022 г.</p><p>${RU}</p><p>${RU}</p><p>${RU}</p></article></body></html>`;
    const n = await read('page.html', iconv.encode(html, 'windows-1251'));
    expect(n.sources[0].text).toContain('Министры обороны');
    expect(n.sources[0].date).toBe('2022-04-29');
    expect(n.sources[0].document?.language).toBe('ru');
  });

  it('KOI8-R and ISO-8859-1 text files that declare nothing', async () => {
    expect((await read('koi.txt', iconv.encode(`${RU}\n\n${RU}`, 'koi8-r'))).sources[0].text).toContain('укреплению границы');
    const de = 'Die Präsidentin äußerte sich über die Lage. Größere Schwierigkeiten würden folgen, sagte sie am Montag in Köln.';
    expect((await read('de.txt', iconv.encode(de, 'iso-8859-1'))).sources[0].text).toBe(de);
  });

  it('UTF-16 with a byte-order mark, little and big endian', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode('Hello Kabul\nSecond line', 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(RU, 'utf16be')]);
    expect((await read('le.txt', le)).sources[0].text).toBe('Hello Kabul\nSecond line');
    expect((await read('be.txt', be)).sources[0].text).toBe(RU);
  });

  it('a page whose declared charset lies is read by what its bytes are', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><p>${RU}</p></body></html>`;
    expect(decodeText('lie.html', iconv.encode(html, 'windows-1251'))).toMatchObject({ charset: 'windows-1251' });
    const koi = `<html><head><meta charset="windows-1251"></head><body><p>${RU} ${RU}</p></body></html>`;
    const decoded = decodeText('lie2.html', iconv.encode(koi, 'koi8-r'));
    expect(decoded.charset).toBe('koi8-r');
    expect(decoded.text).toContain('Министры обороны');
  });

  it('real binary is still refused, by what it is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await thrown(read('photo.txt', png))).message).toMatch(/named \.txt but holds a PNG image, not text/);
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await thrown(read('noise.txt', noise))).problem).toBe('binary');
  });
});

describe('dates in the languages of the corpus', () => {
  it.each([
    ['29 апреля 2022', '2022-04-29'],
    ['1 марта 2021 г.', '2021-03-01'],
    ['12 мая 2020 года', '2020-05-12'],
    ['3 июня 2019', '2019-06-03'],
    ['24 лютого 2022', '2022-02-24'],
    ['23. August 2021', '2021-08-23'],
    ['1er mai 2022', '2022-05-01'],
    ['23 de agosto de 2021', '2021-08-23'],
    ['29.04.2022', '2022-04-29'],
    ['30th April, 2022', '2022-04-30'],
  ])('%s', (written, iso) => {
    expect(parseDate(written)).toBe(iso);
  });

  it('not dates', () => {
    expect(parseDate('12 маленьких 2020')).toBe('');
    expect(parseDate('31 февраля 2022')).toBe('');
    expect(findDate('Москва, 29 апреля 2022 г. — министры')).toBe('2022-04-29');
  });
});

describe('language and direction', () => {
  it('from the document when it says, from the letters when not', () => {
    expect(languageAndDirection('نص عربي طويل بما يكفي لمعرفة الاتجاه من الحروف وحدها')).toEqual({ language: 'ar', dir: 'rtl' });
    expect(languageAndDirection('טקסט בעברית ארוך מספיק כדי לדעת את הכיוון')).toEqual({ language: 'he', dir: 'rtl' });
    expect(languageAndDirection(RU).language).toBe('ru');
    expect(guessLanguage('Президент України заявив, що ситуація на кордоні залишається складною і контрольованою')).toBe('uk');
    expect(languageAndDirection('some text', 'fa-IR')).toEqual({ language: 'fa-ir', dir: 'rtl' });
  });
});

const ARTICLES = 'tests/fixtures/articles';

describe('web articles: Readability keeps the article and its facts', () => {
  it.each(readdirSync(ARTICLES).filter((f) => f.endsWith('.html')))('%s: precision >= 0.90, recall >= 0.95', async (file) => {
    const n = await read(file, readFileSync(`${ARTICLES}/${file}`));
    const gold = readFileSync(`${ARTICLES}/${file.replace('.html', '.gold.txt')}`, 'utf8');
    const { precision, recall } = wordOverlap(n.sources[0].text, gold);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // The chrome is gone: no comment, footer or menu words.
    expect(n.sources[0].text).not.toMatch(/Reply|©|Sign up/);
  });

  it('title, authors, site, date, canonical URL, language, direction, and the page kept as the original', async () => {
    const en = await read('en-ledger.html', readFileSync(`${ARTICLES}/en-ledger.html`));
    const s = en.sources[0];
    expect(s).toMatchObject({ title: 'Border crossings reopen as aid convoys wait in the heat', publisher: 'The Northern Ledger', date: '2022-04-29' });
    expect(s.document).toMatchObject({ kind: 'html', authors: ['Miriam Hale'], url: 'https://news.example/en/2022/en-ledger', language: 'en', dir: 'ltr' });
    expect(s.document?.original?.extension).toBe('html');
    const ar = (await read('ar-sharq.html', readFileSync(`${ARTICLES}/ar-sharq.html`))).sources[0];
    expect(ar.document).toMatchObject({ language: 'ar', dir: 'rtl' });
    const ru = (await read('ru-vestnik.html', readFileSync(`${ARTICLES}/ru-vestnik.html`))).sources[0];
    expect(ru).toMatchObject({ title: 'В ОДКБ обсудили усиление охраны таджикско-афганской границы', date: '2022-04-29' });
    expect(ru.document?.authors).toEqual(['Ирина Соколова']);
  });

  it('headings, list items and block quotes each keep their own paragraph', () => {
    const a = extractArticle(readFileSync(`${ARTICLES}/de-rundschau.html`, 'utf8'));
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs).toContain('Forderungen an die Bundesregierung');
    expect(paragraphs).toContain('• zusätzliche Mittel für Heizmaterial noch vor Dezember;');
    expect(paragraphs.some((p) => p.startsWith('Wir können nicht warten'))).toBe(true);
  });

  it('a date only in article:published_time or <time>, an author only in the byline', () => {
    const body = '<p>' + 'The talks went on for a long time and ended without an agreement. '.repeat(12) + '</p>';
    const meta = extractArticle(`<html><head><meta property="article:published_time" content="2021-08-23T10:00:00Z"></head><body><article>${body}</article></body></html>`);
    expect(meta.date).toBe('2021-08-23');
    const time = extractArticle(`<html><body><article><p class="byline">By Jo Bloggs and Ann Lee</p><time datetime="2020-01-02">2 Jan</time>${body}</article></body></html>`);
    expect(time.date).toBe('2020-01-02');
    expect(time.authors).toEqual(['Jo Bloggs', 'Ann Lee']);
  });

  it('a page with no article keeps its whole text and says so', async () => {
    const n = await read('menu.html', new TextEncoder().encode('<html><body><ul><li>Home</li><li>News</li></ul></body></html>'));
    expect(n.sources[0].text).toContain('Home');
    expect(n.warnings.join(' ')).toMatch(/no article was recognised/);
  });

  it('scripts and event handlers never become text', () => {
    const a = extractArticle(`<html><body><article><p onclick="alert(1)">${'Safe words of the article. '.repeat(20)}</p><script>alert("x")</script></article></body></html>`);
    expect(a.text).not.toMatch(/alert/);
  });
});
