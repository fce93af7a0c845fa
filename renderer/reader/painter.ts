import type { TextMap } from './text-map';

export interface PaintItem {
  id: string;
  start: number;
  end: number;
  color: string;
  lane: number;
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** Overlaps deeper than this share the top layer's colour strength. */
const MAX_LAYER = 3;

/**
 * Paints highlights with the CSS Custom Highlight API: no change to the article's DOM, so React keeps owning it.
 * One Highlight object per colour and overlap layer; overlapping layers are translucent and so stack. Colours come
 * from a constructed stylesheet (allowed by the page's CSP, unlike inline <style>).
 *
 * Everything is kept in text offsets; DOM ranges are made only for the part of the article that is rendered (the
 * reader renders a window of a long article), and made again by `setMap` when that part changes. Ranges are
 * StaticRanges: live Ranges are updated by the browser on every DOM mutation anywhere in the page.
 */
export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly rules = new Set<string>();
  private readonly groups = new Map<string, Highlight>();
  private readonly items = new Map<string, PaintItem>();
  /** DOM ranges of the painted items that are rendered. */
  private readonly ranges = new Map<string, { range: StaticRange; group: string }>();
  /** Named layers drawn over the text (selected, flash, pending suggestions, find matches …). */
  private readonly layers = new Map<string, { ranges: OffsetRange[]; priority: number }>();
  private selectedId: string | null = null;
  private map: TextMap | null = null;

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  /** The rendered part of the article changed: make the DOM ranges again. */
  setMap(map: TextMap): void {
    this.map = map;
    this.redraw();
  }

  /** Paint exactly `items`, replacing what was painted. */
  paintAll(items: readonly PaintItem[]): void {
    this.items.clear();
    for (const item of items) this.items.set(item.id, item);
    this.redraw();
  }

  add(item: PaintItem): void {
    this.items.set(item.id, item);
    this.draw(item);
  }

  remove(id: string): void {
    this.items.delete(id);
    const entry = this.ranges.get(id);
    if (!entry) return;
    this.groups.get(entry.group)?.delete(entry.range);
    this.ranges.delete(id);
  }

  get size(): number {
    return this.items.size;
  }

  /** Is the highlight painted (rendered or not)? */
  has(id: string): boolean {
    return this.items.has(id);
  }

  item(id: string): PaintItem | undefined {
    return this.items.get(id);
  }

  /** A live Range over a painted highlight that is rendered, for measuring or selecting; made on demand. */
  rangeOf(id: string): Range | undefined {
    const r = this.ranges.get(id)?.range;
    if (!r) return undefined;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }

  /** Underline the selected highlight (colour is not the only signal). */
  select(id: string | null): void {
    this.selectedId = id;
    const item = id ? this.items.get(id) : undefined;
    this.setLayer('nb-selected', item ? [item] : [], 0);
  }

  /** Draw attention to a highlight for a moment (after a jump from the panel or a citation). */
  flash(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    this.setLayer('nb-flash', [item], 100);
    const layer = this.layers.get('nb-flash');
    setTimeout(() => {
      if (this.layers.get('nb-flash') === layer) this.setLayer('nb-flash', [], 100);
    }, 1200);
  }

  /** Pending marks (entity suggestions): a dashed underline, no fill. */
  setPending(ranges: OffsetRange[]): void {
    this.setLayer('nb-pending', ranges, 1);
  }

  /** A named CSS highlight over text ranges (styled in CSS with ::highlight(name)); empty ranges remove it. */
  setLayer(name: string, ranges: readonly OffsetRange[], priority = 1): void {
    if (ranges.length === 0) {
      this.layers.delete(name);
      CSS.highlights.delete(name);
      return;
    }
    this.layers.set(name, { ranges: [...ranges], priority });
    this.drawLayer(name);
  }

  clear(): void {
    for (const name of this.groups.keys()) CSS.highlights.delete(name);
    this.groups.clear();
    this.ranges.clear();
    this.items.clear();
    for (const name of this.layers.keys()) CSS.highlights.delete(name);
    this.layers.clear();
  }

  dispose(): void {
    this.clear();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  private redraw(): void {
    for (const group of this.groups.values()) group.clear();
    this.ranges.clear();
    for (const item of this.items.values()) this.draw(item);
    for (const name of this.layers.keys()) this.drawLayer(name);
    // The selection layer follows its item (which may have moved).
    if (this.selectedId) this.select(this.selectedId);
  }

  private draw(item: PaintItem): void {
    const range = this.map?.staticRange(item.start, item.end);
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

  private drawLayer(name: string): void {
    const layer = this.layers.get(name);
    if (!layer) return;
    const highlight = new Highlight();
    highlight.priority = layer.priority;
    for (const r of layer.ranges) {
      const range = this.map?.staticRange(r.start, r.end);
      if (range) highlight.add(range);
    }
    CSS.highlights.set(name, highlight);
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
