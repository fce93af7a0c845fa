/**
 * Markdown-style typing: "# " … "### " headings, "- " / "* " bullets, "1. " numbers, "> " quotes, "---" rule,
 * and **bold**, *italic* / _italic_, `code` as the closing delimiter is typed. Backspace right after a rule
 * fired undoes it (undoInputRule in the keymap), so a literal "# " is one keystroke away.
 */
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType } from 'prosemirror-model';
import { TextSelection, type Plugin } from 'prosemirror-state';
import { noteSchema } from './schema';

/** Wraps the text between delimiters in a mark, keeping the marks it already had (a bold word inside a link). */
function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const [whole, inner] = match;
    if (!inner) return null;
    const $start = state.doc.resolve(start);
    if ($start.parent.type.spec.code || state.doc.rangeHasMark(start, end, noteSchema.marks.code)) return null;
    const innerStart = start + whole.indexOf(inner);
    const innerEnd = innerStart + inner.length;
    const tr = state.tr;
    // The last closing delimiter character is being typed: it is not in the document yet.
    if (innerEnd < end) tr.delete(innerEnd, end);
    tr.delete(start, innerStart);
    tr.addMark(start, start + inner.length, type.create());
    tr.removeStoredMark(type);
    return tr;
  });
}

/** "---" alone in a paragraph becomes a horizontal rule, with an empty paragraph after it to type on. */
const ruleInput = new InputRule(/^---$/, (state, _match, start, end) => {
  const { horizontal_rule: hr, paragraph } = noteSchema.nodes;
  const $start = state.doc.resolve(start);
  const block = $start.parent;
  if (block.type !== paragraph || end !== $start.end()) return null;
  const parent = $start.node(-1);
  const index = $start.index(-1);
  if (!parent.canReplaceWith(index, index + 1, hr)) return null;
  const before = $start.before();
  const tr = state.tr.replaceWith(before, $start.after(), [hr.create(), paragraph.create()]);
  return tr.setSelection(TextSelection.create(tr.doc, before + 2));
});

const { nodes, marks } = noteSchema;

export const noteInputRules: Plugin = inputRules({
  rules: [
    textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (m) => ({ level: m[1].length })),
    wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
    wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
    wrappingInputRule(
      /^(\d+)\.\s$/,
      nodes.ordered_list,
      (m) => ({ order: Number(m[1]) }),
      (m, node) => node.childCount + (node.attrs.order as number) === Number(m[1]),
    ),
    ruleInput,
    markRule(/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, marks.strong),
    markRule(/(?<![*\w])\*([^*\s](?:[^*]*[^*\s])?)\*$/, marks.em),
    markRule(/(?<![_\w])_([^_\s](?:[^_]*[^_\s])?)_$/, marks.em),
    markRule(/`([^`]+)`$/, marks.code),
  ],
});
