import { useEffect, useRef, useState } from 'react';
import type { SearchFacets, SearchResponse } from '../../core/search/types';
import { call } from '../api';

/** Kept between openings of the palette: the analyst comes back to what was searched. */
let remembered: { query: string; facets: SearchFacets } = { query: '', facets: {} };

/** The palette's query and facets, and the backend's answer (debounced; a late answer to an old query is dropped). */
export function useSearch(report: (err: unknown) => void) {
  const [query, setQuery] = useState(remembered.query);
  const [facets, setFacets] = useState<SearchFacets>(remembered.facets);
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [loading, setLoading] = useState(false);
  // While the index is still loading, the backend answers with what it has and says how far it is: ask again shortly.
  const [retry, setRetry] = useState(0);
  const ticket = useRef(0);

  useEffect(() => {
    remembered = { query, facets };
    const mine = ++ticket.current;
    setLoading(true);
    const timer = setTimeout(() => {
      call('search', { query, facets, limit: 20, partial: true })
        .then((r) => {
          if (mine !== ticket.current) return;
          setResponse(r);
          if (!r.ready) setTimeout(() => mine === ticket.current && setRetry((n) => n + 1), 400);
        }, report)
        .finally(() => {
          if (mine === ticket.current) setLoading(false);
        });
    }, 90);
    return () => clearTimeout(timer);
  }, [query, facets, report, retry]);

  return { query, setQuery, facets, setFacets, response, loading };
}

/** Toggle a value in a facet's list; an empty list removes the facet. */
export function toggleIn<K extends 'tagIds' | 'tagKinds' | 'sourceIds' | 'publishers' | 'grades'>(facets: SearchFacets, key: K, value: NonNullable<SearchFacets[K]>[number]): SearchFacets {
  const list = (facets[key] ?? []) as Array<typeof value>;
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const out = { ...facets, [key]: next };
  if (next.length === 0) delete out[key];
  return out;
}
