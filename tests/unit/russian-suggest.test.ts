/**
 * Entity suggestions in Russian (issue 18) on an article written for the tests (tests/fixtures/russian), scored by
 * (span, type) against its gold mentions, and the cross-script behaviour of suggestions and "tag all mentions".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import { findMentions, suggestEntities } from '../../core/suggest/entities';
import { defaultCodebook } from '../../core/tags/default-codebook';
import { score } from './neighbour-score';
import csto from '../fixtures/russian/csto-article.gold.json' with { type: 'json' };
import border from '../fixtures/russian/border-article.gold.json' with { type: 'json' };

const NOW = '2024-05-01T10:00:00.000Z';
const read = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'russian', name), 'utf8');
const article = read('csto-article.txt');
const codebook = defaultCodebook(NOW);

function tag(id: string, name: string, kind: Tag['kind'], aliases: string[] = [], extra: Partial<Tag> = {}): Tag {
  return { id, name, kind, color: '#aecbfa', parentId: null, description: '', aliases, createdAt: NOW, ...extra };
}

/** Every word-bounded occurrence of each gold text not inside a longer one ("Путин" in "Владимир Путин"), as "start-end:kind". */
describe('Russian entity suggestions', () => {
  it.each([
    ['csto-article.txt (rules tuned on it)', article, csto],
    ['border-article.txt (held out)', read('border-article.txt'), border],
  ])('precision >= 0.85 and recall >= 0.80 for (span, type) on %s (table printed)', (label, article, gold) => {
    const r = score(label, article, gold, codebook);
    console.log(r.table);
    expect(r.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });

  const got = suggestEntities(article, { tags: codebook, highlights: [] });
  const at = (text: string) => got.filter((s) => s.text === text);

  it('does not glue a place into a name: "России Владимир Путин" is a place and a person', () => {
    expect(at('России')[0]).toMatchObject({ kind: 'place', proposedName: 'Россия' });
    expect(at('Владимир Путин')[0]).toMatchObject({ kind: 'person', proposedName: 'Владимир Путин' });
    expect(got.some((s) => s.text.includes('России Владимир'))).toBe(false);
  });

  it('"Организации Договора о коллективной безопасности" is the CSTO, not a person', () => {
    const s = at('Организации Договора о коллективной безопасности')[0];
    expect(s).toMatchObject({ kind: 'organisation', proposedName: 'ОДКБ' });
    expect(s.aliases).toContain('CSTO');
    expect(got.some((x) => x.kind === 'person' && x.text.includes('Договора'))).toBe(false);
  });

  it('reduces inflected names to the nominative and groups them with the full name', () => {
    expect(at('Путину')[0].proposedName).toBe('Владимир Путин');
    expect(at('Рахмона')[0].proposedName).toBe('Эмомали Рахмон');
    expect(at('Захаровой')[0].proposedName).toBe('Мария Захарова');
    expect(at('Станиславом Засем')[0].proposedName).toBe('Станислав Зась');
    expect(at('Таджикистана')[0]).toMatchObject({ kind: 'place', proposedName: 'Таджикистан' });
    const putin = got.filter((s) => s.proposedName === 'Владимир Путин');
    expect(new Set(putin.map((s) => s.entityKey)).size).toBe(1);
    expect(putin.length).toBe(3);
  });

  it('knows abbreviations with their expansions', () => {
    for (const [abbr, expansion] of [['ОДКБ', 'Организация Договора о коллективной безопасности'], ['СНГ', 'Содружество Независимых Государств'], ['ШОС', 'Шанхайская организация сотрудничества'], ['ООН', 'Организация Объединённых Наций']]) {
      const s = suggestEntities(`Заявление ${abbr} опубликовано.`, { tags: codebook, highlights: [] })[0];
      expect(s).toMatchObject({ kind: 'organisation', proposedName: abbr });
      expect(s.aliases).toContain(expansion);
    }
  });

  it('inflected mentions match an existing Cyrillic tag', () => {
    const tags = [...codebook, tag('t-putin', 'Путин', 'person'), tag('t-tj', 'Таджикистан', 'place')];
    const ss = suggestEntities(article, { tags, highlights: [] });
    for (const text of ['Путина', 'Путину', 'Путин', 'Таджикистана', 'Таджикистану'].filter((x) => article.includes(x))) {
      const s = ss.find((x) => x.text === text);
      if (s) expect(s.tagId, text).toMatch(/^t-/);
    }
    expect(ss.find((x) => x.text === 'Путину')?.tagId).toBe('t-putin');
    expect(ss.find((x) => x.text === 'Таджикистана')?.tagId).toBe('t-tj');
  });

  it('a Latin tag takes Cyrillic mentions across scripts, unless transliteration is off (globally or for the tag)', () => {
    const putin = tag('t-putin', 'Vladimir Putin', 'person');
    const on = suggestEntities(article, { tags: [...codebook, putin], highlights: [] });
    expect(on.find((x) => x.text === 'Путину')?.tagId).toBe('t-putin');
    expect(on.find((x) => x.text === 'Владимир Путин')?.tagId).toBe('t-putin');
    const off = suggestEntities(article, { tags: [...codebook, putin], highlights: [], translit: false });
    expect(off.find((x) => x.text === 'Путину')?.tagId).toBeUndefined();
    const offForTag = suggestEntities(article, { tags: [...codebook, { ...putin, translit: false }], highlights: [] });
    expect(offForTag.find((x) => x.text === 'Путину')?.tagId).toBeUndefined();
  });

  it('tag all mentions finds every spelling and case of a name', () => {
    const shoigu = tag('t-sh', 'Sergei Shoigu', 'person', ['Shoigu']);
    const sources = [
      { id: 'ru', text: 'Шойгу заявил. Министр Сергей Шойгу. Встреча с Шойгу.' },
      { id: 'en', text: 'Shoygu said; Schoigu sagte; Sergei Shoigu; the shoigu (lower case is not a name).' },
    ];
    const all = findMentions(shoigu, sources).map((m) => `${m.sourceId}:${m.text}`);
    expect(all).toEqual(['ru:Шойгу', 'ru:Сергей Шойгу', 'ru:Шойгу', 'en:Shoygu', 'en:Schoigu', 'en:Sergei Shoigu']);
    const exact = findMentions({ ...shoigu, translit: false }, sources).map((m) => `${m.sourceId}:${m.text}`);
    expect(exact).toEqual(['en:Sergei Shoigu']);
    expect(findMentions(shoigu, sources, { translit: false }).map((m) => m.text)).toEqual(['Sergei Shoigu']);
    const rahmon = tag('t-r', 'Рахмон', 'person');
    expect(findMentions(rahmon, [{ id: 'a', text: 'Рахмона, Рахмону, Рахмоном, Rahmon, Rakhmon, Рахманов.' }]).map((m) => m.text)).toEqual(['Рахмона', 'Рахмону', 'Рахмоном', 'Rahmon', 'Rakhmon']);
  });
});
