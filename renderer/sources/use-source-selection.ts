import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * Several sources chosen at once (for deletion, and later export and tagging): Ctrl+click or Space toggles one,
 * Shift+click or Shift+arrows selects a range from the anchor, Ctrl+A all that the list shows, Escape none.
 * Sources the list stops showing (filtered out, deleted) leave the selection.
 */
export function useSourceSelection(order: string[], currentId: string | null) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);

  useEffect(() => {
    const shown = new Set(order);
    setChecked((c) => {
      if ([...c].every((id) => shown.has(id))) return c;
      return new Set([...c].filter((id) => shown.has(id)));
    });
  }, [order]);

  const toggle = useCallback(
    (id: string) => {
      setChecked((c) => {
        const next = new Set(c.size ? c : currentId && currentId !== id && order.includes(currentId) ? [currentId] : []);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = id;
    },
    [currentId, order],
  );

  const extendTo = useCallback(
    (id: string, from: string) => {
      const start = anchor.current && order.includes(anchor.current) ? anchor.current : from;
      anchor.current = start;
      const a = order.indexOf(start);
      const b = order.indexOf(id);
      if (a < 0 || b < 0) return;
      setChecked(new Set(order.slice(Math.min(a, b), Math.max(a, b) + 1)));
    },
    [order],
  );

  /** A plain click: the source clicked is where the next Shift+click's range starts. */
  const anchorAt = useCallback((id: string) => {
    anchor.current = id;
  }, []);

  const selectAll = useCallback(() => setChecked(new Set(order)), [order]);
  const clear = useCallback(() => {
    anchor.current = null;
    setChecked((c) => (c.size ? new Set() : c));
  }, []);

  return useMemo(() => ({ checked, toggle, extendTo, selectAll, clear, anchorAt }), [checked, toggle, extendTo, selectAll, clear, anchorAt]);
}
