/** A node of a note's JSON as stored: nothing is assumed about its shape (imported notes are untrusted). */
export interface NoteJsonNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown> | null;
  content?: unknown;
}

/**
 * Every node of a note's JSON in document order, with its depth (the node given is 1), without recursion: a note
 * 100,000 levels deep is walked like any other. Values that are not objects are skipped.
 */
export function walkNote(root: unknown, visit: (node: NoteJsonNode, depth: number) => void): void {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    visit(node as NoteJsonNode, depth);
    const content = (node as NoteJsonNode).content;
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push([content[i], depth + 1]);
  }
}
