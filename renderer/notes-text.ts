import type { NoteDoc } from '../core/model';

/** The first line of text of a note, for lists. */
export function noteFirstLine(doc: NoteDoc): string {
  const parts: string[] = [];
  const walk = (node: unknown): boolean => {
    const n = node as { type?: string; text?: string; content?: unknown[] };
    if (typeof n?.text === 'string') parts.push(n.text);
    if (Array.isArray(n?.content)) for (const c of n.content) if (walk(c)) return true;
    return parts.join('').trim().length > 0 && n?.type === 'paragraph';
  };
  walk(doc);
  return parts.join('').trim().slice(0, 140);
}
