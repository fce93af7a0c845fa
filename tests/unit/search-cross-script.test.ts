/** Search across scripts and with stems (issue 18): Latin finds Cyrillic and back, after the query's own spelling. */
import { describe, expect, it } from 'vitest';
import { SearchEngine, type SourceInput } from '../../core/search/engine';
import type { NoteDoc } from '../../core/model';

const EMPTY: NoteDoc = { type: 'doc', content: [{ type: 'paragraph' }] };
const source = (id: string, title: string, text: string): SourceInput => ({ meta: { id, title, publisher: 'P', date: '2021-09-16' }, text, highlights: [], note: EMPTY });

const sources = [
  source('ru', 'Саммит ОДКБ', 'Министр обороны Сергей Шойгу прибыл в Душанбе.\n\nШойгу встретился с Рахмоном. Беженцев из Афганистана стало больше.'),
  source('en', 'CSTO summit', 'Defence minister Sergei Shoigu arrived in Dushanbe.\n\nRefugees crossed the border.'),
  source('de', 'Gipfel', 'Verteidigungsminister Sergej Schoigu in Duschanbe.'),
];

function build() {
  const engine = new SearchEngine();
  for (const s of sources) engine.applySource(s);
  const texts = new Map(sources.map((s) => [s.meta.id, s.text]));
  return (query: string) => engine.search({ query }, [], (id) => texts.get(id));
}

const paragraphs = (r: Awaited<ReturnType<ReturnType<typeof build>>>) => r.groups.source.filter((h) => h.place === 'paragraph');

describe('cross-script search', () => {
  it('a Latin query finds Cyrillic text, ranked below and marked', async () => {
    const search = build();
    const hits = paragraphs(await search('Shoigu'));
    expect(hits.map((h) => h.sourceId)).toEqual(['en', 'de', 'ru', 'ru']);
    // Schoigu is one typo from Shoigu: a same-script (fuzzy) hit.
    expect(hits.map((h) => Boolean(h.crossScript))).toEqual([false, false, true, true]);
    const ru = hits.find((h) => h.sourceId === 'ru')!;
    expect(ru.snippet.marks.map(([a, b]) => ru.snippet.text.slice(a, b))).toEqual(['Шойгу']);
    expect(Math.max(...hits.filter((h) => h.crossScript).map((h) => h.score))).toBeLessThan(Math.min(...hits.filter((h) => !h.crossScript).map((h) => h.score)));
  });

  it('a Cyrillic query finds Latin text, and inflected forms', async () => {
    const search = build();
    const hits = paragraphs(await search('Шойгу'));
    expect(hits.filter((h) => !h.crossScript).map((h) => h.sourceId)).toEqual(['ru', 'ru']);
    expect(hits.filter((h) => h.crossScript).map((h) => h.sourceId).sort()).toEqual(['de', 'en']);
    const rahmon = paragraphs(await search('Rahmon'));
    expect(rahmon.map((h) => [h.sourceId, h.crossScript])).toEqual([['ru', true]]);
    expect(paragraphs(await search('Душанбе')).map((h) => h.sourceId).sort()).toEqual(['de', 'en', 'ru']);
  });

  it('stems Russian words in Russian and English words in English', async () => {
    const search = build();
    expect(paragraphs(await search('беженцы')).map((h) => h.sourceId)).toEqual(['ru']);
    expect(paragraphs(await search('refugee')).map((h) => h.sourceId)).toEqual(['en']);
    expect(paragraphs(await search('Рахмон')).map((h) => [h.sourceId, Boolean(h.crossScript)])).toEqual([['ru', false]]);
  });

  it('short and odd queries stay in their own script', async () => {
    const search = build();
    expect(paragraphs(await search('in')).every((h) => !h.crossScript)).toBe(true);
    expect((await search('zzzzqqq')).totals.source).toBe(0);
  });
});
