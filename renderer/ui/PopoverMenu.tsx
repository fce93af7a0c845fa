import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  /** Shown at the right, e.g. a key. */
  shortcut?: string;
  danger?: boolean;
  disabled?: boolean;
  separatorBefore?: boolean;
  run(): void;
}

interface Props {
  label: string;
  anchor: { x: number; y: number };
  items: MenuItem[];
  onClose(): void;
}

/** A small menu at a point: arrow keys, Home/End, first letters, Enter; Escape or a click outside closes it. */
export function PopoverMenu({ label, anchor, items, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: anchor.x, top: anchor.y });

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPos({
      left: Math.max(8, Math.min(anchor.x, window.innerWidth - width - 8)),
      top: anchor.y + height + 8 <= window.innerHeight ? anchor.y : Math.max(8, anchor.y - height - 24),
    });
  }, [anchor.x, anchor.y]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = root.current;
    el?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (e: PointerEvent) => {
      if (el && !el.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      if (before && document.contains(before) && (!document.activeElement || document.activeElement === document.body || el?.contains(document.activeElement))) {
        before.focus({ preventScroll: true });
      }
    };
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const els = Array.from(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
    const i = els.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (e.key === 'ArrowDown') next = (i + 1) % els.length;
    else if (e.key === 'ArrowUp') next = (i - 1 + els.length) % els.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = els.length - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    } else if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey) {
      const k = e.key.toLowerCase();
      const from = i + 1;
      const order = [...els.slice(from), ...els.slice(0, from)];
      const hit = order.find((el) => el.textContent?.trim().toLowerCase().startsWith(k));
      if (hit) next = els.indexOf(hit);
    }
    // Keys stay in the menu: none of them reaches the app's shortcuts.
    e.stopPropagation();
    if (next >= 0) {
      e.preventDefault();
      els[next]?.focus();
    }
  };

  return (
    <div ref={root} className="popover-menu" role="menu" aria-label={label} style={pos} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <div key={item.id} role="none">
          {item.separatorBefore && <div className="menu-separator" role="separator" />}
          <button
            type="button"
            role="menuitem"
            className={`menu-item${item.danger ? ' danger' : ''}`}
            aria-disabled={item.disabled || undefined}
            tabIndex={-1}
            onClick={() => {
              if (item.disabled) return;
              onClose();
              item.run();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut && <kbd>{item.shortcut}</kbd>}
          </button>
        </div>
      ))}
    </div>
  );
}
