/** Notes as plain text (CSV cells): one line per block, lists keep their bullets, citations keep their quote. */
import type { Node as PMNode } from 'prosemirror-model';
import type { NoteDoc } from '../model';
import { jsonText, noteFromJSON } from './from-json';
import { citationText, type CitationAttrs } from './schema';

function blockLines(node: PMNode, indent: string): string[] {
  const { name } = node.type;
  if (node.isTextblock) return inlineText(node).split('\n').map((l) => indent + l);
  if (name === 'citation') return [indent + citationText(node.attrs as CitationAttrs)];
  if (name === 'horizontal_rule') return [`${indent}---`];
  if (name === 'bullet_list' || name === 'ordered_list') {
    const lines: string[] = [];
    const order = (node.attrs.order as number | undefined) ?? 1;
    node.forEach((item, _offset, i) => {
      const bullet = name === 'bullet_list' ? '- ' : `${order + i}. `;
      const inner = childLines(item, indent + ' '.repeat(bullet.length));
      if (inner.length) inner[0] = indent + bullet + inner[0].slice(indent.length + bullet.length);
      lines.push(...inner);
    });
    return lines;
  }
  return childLines(node, indent);
}

function childLines(node: PMNode, indent: string): string[] {
  const lines: string[] = [];
  node.forEach((child) => lines.push(...blockLines(child, indent)));
  return lines;
}

function inlineText(node: PMNode): string {
  let text = '';
  node.forEach((child) => {
    text += child.isText ? child.text : child.type.name === 'hard_break' ? '\n' : child.textContent;
  });
  return text;
}

export function noteToPlainText(doc: NoteDoc): string {
  try {
    return childLines(noteFromJSON(doc), '')
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch {
    return jsonText(doc).trim();
  }
}

/** The first non-empty line of a note's text, for lists (at most `max` characters). */
export function noteFirstLine(doc: NoteDoc, max = 140): string {
  const line = noteToPlainText(doc).split('\n').find((l) => l.trim());
  return (line ?? '').trim().slice(0, max);
}
