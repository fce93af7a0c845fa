/**
 * Keys typed between `T` and the tag picker taking focus (the highlight is saved first, then the picker renders)
 * are held here and handed to the picker's field, so that "Taliban" typed fast never becomes "aliban", and a
 * letter that is also a shortcut (H, N, T) is text for the picker, not a command.
 */
let pending: string | null = null;
let enter = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function onKey(e: KeyboardEvent): void {
  if (pending === null) return;
  const target = e.target as HTMLElement | null;
  if (target?.closest?.('.tag-picker')) {
    stop();
    return;
  }
  if (e.key === 'Escape') {
    stop();
    return;
  }
  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
    // Typed "Taliban⏎" before the picker showed: the picker acts on Enter once it has the letters.
    enter = pending.length > 0;
    e.preventDefault();
    e.stopPropagation();
    return;
  }
  if (enter) return;
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    pending += e.key;
    e.preventDefault();
    e.stopPropagation();
  } else if (e.key === 'Backspace' && pending.length > 0) {
    pending = pending.slice(0, -1);
    e.preventDefault();
    e.stopPropagation();
  }
}

function stop(): void {
  pending = null;
  enter = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  window.removeEventListener('keydown', onKey, true);
}

/** Start holding keys (on T). Stops by itself when no picker takes them within a few seconds. */
export function startKeyBuffer(): void {
  stop();
  pending = '';
  enter = false;
  window.addEventListener('keydown', onKey, true);
  timer = setTimeout(stop, 4000);
}

/** The keys held so far ('' when none) and whether Enter followed them; stops holding: the picker has focus now. */
export function takeKeyBuffer(): { text: string; enter: boolean } {
  const held = { text: pending ?? '', enter };
  stop();
  return held;
}
