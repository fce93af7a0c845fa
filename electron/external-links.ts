/**
 * Opening links in the system browser: http(s) only, and only right after the analyst clicked or pressed a key in
 * the window. The evidence is the main process's own: the input events Chromium delivered to the window
 * (webContents 'input-event'), which a page cannot synthesise. A request without such a gesture is logged and
 * dropped. Node only (no 'electron'), so it is tested under Node.
 */

/** Input events that count as the analyst acting (a click, a key). */
const GESTURES = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap']);

/** How long after a gesture a link may open (Chromium's transient activation lasts about as long). */
export const GESTURE_WINDOW_MS = 1000;

export class UserGestures {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** An input event the browser process delivered to the window. */
  record(type: string): void {
    if (GESTURES.has(type)) this.last = this.now();
  }

  /** Was there a gesture just now? Uses it up: one gesture opens one link. */
  take(): boolean {
    const recent = this.now() - this.last <= GESTURE_WINDOW_MS;
    this.last = Number.NEGATIVE_INFINITY;
    return recent;
  }
}

export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * A window-open request from the renderer: opened in the system browser when it is an http(s) URL and follows a
 * gesture; otherwise logged. Never a new app window (the caller denies it either way).
 */
export function openExternalLink(
  url: string,
  gestures: UserGestures,
  open: (url: string) => unknown,
  log: (message: string) => void = console.warn,
): boolean {
  const shown = JSON.stringify(url.slice(0, 200));
  if (!isWebUrl(url)) {
    log(`Refused to open ${shown}: only http(s) links open in the browser.`);
    return false;
  }
  if (!gestures.take()) {
    log(`Refused to open ${shown}: no click or key press in the window came before it.`);
    return false;
  }
  open(url);
  return true;
}
