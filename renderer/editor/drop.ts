/** Dropping a highlight (dragged from the highlights panel or the reader) cites it where it is dropped. */
import { Fragment, Slice } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { dropPoint } from 'prosemirror-transform';
import { NodeSelection } from 'prosemirror-state';
import { HIGHLIGHT_DRAG_TYPE, createCitation } from './citations';
import { noteSchema, type CitationAttrs } from './schema';

export interface HighlightDrag {
  highlightId: string;
  sourceId: string;
  /** The quote, sent by drags from views of other sources (Retrieval, Analysis): the citation shows it at once. */
  quote?: string;
}

/** The highlight a drag carries, or null when it is some other drag (text, files, a citation being moved). */
export function readHighlightDrag(data: DataTransfer | null): HighlightDrag | null {
  if (!data || !Array.from(data.types).includes(HIGHLIGHT_DRAG_TYPE)) return null;
  try {
    const value = JSON.parse(data.getData(HIGHLIGHT_DRAG_TYPE)) as Partial<HighlightDrag>;
    if (typeof value.highlightId !== 'string' || !value.highlightId) return null;
    return {
      highlightId: value.highlightId,
      sourceId: typeof value.sourceId === 'string' ? value.sourceId : '',
      ...(typeof value.quote === 'string' ? { quote: value.quote } : {}),
    };
  } catch {
    return null;
  }
}

/** Insert a citation at the drop point (the nearest place a block fits). Returns false when the point is outside. */
export function dropCitation(view: EditorView, event: DragEvent, attrs: CitationAttrs): boolean {
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
  if (!at) return false;
  const node = createCitation(attrs);
  const pos = dropPoint(view.state.doc, at.pos, new Slice(Fragment.from(node), 0, 0)) ?? at.pos;
  const tr = view.state.tr.insert(pos, node);
  // The dropped citation is selected, as a dropped node is; a paragraph follows it when it ends its parent.
  const $after = tr.doc.resolve(pos + node.nodeSize);
  if (!$after.nodeAfter && $after.parent.canReplaceWith($after.index(), $after.index(), noteSchema.nodes.paragraph)) {
    tr.insert(pos + node.nodeSize, noteSchema.nodes.paragraph.create());
  }
  view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView());
  view.focus();
  return true;
}
