/** The deepest a note may nest (quotes in lists in quotes ...): deeper is refused by the channels, flattened on import. */
export const MAX_NOTE_DEPTH = 64;

/** How deep a note's nodes go, counted without recursion (a note 100,000 levels deep is measured like any other). */
export function noteDepth(doc: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[doc, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    const content = (node as { content?: unknown } | null)?.content;
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  return max;
}
