import { msg } from '../i18n';
import type { Highlight } from '../../core/model';
import { call } from '../api';
import { flushNotes } from '../editor/autosave';

const short = (s: string, max = 40) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * The notes that cite a highlight, anywhere in the notebook, asked after the notes being typed are saved: the
 * project notebook, source notebooks and highlight notes of every source (the backend reads only the sources whose
 * notes cite it).
 */
export async function notesCitingHighlight(h: Highlight): Promise<string[]> {
  await flushNotes();
  const { project, places } = await call('notesCiting', { highlightId: h.id });
  const labels = project ? [msg('highlights.theProjectNotebook')] : [];
  for (const p of places) {
    const label = p.quote === null ? msg('highlights.theNotesOn', { short: short(p.sourceTitle) }) : msg('highlights.theNoteOn', { short: short(p.quote), value: p.sourceId === h.sourceId ? '' : msg('highlights.inSourceTitle', { title: short(p.sourceTitle, 30) }) });
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}
