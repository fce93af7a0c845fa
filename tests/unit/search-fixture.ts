/** A small notebook for the search and analysis tests: three sources, a nested codebook, known paragraphs. */
import type { Highlight, NoteDoc, Tag } from '../../core/model';
import type { SourceInput } from '../../core/search/engine';

const at = '2024-01-01T00:00:00.000Z';
const tag = (id: string, name: string, kind: Tag['kind'], parentId: string | null = null): Tag => ({ id, name, kind, color: '#f5d24a', parentId, description: '', aliases: [], createdAt: at });

export const TAGS: Tag[] = [
  tag('taliban', 'Taliban', 'group'),
  tag('csto', 'CSTO', 'organisation'),
  tag('afghanistan', 'Afghanistan', 'place'),
  tag('kabul', 'Kabul', 'place', 'afghanistan'),
  tag('drugs', 'Drugs', 'theme'),
  tag('opium', 'Opium', 'theme', 'drugs'),
  tag('refugees', 'Refugees', 'theme'),
];

export function note(text: string): NoteDoc {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** A highlight over the first occurrence of `phrase` in `text`. */
export function hl(id: string, sourceId: string, text: string, phrase: string, tagIds: string[], noteText?: string): Highlight {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return {
    id,
    sourceId,
    start,
    end: start + phrase.length,
    quote: { exact: phrase, prefix: '', suffix: '' },
    tagIds,
    note: noteText ? note(noteText) : null,
    orphan: false,
    createdAt: at,
    modifiedAt: at,
  };
}

export const TEXT_A = [
  'The Taliban control the opium trade in the south.',
  'Refugees crossed the border into Tajikistan near Kabul.',
  'The CSTO held exercises on the border.',
].join('\n');

export const TEXT_B = ['Drug trafficking from Afghanistan worries Moscow.', 'In Kabul the Taliban announced a ban on poppy cultivation.'].join('\n\n');

export const TEXT_C = 'Central Asian leaders met in Dushanbe to discuss regional security.';

export function fixtureSources(): SourceInput[] {
  const a: SourceInput = {
    meta: { id: 'a', title: 'Opium and the Taliban', publisher: 'TASS', date: '2021-08-23' },
    text: TEXT_A,
    highlights: [
      hl('h-a1', 'a', TEXT_A, 'The Taliban control the opium trade', ['taliban', 'opium'], 'Compare with the UNODC survey'),
      hl('h-a2', 'a', TEXT_A, 'Refugees crossed the border', ['refugees']),
      hl('h-a3', 'a', TEXT_A, 'near Kabul', ['kabul']),
      hl('h-a4', 'a', TEXT_A, 'The CSTO held exercises', ['csto']),
    ],
    note: note('The source note mentions heroin routes.'),
  };
  const b: SourceInput = {
    meta: { id: 'b', title: 'Poppy ban', publisher: 'RT', date: '2022-04-29' },
    text: TEXT_B,
    highlights: [
      hl('h-b1', 'b', TEXT_B, 'Drug trafficking from Afghanistan', ['drugs', 'afghanistan']),
      hl('h-b2', 'b', TEXT_B, 'the Taliban announced a ban', ['taliban']),
      hl('h-b3', 'b', TEXT_B, 'poppy cultivation', ['opium']),
    ],
    note: null,
  };
  const c: SourceInput = { meta: { id: 'c', title: 'Dushanbe meeting', publisher: 'RT', date: '' }, text: TEXT_C, highlights: [], note: null };
  return [a, b, c];
}
