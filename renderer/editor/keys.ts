/** Shortcuts that reach the app (cite the selected highlight, edit a link, open a citation), bound per view. */
import { keydownHandler } from 'prosemirror-keymap';
import { NodeSelection, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { CitationAttrs } from './schema';
import { noteSchema } from './schema';
import { bindings } from './plugins';
import { syncSelectionFromDOM } from './dom-sync';

export interface AppKeyHooks {
  citeSelected(): boolean;
  editLink(): void;
  openCitation(attrs: CitationAttrs): void;
}

export function appKeydown(hooks: () => AppKeyHooks): (view: EditorView, event: KeyboardEvent) => boolean {
  const cite: Command = () => hooks().citeSelected();
  const link: Command = () => {
    hooks().editLink();
    return true;
  };
  /** Enter on a selected citation opens its passage, as a click does. */
  const openSelected: Command = (state) => {
    const sel = state.selection;
    if (!(sel instanceof NodeSelection) || sel.node.type !== noteSchema.nodes.citation) return false;
    hooks().openCitation(sel.node.attrs as CitationAttrs);
    return true;
  };
  const handle = keydownHandler({ ...bindings({ cite, link }), Enter: openSelected });
  return (view, event) => {
    // First for every key (view props run before the plugins' keymaps): act on the selection the user sees.
    if (!event.isComposing && event.keyCode !== 229) syncSelectionFromDOM(view);
    const handled = handle(view, event);
    // These keys belong to the editor here: an app-wide binding of the same key (a global "cite" command) must
    // not run a second time.
    if (handled) event.stopPropagation();
    return handled;
  };
}
