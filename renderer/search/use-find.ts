import { useCallback, useEffect, useMemo, useState } from 'react';
import { findInText } from '../../core/search/find';
import { activeReader, painted, whenReader } from '../reader/active-reader';
import type { TextRange } from './reveal';

const ALL = 'nb-find';
const CURRENT = 'nb-find-current';

/**
 * Find in the open article: every match painted (CSS highlights 'nb-find' and 'nb-find-current'), the current one
 * scrolled into view; next and previous wrap around.
 */
export function useFind(text: string | null, sourceId: string | null) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const matches = useMemo(() => (open && text ? findInText(text, query) : []), [open, text, query]);

  // A new query or another source starts from the first match.
  useEffect(() => setCurrent(0), [query, sourceId]);

  useEffect(() => {
    // The reader of a source just opened may not have its painter yet: wait for it (not frame by frame).
    let live = true;
    void whenReader(painted()).then((reader) => {
      const painter = reader?.painter();
      if (!live || !reader || !painter) return;
      painter.setLayer(ALL, matches, 80);
      const at = matches[current];
      painter.setLayer(CURRENT, at ? [at] : [], 95);
      if (at) reader.scrollToOffset(at.start);
    });
    return () => {
      live = false;
    };
  }, [matches, current, sourceId]);

  // Closing takes the marks away.
  useEffect(() => {
    if (open) return;
    const painter = activeReader()?.painter();
    painter?.setLayer(ALL, []);
    painter?.setLayer(CURRENT, []);
  }, [open]);

  const step = useCallback(
    (delta: number) => {
      if (matches.length === 0) return;
      setCurrent((c) => (c + delta + matches.length) % matches.length);
    },
    [matches.length],
  );

  const match: TextRange | null = matches[current] ?? null;
  return { open, setOpen, query, setQuery, matches, current, match, next: () => step(1), previous: () => step(-1) };
}

export type FindState = ReturnType<typeof useFind>;
