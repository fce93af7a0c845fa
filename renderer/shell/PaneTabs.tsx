import { useId, useRef, type ReactNode } from 'react';

export interface PaneTab {
  id: string;
  label: string;
  /** Shown after the label (a count). */
  badge?: string | number;
  /** Tooltip, e.g. with the shortcut that shows this tab. */
  title?: string;
  content: ReactNode;
}

interface Props {
  label: string;
  tabs: PaneTab[];
  selected: string;
  onSelect(id: string): void;
  className?: string;
}

/**
 * Tabs over a pane (Sources | Codebook, Highlights | Suggestions). Every tab's content stays mounted (scroll positions
 * and state survive a switch); hidden ones are out of the accessibility tree. Arrow keys move between tabs.
 */
export function PaneTabs({ label, tabs, selected, onSelect, className }: Props) {
  const uid = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-tab="${tabs[next].id}"]`)?.focus());
  };
  return (
    <section className={`pane pane-tabs ${className ?? ''}`} aria-label={label}>
      <div className="tab-list" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${uid}-tab-${t.id}`}
            data-tab={t.id}
            aria-selected={t.id === selected}
            aria-controls={`${uid}-panel-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            title={t.title}
            className="tab"
            onClick={() => onSelect(t.id)}
          >
            {t.label}
            {t.badge !== undefined && <span className="tab-badge">{t.badge}</span>}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${uid}-panel-${t.id}`}
          aria-labelledby={`${uid}-tab-${t.id}`}
          className="tab-panel"
          hidden={t.id !== selected}
        >
          {t.content}
        </div>
      ))}
    </section>
  );
}
