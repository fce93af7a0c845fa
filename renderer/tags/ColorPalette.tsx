import { labels, msg } from '../i18n';
import type { MessageKey } from '../../core/i18n/catalog';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { TAG_PALETTE } from '../../core/tags/default-codebook';

const PALETTE_KEYS = ['yellow', 'orange', 'coralRed', 'pink', 'lavender', 'blue', 'cyan', 'teal', 'green', 'lime', 'sand', 'grey'] as const;
/** The palette's colour names, in the interface language when read. */
export const PALETTE_NAMES: Record<number, string> = labels(Object.fromEntries(PALETTE_KEYS.map((k, i) => [String(i), `tags.colour.${k}` as MessageKey])));

interface Props {
  title: string;
  anchor: { x: number; y: number };
  value: string;
  onPick(color: string): void;
  onClose(): void;
}

/** The tag colours (checked for contrast with the reader's text) as named swatches, plus any colour. */
export function ColorPalette({ title, anchor, value, onPick, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: anchor.x, top: anchor.y });
  const [custom, setCustom] = useState(value);

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPos({ left: Math.max(8, Math.min(anchor.x, window.innerWidth - width - 8)), top: anchor.y + height + 8 <= window.innerHeight ? anchor.y : Math.max(8, anchor.y - height - 24) });
  }, [anchor.x, anchor.y]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    (root.current?.querySelector<HTMLElement>('[aria-pressed="true"]') ?? root.current?.querySelector<HTMLElement>('button'))?.focus();
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      if (before && document.contains(before)) before.focus({ preventScroll: true });
    };
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    const buttons = Array.from(root.current?.querySelectorAll<HTMLElement>('.swatch-button') ?? []);
    const i = buttons.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 6, ArrowUp: -6 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
    }
  };

  const pick = (c: string) => {
    onPick(c);
    onClose();
  };

  return (
    <div ref={root} className="color-palette" role="dialog" aria-label={title} style={pos} onKeyDown={onKeyDown}>
      <div className="color-palette-title">{title}</div>
      <div className="swatches" role="group" aria-label={msg('tags.colours')}>
        {TAG_PALETTE.map((c, i) => (
          <button
            key={c}
            type="button"
            className="swatch-button"
            aria-label={PALETTE_NAMES[i]}
            aria-pressed={c.toLowerCase() === value.toLowerCase()}
            title={`${PALETTE_NAMES[i]} (${c})`}
            style={{ backgroundColor: c }}
            onClick={() => pick(c)}
          >
            {c.toLowerCase() === value.toLowerCase() ? '✓' : ''}
          </button>
        ))}
      </div>
      <label className="custom-color">
        
        {msg('tags.otherColour')}
        <input type="color" value={custom} onChange={(e) => setCustom(e.target.value)} />
        <button type="button" onClick={() => pick(custom)} disabled={custom.toLowerCase() === value.toLowerCase()}>
          
          {msg('tags.use')}
        </button>
      </label>
    </div>
  );
}
