import type { Highlight } from '../../core/model';
import { notesCiting } from '../../core/notes/cited-by';
import { call } from '../api';
import { flushNotes } from '../editor/autosave';

const short = (s: string, max = 40) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * The notes that cite a highlight, read from disk after the notes being typed are saved: the project notebook, its
 * source's notebook and the notes on that source's highlights. (Notes on other sources' highlights that cite it are
 * not read: that would open every source.)
 */
export async function notesCitingHighlight(h: Highlight): Promise<string[]> {
  await flushNotes();
  const [project, source] = await Promise.all([call('getProjectNote'), call('getSource', { id: h.sourceId })]);
  return notesCiting(h.id, [
    { label: 'the project notebook', doc: project },
    { label: `the notes on “${short(source.meta.title)}”`, doc: source.note },
    ...source.highlights.filter((x) => x.id !== h.id && x.note).map((x) => ({ label: `the note on “${short(x.quote.exact)}”`, doc: x.note })),
  ]);
}
