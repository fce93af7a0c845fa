import { msg } from '../i18n';
/**
 * How a citation looks in the editor: its quote, its source title and its tag chips, read live from the resolver
 * (so a retagged or re-anchored highlight shows the change at once), or, when the highlight is gone, the stored
 * last quote marked "Deleted passage". Clicking it opens the passage in the reader.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView, NodeViewConstructor } from 'prosemirror-view';
import { lastQuote, resolveCitation, type HighlightResolver } from './citations';
import { withPages, type CitationAttrs } from './schema';

export interface CitationHooks {
  resolve: HighlightResolver;
  open(highlightId: string, sourceId: string): void;
}

const COLOR = /^#[0-9a-f]{3,8}$/i;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** One skeleton, cloned per citation: a long note has hundreds, and cloning is cheaper than building each. */
let skeleton: HTMLElement | null = null;
function citationSkeleton(): HTMLElement {
  if (!skeleton) {
    skeleton = el('figure', 'citation');
    const meta = el('figcaption', 'citation-meta');
    const badge = el('span', 'citation-deleted');
    badge.textContent = msg('editor.deletedPassage');
    meta.append(badge, el('span', 'citation-source'), el('span', 'citation-detail'), el('span', 'citation-tags'));
    skeleton.append(el('blockquote', 'citation-quote'), meta);
  }
  return skeleton.cloneNode(true) as HTMLElement;
}

class CitationView implements NodeView {
  readonly dom: HTMLElement;

  private readonly quote: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly source: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly tags: HTMLElement;

  constructor(
    private node: PMNode,
    private readonly hooks: () => CitationHooks,
    private readonly onDestroy: (view: CitationView) => void,
  ) {
    this.dom = citationSkeleton();
    this.quote = this.dom.firstChild as HTMLElement;
    [this.badge, this.source, this.detail, this.tags] = Array.from(this.dom.lastChild!.childNodes) as HTMLElement[];
    this.dom.addEventListener('click', this.onClick);
    this.render();
  }

  private get attrs(): CitationAttrs {
    return this.node.attrs as CitationAttrs;
  }

  private readonly onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.shiftKey) return;
    const { highlightId, sourceId } = this.attrs;
    const live = resolveCitation(this.hooks().resolve, highlightId);
    if (live) this.hooks().open(highlightId, live.sourceId || sourceId);
  };

  /** Fill the DOM from the node's attrs and the resolver's current answer. */
  render(): void {
    const a = this.attrs;
    // Live data when the highlight exists (whatever the stored attrs say); the last quote seen when it is gone.
    const live = resolveCitation(this.hooks().resolve, a.highlightId);
    const deleted = !live;
    // classList, not className: ProseMirror's selected-node class must survive a redraw.
    this.dom.classList.toggle('deleted', deleted);
    this.dom.dataset.highlightId = a.highlightId;
    this.dom.title = deleted ? msg('editor.thisPassageWasDeletedIts') : msg('editor.openThisPassageInThe');
    this.quote.textContent = live ? live.quote : lastQuote(a);
    this.badge.hidden = !deleted;
    this.source.textContent = (live ? live.sourceTitle : withPages(a.sourceTitle, a.pages)) || msg('editor.untitledSource');
    // Publisher, date and paragraph, so a reader of the note knows where the passage stands.
    this.detail.textContent = live?.detail ?? '';
    this.detail.hidden = !live?.detail;
    const tags = live ? live.tags : a.tags.map((name) => ({ name, color: '' }));
    this.tags.replaceChildren(
      ...tags.map((tag) => {
        const chip = el('span', 'tag-chip');
        chip.textContent = tag.name;
        // CSSOM, not a style attribute: the CSP forbids inline style attributes.
        if (COLOR.test(tag.color)) chip.style.setProperty('--tag-color', tag.color);
        return chip;
      }),
    );
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const changed = node.attrs !== this.node.attrs;
    this.node = node;
    if (changed) this.render();
    return true;
  }

  // The view draws itself; ProseMirror must not try to read its DOM back.
  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.dom.removeEventListener('click', this.onClick);
    this.onDestroy(this);
  }
}

/** The citation node views of one EditorView, so they can all be redrawn when the resolver's data changes. */
export class CitationViews {
  private readonly live = new Set<CitationView>();

  constructor(private readonly hooks: () => CitationHooks) {}

  readonly nodeView: NodeViewConstructor = (node: PMNode, _view: EditorView) => {
    const view = new CitationView(node, this.hooks, (v) => this.live.delete(v));
    this.live.add(view);
    return view;
  };

  rerenderAll(): void {
    for (const view of this.live) view.render();
  }
}
