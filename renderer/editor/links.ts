import { msg } from '../i18n';
/**
 * Links never navigate inside the app: a plain click only places the cursor. Ctrl/Cmd+click opens an http(s) link
 * with window.open, which the Electron shell hands to the system browser (and denies as an app window).
 */
import type { Mark } from 'prosemirror-model';
import type { EditorView, MarkViewConstructor } from 'prosemirror-view';
import { formatAccelerator } from '../../core/commands';
import { isMac } from '../api';
import { isWebHref } from './schema';

function anchorOf(view: EditorView, event: Event): HTMLAnchorElement | null {
  const target = event.target instanceof Element ? event.target : null;
  const anchor = target?.closest('a[href]');
  return anchor instanceof HTMLAnchorElement && view.dom.contains(anchor) ? anchor : null;
}

/** For handleDOMEvents.click and .auxclick. Returns true only when the click opened the link. */
export function handleLinkClick(view: EditorView, event: MouseEvent): boolean {
  const anchor = anchorOf(view, event);
  if (!anchor) return false;
  event.preventDefault();
  const href = anchor.getAttribute('href');
  const withModifier = isMac ? event.metaKey : event.ctrlKey;
  if (href && event.type === 'click' && event.button === 0 && withModifier && isWebHref(href)) {
    window.open(href, '_blank', 'noopener');
    return true;
  }
  return false;
}

const openHint = (): string => msg('editor.clickToOpen', { key: `${formatAccelerator('CmdOrCtrl', isMac)}${isMac ? '' : '+'}` });

/** Links show where they go and how to open them. */
export const linkMarkView: MarkViewConstructor = (mark: Mark) => {
  const a = document.createElement('a');
  const href = mark.attrs.href as string;
  a.setAttribute('href', href);
  a.rel = 'noopener noreferrer nofollow';
  a.title = isWebHref(href) ? `${href} (${openHint()})` : href;
  return { dom: a };
};
