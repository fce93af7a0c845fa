import { describeRange } from '../anchoring/describe';
import type { Highlight, NotebookSnapshot, NoteDoc, Tag, TagKind } from '../model';
import { snapToCodePoint } from '../text';
import { seededRandom } from '../seeded-random';

/**
 * A deterministic notebook of any size for the export/import benchmark and tests: N sources of English-like news
 * text (with accents and emoji, so code-point conversions are exercised), a tag tree of every kind, and M highlights
 * spread evenly over the sources, some overlapping, some with several tags or a note, a few orphaned.
 */

export interface BenchSnapshotOptions {
  sources?: number;
  highlights?: number;
  /** Characters per source text, roughly. */
  textLength?: number;
  seed?: number;
}

const prng = seededRandom;

const WORDS = (
  'the of and to in a that for on with as by at from was were is are said has have had will would ' +
  'government officials police border refugees migrants ministry president minister report agency people country ' +
  'region province camp authorities forces security operation drugs smuggling network trafficking seized arrested ' +
  'attack group militants leaders organisation council nations week month year thousands several new former local ' +
  'national crossing river capital north south told reporters statement warned called agreed plan talks aid crisis'
).split(' ');
const NAMES = ['Amina Haddad', 'José Álvarez', 'Nguyễn Văn An', 'Zoë Brontë', 'Kraków', 'São Paulo', 'Zürich'];
const EMOJI = ['🙂', '🚢', '📍', '🇺🇳', '👩🏽‍⚕️'];
const KINDS: readonly TagKind[] = ['person', 'organisation', 'place', 'group', 'theme', 'other'];
const COLORS = ['#f5d24a', '#8ecae6', '#ffb4a2', '#b5e48c', '#cdb4db', '#ffd6a5', '#a0c4ff', '#e9c46a'];

function article(rand: () => number, length: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(rand() * 4);
    for (let s = 0; s < count; s++) {
      const words: string[] = [];
      const n = 8 + Math.floor(rand() * 16);
      for (let w = 0; w < n; w++) {
        const r = rand();
        words.push(r < 0.04 ? pick(NAMES) : r < 0.06 ? pick(EMOJI) : pick(WORDS));
      }
      const sentence = words.join(' ');
      sentences.push(sentence[0].toUpperCase() + sentence.slice(1) + '.');
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

export function noteDoc(text: string): NoteDoc {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export function makeBenchSnapshot(options: BenchSnapshotOptions = {}): NotebookSnapshot {
  const sourceCount = options.sources ?? 1_000;
  const highlightCount = options.highlights ?? 100_000;
  const textLength = options.textLength ?? 8_000;
  const rand = prng(options.seed ?? 42);
  const at = (day: number): string => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();

  const tags: Tag[] = [];
  for (let i = 0; i < 60; i++) {
    const parent = i >= 12 ? tags[Math.floor(rand() * 12)] : null;
    tags.push({
      id: `t-${i.toString(16).padStart(4, '0')}`,
      name: parent ? `${parent.name} sub ${i}` : `${KINDS[i % KINDS.length]} ${i}`,
      kind: parent ? parent.kind : KINDS[i % KINDS.length],
      color: COLORS[i % COLORS.length],
      parentId: parent ? parent.id : null,
      description: i % 5 === 0 ? `Description of tag ${i}` : '',
      aliases: i % 7 === 0 ? [`alias ${i}`, `alt ${i}`] : [],
      createdAt: at(0),
    });
  }

  const sources: NotebookSnapshot['sources'] = [];
  for (let s = 0; s < sourceCount; s++) {
    const id = `src-${s.toString().padStart(5, '0')}`;
    const text = article(rand, textLength);
    const perSource = Math.floor(highlightCount / sourceCount) + (s < highlightCount % sourceCount ? 1 : 0);
    const highlights: Highlight[] = [];
    for (let k = 0; k < perSource; k++) {
      const len = 20 + Math.floor(rand() * 280);
      const start0 = Math.floor(rand() * Math.max(1, text.length - len - 1));
      const start = snapToCodePoint(text, start0, 'back');
      const end = snapToCodePoint(text, Math.min(text.length, start + len), 'forward');
      const d = describeRange(text, start, end);
      const tagIds: string[] = [];
      const nTags = Math.floor(rand() * 4);
      for (let t = 0; t < nTags; t++) {
        const tag = tags[Math.floor(rand() * tags.length)].id;
        if (!tagIds.includes(tag)) tagIds.push(tag);
      }
      const orphan = rand() < 0.02;
      highlights.push({
        id: `h-${s.toString(16).padStart(6, '0')}${k.toString(16).padStart(6, '0')}`,
        sourceId: id,
        start: d.start,
        end: d.end,
        quote: orphan ? { ...d.quote, exact: `${d.quote.exact} (since removed)` } : d.quote,
        tagIds,
        note: rand() < 0.2 ? noteDoc(`Note ${k} on source ${s}: check this against the ministry's statement 📍.`) : null,
        orphan,
        createdAt: at(1 + (k % 300)),
        modifiedAt: at(2 + (k % 300)),
      });
    }
    sources.push({
      meta: {
        id,
        title: `Report ${s + 1}: ${WORDS[s % WORDS.length]} ${NAMES[s % NAMES.length]}`,
        publisher: `Publisher ${s % 17}`,
        date: at(s % 365).slice(0, 10),
        originalFile: `report-${s + 1}.txt`,
        contentHash: '',
        addedAt: at(0),
        furniture: [],
      },
      text,
      highlights,
      note: s % 10 === 0 ? noteDoc(`Notebook of source ${s + 1}.`) : { type: 'doc', content: [{ type: 'paragraph' }] },
    });
  }
  return {
    title: 'Benchmark notebook',
    exportedAt: at(400),
    tags,
    sources,
    projectNote: noteDoc('Project notebook of the benchmark.'),
  };
}
