/**
 * Deterministic data for the search and analysis benchmarks and tests: a notebook of many news-like sources with a
 * realistic vocabulary (a few hundred common words plus tens of thousands of rarer ones, drawn Zipf-like, as in real
 * text), coded highlights over a codebook of entities and nested themes, and some notes. Same seed, same data.
 */
import type { Highlight, NoteDoc, SourceMeta, Tag, TagKind } from '../model';
import { CATEGORY_TAG_IDS, TAG_PALETTE, defaultCodebook } from '../tags/default-codebook';
import { seededRandom } from '../seeded-random';


/** Function words, about 45% of the words of English news text (the top 50 words of English are ~40%). */
const FUNCTION = (
  'the the the the the of of of and and and to to to a a in in in that for on with as by at from was were is are ' +
  'it its this he his they their be been has have had will would could not but or an which who said also after'
).split(' ');

/** Content words of the corpus's field: frequent in every article. */
const COMMON = (
  'government officials border refugees ministry president minister spokesman report agency security situation ' +
  'people country city region province village camp district authorities forces army operation Afghanistan Taliban ' +
  'drugs trafficking smuggling network shipment seized arrested investigation court attack group militants Russia ' +
  'fighters leaders members organisation council week month year morning night hours days thousands Moscow Kabul ' +
  'several many new former local national international foreign regional crossing river mountains capital Putin ' +
  'north south northern southern told reporters according statement interview announced confirmed warned CSTO ' +
  'plan policy decision talks deal aid support crisis conflict peace violence families children residents Tajikistan'
).split(' ');

const SYLLABLES = 'ka ri to man se lo ve ni tur ab del ra sh ok in ma zi ul pe ron da gu li be har mo sta fi ne ko'.split(' ');

/** ~`n` distinct made-up words, e.g. "karito", "sevelo": the long tail of a real vocabulary. */
function rareWords(rand: () => number, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const k = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    out.add(w);
  }
  return [...out];
}

export interface BenchNotebook {
  tags: Tag[];
  sources: Array<{ meta: SourceMeta; text: string; highlights: Highlight[]; note: NoteDoc }>;
  /** Words that occur in the texts, for queries: common ones and rarer ones. */
  vocabulary: { common: string[]; rare: string[] };
}

export const PUBLISHERS = ['TASS', 'RT', 'EFE', 'Financial Times', 'Reuters', 'AP', 'AFP', 'BBC', 'Al Jazeera', 'Interfax', 'Khaama Press', 'Tolo News', 'Asia-Plus', 'Kun.uz', 'Eurasianet', 'RFE/RL', 'Dawn', 'Xinhua', 'Anadolu', 'DW'];

function note(text: string): NoteDoc {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/**
 * `sources` sources of about `charsPerSource` characters (paragraphs of 2-6 sentences), `highlights` highlights spread
 * evenly, each with 1-3 tags; one highlight in ten has a note, one source in five a note.
 */
export function makeSearchNotebook(seed: number, sources = 10_000, highlights = 100_000, charsPerSource = 5_000): BenchNotebook {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const rare = rareWords(rand, 30_000);
  // Zipf-like: the word of rank r is drawn with probability ~ 1/r.
  const zipf = (): string => {
    const r = Math.floor(Math.exp(rand() * Math.log(rare.length + 1))) - 1;
    return rare[Math.min(rare.length - 1, r)];
  };
  const word = () => {
    const r = rand();
    return r < 0.45 ? pick(FUNCTION) : r < 0.7 ? pick(COMMON) : zipf();
  };

  const createdAt = '2024-01-01T00:00:00.000Z';
  const tags: Tag[] = defaultCodebook(createdAt);
  let tagNo = 0;
  const addTag = (name: string, kind: TagKind, parentId: string): Tag => {
    const tag: Tag = { id: `tag-s-${tagNo}`, name, kind, color: TAG_PALETTE[tagNo % TAG_PALETTE.length], parentId, description: '', aliases: [], createdAt };
    tagNo++;
    tags.push(tag);
    return tag;
  };
  for (const n of ['Taliban', 'Islamic State', 'Al-Qaeda', 'IMU']) addTag(n, 'group', CATEGORY_TAG_IDS.groups);
  for (const n of ['CSTO', 'CIS', 'SCO', 'UN']) addTag(n, 'organisation', CATEGORY_TAG_IDS.organisations);
  const afg = addTag('Afghanistan', 'place', CATEGORY_TAG_IDS.places);
  for (const n of ['Kabul', 'Kandahar', 'Herat']) addTag(n, 'place', afg.id);
  for (const n of ['Tajikistan', 'Uzbekistan', 'Kazakhstan']) addTag(n, 'place', CATEGORY_TAG_IDS.places);
  for (const n of ['Putin', 'Lavrov', 'Rahmon', 'Mirziyoyev', 'Tokayev', 'Muttaqi']) addTag(n, 'person', CATEGORY_TAG_IDS.people);
  for (let i = 1; i <= 40; i++) addTag(`Person ${i}`, 'person', CATEGORY_TAG_IDS.people);
  const themeParents = tags.filter((t) => t.kind === 'theme' && t.parentId === CATEGORY_TAG_IDS.themes);
  for (const p of themeParents) for (let i = 1; i <= 3; i++) addTag(`${p.name} ${i}`, 'theme', p.id);
  const coding = tags.filter((t) => t.parentId !== null);
  const themes = coding.filter((t) => t.kind === 'theme');

  const out: BenchNotebook['sources'] = [];
  let hid = 0;
  for (let s = 0; s < sources; s++) {
    const paras: string[] = [];
    let len = 0;
    while (len < charsPerSource) {
      const sentences: string[] = [];
      for (let k = 2 + Math.floor(rand() * 5); k > 0; k--) {
        const words: string[] = [];
        for (let w = 8 + Math.floor(rand() * 16); w > 0; w--) words.push(word());
        const sentence = words.join(' ');
        sentences.push(sentence[0].toUpperCase() + sentence.slice(1) + '.');
      }
      const p = sentences.join(' ');
      paras.push(p);
      len += p.length + 2;
    }
    const text = paras.join('\n\n');
    const id = `src-${String(s).padStart(5, '0')}`;
    const month = Math.floor(rand() * 24);
    const date = rand() < 0.03 ? '' : `${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const n = Math.floor(highlights / sources) + (s < highlights % sources ? 1 : 0);
    const hs: Highlight[] = [];
    for (let k = 0; k < n; k++) {
      let start = Math.floor(rand() * (text.length - 220));
      while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\n') start--;
      let end = Math.min(text.length, start + 30 + Math.floor(rand() * 180));
      while (end < text.length && /\w/.test(text[end])) end++;
      const tagIds = new Set<string>([rand() < 0.5 ? pick(themes).id : pick(coding).id]);
      for (let e = Math.floor(rand() * 3); e > 0; e--) tagIds.add(pick(coding).id);
      hs.push({
        id: `h-bench-${hid++}`,
        sourceId: id,
        start,
        end,
        quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        tagIds: [...tagIds],
        note: rand() < 0.1 ? note(`Compare with ${word()} ${word()} ${word()}: ${word()} ${word()}.`) : null,
        orphan: false,
        createdAt,
        modifiedAt: createdAt,
      });
    }
    hs.sort((a, b) => a.start - b.start || a.end - b.end);
    out.push({
      meta: { id, title: `${pick(COMMON)} ${zipf()} ${pick(COMMON)} ${zipf()}`.replace(/^./, (c) => c.toUpperCase()), publisher: pick(PUBLISHERS), date, originalFile: `${id}.txt`, contentHash: '', addedAt: createdAt, furniture: [] },
      text,
      highlights: hs,
      note: rand() < 0.2 ? note(`Source ${s}: ${word()} ${word()} ${word()} ${word()}.`) : { type: 'doc', content: [{ type: 'paragraph' }] },
    });
  }
  return { tags, sources: out, vocabulary: { common: COMMON.map((w) => w.toLowerCase()), rare: rare.slice(0, 5000) } };
}
