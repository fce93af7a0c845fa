/**
 * What the toolbar shows as active (bold, heading level, list kind…), computed from the selection only, and a tiny
 * store that notifies React only when that changes: typing inside a paragraph never re-renders the toolbar.
 */
import { undoDepth, redoDepth } from 'prosemirror-history';
import type { EditorState } from 'prosemirror-state';
import { isMarkActive } from './commands';
import { noteSchema } from './schema';

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  code: boolean;
  link: boolean;
  block: 'paragraph' | 'h1' | 'h2' | 'h3' | 'other';
  list: 'bullet' | 'ordered' | null;
  quote: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

export const EMPTY_TOOLBAR_STATE: ToolbarState = {
  bold: false,
  italic: false,
  code: false,
  link: false,
  block: 'paragraph',
  list: null,
  quote: false,
  canUndo: false,
  canRedo: false,
};

export function toolbarStateOf(state: EditorState): ToolbarState {
  const { marks, nodes } = noteSchema;
  const { $from } = state.selection;
  let list: ToolbarState['list'] = null;
  let quote = false;
  for (let d = $from.depth; d > 0; d--) {
    const type = $from.node(d).type;
    if (!list && type === nodes.bullet_list) list = 'bullet';
    if (!list && type === nodes.ordered_list) list = 'ordered';
    if (type === nodes.blockquote) quote = true;
  }
  const parent = $from.parent;
  const block: ToolbarState['block'] =
    parent.type === nodes.paragraph ? 'paragraph' : parent.type === nodes.heading ? (`h${parent.attrs.level as 1 | 2 | 3}` as const) : 'other';
  return {
    bold: isMarkActive(state, marks.strong),
    italic: isMarkActive(state, marks.em),
    code: isMarkActive(state, marks.code),
    link: isMarkActive(state, marks.link),
    block,
    list,
    quote,
    canUndo: undoDepth(state) > 0,
    canRedo: redoDepth(state) > 0,
  };
}

const keyOf = (s: ToolbarState) => JSON.stringify(s);

export class ToolbarStore {
  private value = EMPTY_TOOLBAR_STATE;
  private key = keyOf(EMPTY_TOOLBAR_STATE);
  private readonly listeners = new Set<() => void>();

  readonly get = (): ToolbarState => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(state: EditorState): void {
    const next = toolbarStateOf(state);
    const key = keyOf(next);
    if (key === this.key) return;
    this.key = key;
    this.value = next;
    for (const listener of this.listeners) listener();
  }
}
