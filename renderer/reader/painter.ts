import type { TextMap } from './text-map';

export interface PaintItem {
  id: string;
  start: number;
  end: number;
  color: string;
  lane: number;
}

/** Overlaps deeper than this share the top layer's colour strength. */
const MAX_LAYER = 3;

/**
 * Paints highlights with the CSS Custom Highlight API: no change to the article's DOM, so React keeps owning it.
 * One Highlight object per colour and overlap layer; overlapping layers are translucent and so stack.
 * Colours come from a constructed stylesheet (allowed by the page's CSP, unlike inline <style>).
 */
export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly rules = new Set<string>();
  private readonly groups = new Map<string, Highlight>();
  /**
   * StaticRange, not Range: live Ranges are updated by the browser on every DOM mutation anywhere in the page,
   * which with thousands of highlights makes each React update (panel rows, margin marks) slow. The article's DOM
   * never changes while it is painted (a new text gets a new painter), so static ranges stay right.
   */
  private readonly ranges = new Map<string, { range: StaticRange; group: string }>();

  constructor(private map: TextMap) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  setMap(map: TextMap): void {
    this.map = map;
  }

  /** Paint exactly `items`, replacing what was painted. */
  paintAll(items: readonly PaintItem[]): void {
    this.clear();
    for (const item of items) this.add(item);
  }

  add(item: PaintItem): void {
    const range = this.map.staticRange(item.start, item.end);
    if (!range) return;
    const name = this.groupName(item.color, Math.min(item.lane, MAX_LAYER));
    let group = this.groups.get(name);
    if (!group) {
      group = new Highlight();
      group.priority = Math.min(item.lane, MAX_LAYER);
      this.groups.set(name, group);
      CSS.highlights.set(name, group);
    }
    group.add(range);
    this.ranges.set(item.id, { range, group: name });
  }

  remove(id: string): void {
    const entry = this.ranges.get(id);
    if (!entry) return;
    this.groups.get(entry.group)?.delete(entry.range);
    this.ranges.delete(id);
  }

  /** A live Range over a painted highlight, for measuring or selecting; made on demand. */
  rangeOf(id: string): Range | undefined {
    const r = this.ranges.get(id)?.range;
    if (!r) return undefined;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }

  get size(): number {
    return this.ranges.size;
  }

  has(id: string): boolean {
    return this.ranges.has(id);
  }

  /** Underline the selected highlight (colour is not the only signal). */
  select(id: string | null): void {
    const range = id ? this.ranges.get(id)?.range : undefined;
    if (range) CSS.highlights.set('nb-selected', new Highlight(range));
    else CSS.highlights.delete('nb-selected');
  }

  /** Draw attention to a highlight for a moment (after a jump from the panel or a citation). */
  flash(id: string): void {
    const range = this.ranges.get(id)?.range;
    if (!range) return;
    const flash = new Highlight(range);
    flash.priority = 100;
    CSS.highlights.set('nb-flash', flash);
    setTimeout(() => {
      if (CSS.highlights.get('nb-flash') === flash) CSS.highlights.delete('nb-flash');
    }, 1200);
  }

  /** Pending marks (entity suggestions): a dashed underline, no fill. */
  setPending(ranges: Array<{ start: number; end: number }>): void {
    const pending = new Highlight();
    for (const r of ranges) {
      const range = this.map.staticRange(r.start, r.end);
      if (range) pending.add(range);
    }
    CSS.highlights.set('nb-pending', pending);
  }

  clear(): void {
    for (const name of this.groups.keys()) CSS.highlights.delete(name);
    this.groups.clear();
    this.ranges.clear();
    CSS.highlights.delete('nb-selected');
    CSS.highlights.delete('nb-flash');
  }

  dispose(): void {
    this.clear();
    CSS.highlights.delete('nb-pending');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  private groupName(color: string, layer: number): string {
    const hex = /^#[0-9a-f]{6}$/i.test(color) ? color.slice(1).toLowerCase() : 'f5d24a';
    const name = `nb-${hex}-${layer}`;
    if (!this.rules.has(name)) {
      this.rules.add(name);
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      this.sheet.insertRule(`::highlight(${name}) { background-color: rgb(${r} ${g} ${b} / var(--highlight-alpha, 0.38)); }`);
    }
    return name;
  }
}
