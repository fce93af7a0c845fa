/** Editing commands of the notes editor, shared by the keymap and the toolbar. */
import { lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import type { MarkType, Node as PMNode, NodeType, ResolvedPos } from 'prosemirror-model';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import { insertPoint } from 'prosemirror-transform';
import { Selection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { isSafeHref, noteSchema } from './schema';

const { nodes, marks } = noteSchema;

export const toggleBold: Command = toggleMark(marks.strong);
export const toggleItalic: Command = toggleMark(marks.em);
export const toggleCode: Command = toggleMark(marks.code);
export const setParagraph: Command = setBlockType(nodes.paragraph);

/** Heading n, or back to a paragraph when the block already is one. */
export function toggleHeading(level: 1 | 2 | 3): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type === nodes.heading && $from.parent.attrs.level === level) return setParagraph(state, dispatch);
    return setBlockType(nodes.heading, { level })(state, dispatch);
  };
}

/** The innermost list around the selection, with its depth. */
function enclosingList($pos: ResolvedPos): { node: PMNode; depth: number } | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type === nodes.bullet_list || node.type === nodes.ordered_list) return { node, depth: d };
  }
  return null;
}

/** Wrap in a list; unwrap when already in this kind of list; switch kind when in the other. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const list = enclosingList(state.selection.$from);
    if (list && list.node.type === type) return liftListItem(nodes.list_item)(state, dispatch);
    if (list) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(list.depth), type, type === nodes.ordered_list ? { order: 1 } : null));
      return true;
    }
    return wrapInList(type)(state, dispatch);
  };
}
export const toggleBulletList: Command = toggleList(nodes.bullet_list);
export const toggleOrderedList: Command = toggleList(nodes.ordered_list);

export const toggleBlockquote: Command = (state, dispatch) => {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === nodes.blockquote) return lift(state, dispatch);
  return wrapIn(nodes.blockquote)(state, dispatch);
};

export const insertRule: Command = (state, dispatch) => {
  if (dispatch) dispatch(insertBlockAtom(state.tr, nodes.horizontal_rule.create()).scrollIntoView());
  return true;
};

/**
 * Insert a block atom (a citation, a rule) at the cursor, then put the cursor where writing naturally goes on:
 * an empty paragraph is replaced by the atom and a fresh one follows it; in the middle of a paragraph the paragraph
 * is split and the cursor stays before the rest of its text; at the end of a paragraph a fresh paragraph follows.
 */
export function insertBlockAtom(tr: Transaction, node: PMNode): Transaction {
  if (!tr.selection.empty) tr.deleteSelection();
  const { $from } = tr.selection;
  const inTextblock = $from.parent.isTextblock && $from.depth > 0;
  if (inTextblock && $from.parent.content.size === 0) {
    const index = $from.index(-1);
    if ($from.node(-1).canReplaceWith(index, index + 1, node.type)) {
      const before = $from.before();
      tr.replaceWith(before, $from.after(), node);
      return placeCursorAfter(tr, before + node.nodeSize, true);
    }
  }
  const atEnd = inTextblock && $from.parentOffset === $from.parent.content.size;
  let pos = $from.pos;
  let point = insertPoint(tr.doc, pos, node.type);
  if (point == null && inTextblock) {
    tr.split(pos);
    pos += 1;
    point = insertPoint(tr.doc, pos, node.type);
  }
  if (point == null) return tr.replaceSelectionWith(node, false);
  tr.insert(point, node);
  return placeCursorAfter(tr, point + node.nodeSize, atEnd);
}

/**
 * The cursor after an inserted atom: at the start of the following paragraph when that is where the writer was
 * (the rest of a split paragraph), otherwise in a fresh empty paragraph (reusing an empty one that follows).
 */
export function placeCursorAfter(tr: Transaction, pos: number, freshParagraph: boolean): Transaction {
  const $pos = tr.doc.resolve(pos);
  const after = $pos.nodeAfter;
  const reuse = after?.isTextblock && (!freshParagraph || after.content.size === 0);
  if (!reuse && $pos.parent.canReplaceWith($pos.index(), $pos.index(), nodes.paragraph)) {
    tr.insert(pos, nodes.paragraph.create());
  }
  return tr.setSelection(Selection.near(tr.doc.resolve(tr.doc.resolve(pos).nodeAfter?.isTextblock ? pos + 1 : pos)));
}

/** The range of the link mark around the cursor (or selection start), if any. */
export function linkAround(state: EditorState): { from: number; to: number; href: string; title: string | null } | null {
  const { $from, empty, from, to } = state.selection;
  if (!empty) {
    let found: { href: string; title: string | null } | null = null;
    state.doc.nodesBetween(from, to, (node) => {
      const mark = marks.link.isInSet(node.marks);
      if (mark && !found) found = { href: mark.attrs.href as string, title: mark.attrs.title as string | null };
    });
    return found ? { from, to, ...(found as { href: string; title: string | null }) } : null;
  }
  const mark = marks.link.isInSet($from.marks()) ?? ($from.nodeBefore ? marks.link.isInSet($from.nodeBefore.marks) : undefined);
  if (!mark) return null;
  // The contiguous run of text carrying this very mark, around the cursor.
  const parent = $from.parent;
  let pos = $from.start();
  let runFrom = -1;
  let run: { from: number; to: number } | null = null;
  for (let i = 0; i < parent.childCount; i++) {
    const child = parent.child(i);
    const childFrom = pos;
    pos += child.nodeSize;
    if (mark.isInSet(child.marks)) {
      if (runFrom < 0) runFrom = childFrom;
      if (run) run.to = pos;
      else if (runFrom <= $from.pos && $from.pos <= pos) run = { from: runFrom, to: pos };
    } else {
      if (run) break;
      runFrom = -1;
    }
  }
  return run ? { ...run, href: mark.attrs.href as string, title: mark.attrs.title as string | null } : null;
}

/** A typed address as a link target: "example.org" becomes https://example.org; anything unsafe is refused. */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (isSafeHref(value)) return value;
  if (/^[\w-]+(\.[\w-]+)+(?:[/?#:].*)?$/.test(value)) return `https://${value}`;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return null;
}

/** Set, change or (with href null) remove the link on the selection or the link under the cursor. */
export function setLink(href: string | null, range?: { from: number; to: number }): Command {
  return (state, dispatch) => {
    const around = range ?? linkAround(state) ?? (state.selection.empty ? null : { from: state.selection.from, to: state.selection.to });
    if (href !== null && !isSafeHref(href)) return false;
    if (!around) {
      if (href === null) return false;
      // No text selected: insert the address itself as the link text.
      if (dispatch) {
        const text = noteSchema.text(href.replace(/^mailto:/, ''), [marks.link.create({ href })]);
        dispatch(state.tr.replaceSelectionWith(text, false).scrollIntoView());
      }
      return true;
    }
    if (dispatch) {
      const tr = state.tr.removeMark(around.from, around.to, marks.link);
      if (href) tr.addMark(around.from, around.to, marks.link.create({ href }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}
