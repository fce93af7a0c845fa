/**
 * Deterministic benchmark and test data for tags: a notebook of many sources and highlights for retrieval, and a
 * long news-like article full of named entities for suggestions. Pure: the same seed always gives the same data.
 */
import type { Highlight, SourceMeta, Tag } from '../model';
import { CATEGORY_TAG_IDS, TAG_PALETTE, defaultCodebook } from './default-codebook';
import type { RetrievalData } from './query';
import { seededRandom } from '../seeded-random';

const prng = seededRandom;

const WORDS = (
  'the of and to in a that for on with as by at from was were is are said has have had will would could ' +
  'government officials border refugees ministry president minister spokesman report agency security ' +
  'people country city region province village camp district authorities forces army operation ' +
  'drugs trafficking smuggling network shipment seized arrested investigation court attack group militants ' +
  'fighters leaders members organisation council week month year morning night hours days thousands ' +
  'several many new former local national international foreign regional crossing river mountains capital ' +
  'north south northern southern told reporters according statement interview announced confirmed warned ' +
  'plan policy decision talks deal aid support crisis conflict peace violence families children residents'
).split(' ');

const FIRST = ['Vladimir', 'Sergei', 'Emomali', 'Shavkat', 'Kassym-Jomart', 'Sadyr', 'Zamir', 'Dmitry', 'Nikolai', 'Amir', 'Ashraf', 'Elena', 'Maria', 'Alexei', 'Rustam', 'Farid', 'Gulnara', 'Timur', 'Oksana', 'Bakhtiyor'];
const LAST = ['Putin', 'Lavrov', 'Rahmon', 'Mirziyoyev', 'Tokayev', 'Japarov', 'Kabulov', 'Peskov', 'Patrushev', 'Muttaqi', 'Ghani', 'Zakharova', 'Podberezkin', 'Suponina', 'Nazarov', 'Karimova', 'Saidov', 'Ergashev', 'Yusupova', 'Kholmatov'];
const PLACES = ['Afghanistan', 'Tajikistan', 'Uzbekistan', 'Kazakhstan', 'Kyrgyzstan', 'Kabul', 'Dushanbe', 'Tashkent', 'Moscow', 'Almaty', 'Kandahar', 'Herat', 'Balkh', 'Kunduz', 'Termez', 'Islamabad', 'Doha', 'Bishkek', 'Central Asia', 'Badakhshan'];
const ORGS = ['CSTO', 'CIS', 'SCO', 'NATO', 'the United Nations', 'the Kremlin', 'the Foreign Ministry', 'the Collective Security Council', 'the Border Service', 'the Interior Ministry'];
const GROUPS = ['the Taliban', 'Islamic State', 'ISIS', 'Al-Qaeda', 'the Islamic Movement of Uzbekistan', 'Jamaat Ansarullah'];
const TITLES = ['President', 'Foreign Minister', 'Defence Minister', 'spokesman', 'special envoy', 'Security Council Secretary'];

function pickFrom<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

/** A news-like English article of about `size` characters, dense with people, places, organisations and groups. */
export function makeEntityArticle(seed: number, size = 100_000): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => pickFrom(rand, xs);
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const templates: Array<() => string> = [
    () => `${pick(TITLES)} ${person()} said that ${words(6)} in ${pick(PLACES)} ${words(5)}.`,
    () => `According to ${person()}, ${words(7)} ${pick(GROUPS)} ${words(4)} near ${pick(PLACES)}.`,
    () => `${pick(ORGS).replace(/^the /, 'The ')} ${words(5)} ${pick(PLACES)} and ${pick(PLACES)} ${words(6)}.`,
    () => `Mr ${pick(LAST)} ${words(8)} with ${pick(ORGS)} ${words(3)}.`,
    () => `${words(4).replace(/^./, (c) => c.toUpperCase())} ${pick(GROUPS)} ${words(9)} ${pick(PLACES)}.`,
    () => `“${words(10).replace(/^./, (c) => c.toUpperCase())},” ${pick(LAST)} told ${pick(ORGS)} on ${pick(['Monday', 'Friday', 'Sunday'])}.`,
  ];
  const paras: string[] = [];
  let length = 0;
  while (length < size) {
    const sentences = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(templates)());
    const p = sentences.join(' ');
    paras.push(p);
    length += p.length + 2;
  }
  return paras.join('\n\n').slice(0, size);
}

export const RETRIEVAL_BENCH_QUERY = 'Terrorism AND (Taliban OR "Islamic State") AND NOT Drugs';

/**
 * A notebook for the retrieval benchmark: `sources` sources with `highlights` highlights spread evenly, over the
 * default codebook plus ~150 entity tags (some nested, some with aliases). Each highlight has 1-3 tags.
 */
export function makeRetrievalFixture(seed: number, sources = 1000, highlights = 100_000): RetrievalData & { sources: Array<{ meta: SourceMeta; text: string; highlights: Highlight[] }> } {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => pickFrom(rand, xs);
  const createdAt = '2024-01-01T00:00:00.000Z';
  const tags: Tag[] = defaultCodebook(createdAt);
  let tagNo = 0;
  const addTag = (name: string, kind: Tag['kind'], parentId: string, aliases: string[] = []): Tag => {
    const tag: Tag = { id: `tag-bench-${tagNo}`, name, kind, color: TAG_PALETTE[tagNo % TAG_PALETTE.length], parentId, description: '', aliases, createdAt };
    tagNo++;
    tags.push(tag);
    return tag;
  };
  addTag('Taliban', 'group', CATEGORY_TAG_IDS.groups, ['Taleban']);
  addTag('Islamic State', 'group', CATEGORY_TAG_IDS.groups, ['IS', 'ISIS', 'IG']);
  addTag('Al-Qaeda', 'group', CATEGORY_TAG_IDS.groups, ['Al Qaeda']);
  addTag('CSTO', 'organisation', CATEGORY_TAG_IDS.organisations, ['Collective Security Treaty Organization']);
  addTag('CIS', 'organisation', CATEGORY_TAG_IDS.organisations);
  const afghanistan = addTag('Afghanistan', 'place', CATEGORY_TAG_IDS.places);
  addTag('Kabul', 'place', afghanistan.id);
  addTag('Kandahar', 'place', afghanistan.id);
  const tajikistan = addTag('Tajikistan', 'place', CATEGORY_TAG_IDS.places);
  addTag('Dushanbe', 'place', tajikistan.id);
  for (const f of FIRST) for (const l of LAST.slice(0, 4)) addTag(`${f} ${l}`, 'person', CATEGORY_TAG_IDS.people, [l]);
  for (let i = 0; i < 30; i++) addTag(`Organisation ${i + 1}`, 'organisation', CATEGORY_TAG_IDS.organisations);
  for (let i = 0; i < 20; i++) addTag(`Province ${i + 1}`, 'place', i % 2 === 0 ? afghanistan.id : tajikistan.id);
  const coding = tags.filter((t) => t.parentId !== null);
  const themes = tags.filter((t) => t.kind === 'theme' && t.parentId !== null);

  const out: Array<{ meta: SourceMeta; text: string; highlights: Highlight[] }> = [];
  let hid = 0;
  for (let s = 0; s < sources; s++) {
    const n = Math.floor(highlights / sources) + (s < highlights % sources ? 1 : 0);
    const words: string[] = [];
    let len = 0;
    while (len < Math.max(1500, n * 30)) {
      const w = rand() < 0.1 ? pick(PLACES) : pick(WORDS);
      words.push(w);
      len += w.length + 1;
      if (rand() < 0.08) {
        words.push('\n\n');
        len += 2;
      }
    }
    const text = words.join(' ').replace(/ ?\n\n ?/g, '\n\n');
    const id = `src-bench-${String(s).padStart(5, '0')}`;
    const month = 1 + Math.floor(rand() * 24);
    const date = rand() < 0.05 ? '' : `${2021 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const hs: Highlight[] = [];
    for (let k = 0; k < n; k++) {
      const start = Math.floor(rand() * (text.length - 200));
      const end = Math.min(text.length, start + 20 + Math.floor(rand() * 180));
      const tagIds = new Set<string>();
      tagIds.add(rand() < 0.5 ? pick(themes).id : pick(coding).id);
      const extra = Math.floor(rand() * 3);
      for (let e = 0; e < extra; e++) tagIds.add(pick(coding).id);
      hs.push({
        id: `hl-bench-${hid++}`,
        sourceId: id,
        start,
        end,
        quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        tagIds: [...tagIds],
        note: null,
        orphan: false,
        createdAt,
        modifiedAt: createdAt,
      });
    }
    hs.sort((a, b) => a.start - b.start || a.end - b.end);
    out.push({
      meta: { id, title: `Bench source ${s + 1}`, publisher: 'Bench', date, originalFile: `${id}.txt`, contentHash: '', addedAt: createdAt, furniture: [] },
      text,
      highlights: hs,
    });
  }
  return { tags, sources: out };
}
