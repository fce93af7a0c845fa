/**
 * Maps offsets of a source's stored text to DOM positions in the reader and back. The reader renders every
 * non-empty line as <p data-start>, cut into <span data-o> segments that each hold one text node.
 */
interface Seg {
  start: number;
  end: number;
  node: Text;
}

export class TextMap {
  private readonly segs: Seg[] = [];

  constructor(readonly root: HTMLElement) {
    for (const span of root.querySelectorAll<HTMLElement>('span[data-o]')) {
      const node = span.firstChild;
      if (node && node.nodeType === Node.TEXT_NODE) {
        const start = Number(span.dataset.o);
        this.segs.push({ start, end: start + (node as Text).length, node: node as Text });
      }
    }
  }

  get empty(): boolean {
    return this.segs.length === 0;
  }

  /**
   * DOM boundaries of [start, end), clipped to rendered text (line breaks between paragraphs are not rendered, and a
   * long article renders only a window of its paragraphs); null when none of it is rendered.
   */
  boundaries(start: number, end: number): StaticRangeInit | null {
    if (end <= start) return null;
    const a = this.firstSegEndingAfter(start);
    const b = this.lastSegStartingBefore(end);
    if (a < 0 || b < 0 || a > b) return null;
    if (this.segs[a].start >= end || this.segs[b].end <= start) return null;
    const sa = this.segs[a];
    const sb = this.segs[b];
    return { startContainer: sa.node, startOffset: Math.max(start, sa.start) - sa.start, endContainer: sb.node, endOffset: Math.min(end, sb.end) - sb.start };
  }

  staticRange(start: number, end: number): StaticRange | null {
    const b = this.boundaries(start, end);
    return b ? new StaticRange(b) : null;
  }

  /** A live DOM Range (for measuring and selecting). */
  range(start: number, end: number): Range | null {
    const b = this.boundaries(start, end);
    if (!b) return null;
    const range = document.createRange();
    range.setStart(b.startContainer, b.startOffset);
    range.setEnd(b.endContainer, b.endOffset);
    return range;
  }

  /** The text offset of a DOM position inside the article, or null outside it. */
  offsetOf(node: Node, offset: number): number | null {
    if (node.nodeType === Node.TEXT_NODE) {
      const span = node.parentElement;
      if (span?.dataset.o !== undefined && this.root.contains(span)) return Number(span.dataset.o) + offset;
      return null;
    }
    if (!(node instanceof Element) || !this.root.contains(node)) return null;
    // An element boundary: the offset of the next text after it, or the end of the previous one.
    const child = node.childNodes[offset];
    const after = child ? firstText(child) : null;
    if (after) return this.offsetOf(after, 0);
    const before = offset > 0 ? lastText(node.childNodes[offset - 1]) : lastText(node);
    return before ? this.offsetOf(before, before.length) : null;
  }

  /** Text offsets of a DOM selection range inside the article, or null when it is not there. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  private firstSegEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segs[mid].end > offset) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  private lastSegStartingBefore(offset: number): number {
    let lo = 0;
    let hi = this.segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segs[mid].start < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

function firstText(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return node as Text;
  for (const child of node.childNodes) {
    const t = firstText(child);
    if (t) return t;
  }
  return null;
}

function lastText(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return node as Text;
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const t = lastText(node.childNodes[i]);
    if (t) return t;
  }
  return null;
}
