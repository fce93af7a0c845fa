/**
 * Reading a stored note into a ProseMirror node without ever throwing: notes outlive schema changes, and an old
 * or hand-edited document must still open (and export) with all of its text. Valid JSON takes the fast path;
 * anything else is rebuilt node by node, and what cannot be rebuilt falls back to its text.
 */
import { Fragment, type Mark, type Node as PMNode, type NodeType } from 'prosemirror-model';
import { noteSchema } from './schema';

type Json = { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown; marks?: unknown };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const children = (json: Json): unknown[] => (Array.isArray(json.content) ? json.content : []);

/** All the text inside a JSON node, blocks separated by newlines. */
export function jsonText(json: unknown): string {
  if (!isObject(json)) return typeof json === 'string' ? json : '';
  if (typeof json.text === 'string') return json.text;
  if (json.type === 'hard_break') return '\n';
  if (json.type === 'citation' && isObject(json.attrs)) {
    const quote = (json.attrs as { quote?: unknown }).quote;
    if (typeof quote === 'string') return quote;
  }
  const parts = children(json).map(jsonText);
  const inline = children(json).every((c) => isObject(c) && (c.type === 'text' || c.type === 'hard_break'));
  return parts.filter((p, i) => inline || p || i === 0).join(inline ? '' : '\n');
}

function emptyDoc(): PMNode {
  return noteSchema.topNodeType.createAndFill()!;
}

export function noteFromJSON(json: unknown): PMNode {
  if (isObject(json) && json.type === 'doc') {
    try {
      const node = noteSchema.nodeFromJSON(json);
      node.check();
      return node;
    } catch {
      // fall through to the careful path
    }
  }
  try {
    const blocks = isObject(json) && json.type === 'doc' ? children(json).flatMap(repairBlock) : repairBlock(json);
    return noteSchema.topNodeType.createAndFill(null, blocks) ?? noteSchema.topNodeType.create(null, textParagraphs(jsonText(json)));
  } catch {
    return emptyDoc();
  }
}

function textParagraphs(text: string): PMNode[] {
  const { paragraph } = noteSchema.nodes;
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length ? lines.map((l) => paragraph.create(null, noteSchema.text(l))) : [paragraph.create()];
}

function safeAttrs(type: { create(attrs?: object | null): unknown }, attrs: unknown): object | null {
  const given = isObject(attrs) ? (attrs as object) : null;
  try {
    type.create(given);
    return given;
  } catch {
    return null;
  }
}

function repairMarks(json: unknown): Mark[] {
  if (!Array.isArray(json)) return [];
  const marks: Mark[] = [];
  for (const m of json) {
    if (!isObject(m) || typeof m.type !== 'string') continue;
    const type = noteSchema.marks[m.type];
    if (!type) continue;
    try {
      marks.push(type.create(isObject(m.attrs) ? (m.attrs as object) : null));
    } catch {
      // a link without a usable href: keep the text, drop the mark
    }
  }
  return marks.reduce<readonly Mark[]>((set, mark) => mark.addToSet(set), []).slice();
}

function repairInline(json: unknown): PMNode[] {
  if (!isObject(json)) return typeof json === 'string' && json ? [noteSchema.text(json)] : [];
  if (json.type === 'text') return typeof json.text === 'string' && json.text ? [noteSchema.text(json.text, repairMarks(json.marks))] : [];
  if (json.type === 'hard_break') return [noteSchema.nodes.hard_break.create()];
  const text = jsonText(json);
  return text ? [noteSchema.text(text)] : [];
}

/** Build a node of `type` from repaired children, or null when they do not fit. */
function build(type: NodeType, attrs: unknown, content: PMNode[]): PMNode | null {
  const fragment = Fragment.fromArray(content);
  const clean = safeAttrs(type, attrs);
  try {
    const node = type.create(clean, fragment);
    node.check();
    return node;
  } catch {
    return type.createAndFill(clean, fragment);
  }
}

function repairBlock(json: unknown): PMNode[] {
  if (!isObject(json)) return typeof json === 'string' ? textParagraphs(json) : [];
  const { nodes } = noteSchema;
  const type = typeof json.type === 'string' ? nodes[json.type] : undefined;
  if (!type || type === noteSchema.topNodeType || type.isInline) {
    // Unknown (or misplaced) node: keep its blocks when it has some, otherwise its text.
    const kids = children(json);
    if (kids.length && kids.every((k) => isObject(k) && typeof k.type === 'string' && nodes[k.type] && !nodes[k.type].isInline)) return kids.flatMap(repairBlock);
    const text = jsonText(json);
    return text.trim() ? textParagraphs(text) : [];
  }
  let node: PMNode | null;
  if (type === nodes.heading) {
    // Deeper headings of other editors become level 3, the deepest a note has.
    const level = Math.min(3, Math.max(1, Math.round(Number(isObject(json.attrs) ? (json.attrs as { level?: unknown }).level : 1)) || 1));
    node = build(type, { level }, children(json).flatMap(repairInline));
  } else if (type.isTextblock) {
    node = build(type, json.attrs, children(json).flatMap(repairInline)) ?? build(nodes.paragraph, null, children(json).flatMap(repairInline));
  } else if (type === nodes.citation) {
    node = build(type, citationAttrs(json.attrs), []);
  } else if (type.isLeaf) {
    node = build(type, json.attrs, []);
  } else if (type === nodes.bullet_list || type === nodes.ordered_list) {
    // A list holds list items only: wrap stray blocks in one.
    const items = children(json).flatMap((c) => listItem(isObject(c) && c.type === 'list_item' ? children(c).flatMap(repairBlock) : repairBlock(c)));
    node = items.length ? build(type, json.attrs, items) : null;
  } else if (type === nodes.list_item) {
    // A list item outside a list: give it one.
    const item = listItem(children(json).flatMap(repairBlock));
    node = item.length ? build(nodes.bullet_list, null, item) : null;
  } else {
    node = build(type, json.attrs, children(json).flatMap(repairBlock));
  }
  if (node) return [node];
  const text = jsonText(json);
  return text.trim() ? textParagraphs(text) : [];
}

function listItem(blocks: PMNode[]): PMNode[] {
  if (!blocks.length) return [];
  const { paragraph, list_item } = noteSchema.nodes;
  const content = blocks[0].type === paragraph ? blocks : [paragraph.create(), ...blocks];
  const item = build(list_item, null, content);
  return item ? [item] : [];
}

function citationAttrs(attrs: unknown): Record<string, unknown> {
  const a = isObject(attrs) ? (attrs as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  return {
    highlightId: str(a.highlightId),
    sourceId: str(a.sourceId),
    quote: str(a.quote),
    sourceTitle: str(a.sourceTitle),
    tags: Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string') : [],
    deleted: a.deleted === true || a.deleted === 'true',
  };
}
