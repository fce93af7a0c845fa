import type { SourceSummary } from '../model';

/** How the sources pane orders, narrows and groups the list. Pure (core): the pane memoises each step; tests import it. */
export type SortKey = 'date' | 'title' | 'publisher' | 'highlights';
export type GroupBy = 'none' | GroupingKey;

export interface ListView {
  sort: SortKey;
  descending: boolean;
  /** Words typed in the filter box: a source shows when its title, publisher or date holds every one. */
  filter: string;
  group: GroupBy;
}

export type Row =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'source'; source: SourceSummary };

export const SORTS: Record<SortKey, { label: string; descendingFirst: boolean }> = {
  date: { label: 'Date', descendingFirst: true },
  title: { label: 'Title', descendingFirst: false },
  publisher: { label: 'Publisher', descendingFirst: false },
  highlights: { label: 'Highlights', descendingFirst: true },
};

/**
 * A way to group sources. `keysOf` gives every group a source belongs to (a source may be in several: collections,
 * once they exist, plug in here as one more entry whose keys are the source's collection ids).
 */
interface Grouping {
  label: string;
  keysOf(s: SourceSummary): string[];
  labelOf(key: string): string;
  /** Newest month first; names in alphabetical order. The empty key (no publisher, no date) comes last. */
  newestFirst: boolean;
}

export const GROUPINGS = {
  publisher: { label: 'Publisher', keysOf: (s) => [publisherName(s.publisher)], labelOf: (k) => k || 'No publisher', newestFirst: false },
  month: { label: 'Month', keysOf: (s) => [s.date.slice(0, 7)], labelOf: monthLabel, newestFirst: true },
} satisfies Record<string, Grouping>;
export type GroupingKey = keyof typeof GROUPINGS;

export const DEFAULT_VIEW: ListView = { sort: 'date', descending: true, filter: '', group: 'none' };

/** The publisher as the list shows it: without a trailing "(…)" remark. */
export function publisherName(publisher: string): string {
  return publisher.replace(/\s*\(.*\)$/, '').trim();
}

/** The rows to draw: group headers (when grouping) and sources, filtered and sorted. */
export function arrange(sources: readonly SourceSummary[], view: ListView): { rows: Row[]; shown: SourceSummary[] } {
  return group(filterSources(sortSources(sources, view.sort, view.descending), view.filter), view.group);
}

/** A sorted copy (the input is left as it is). The pane sorts once per list and order, not on every keystroke. */
export function sortSources(sources: readonly SourceSummary[], sort: SortKey, descending: boolean): SourceSummary[] {
  // Keys are read once per source, not once per comparison.
  const decorated = sources.map((s) => ({ s, k: keyOf(s) }));
  const compare = comparator(sort, descending);
  decorated.sort((a, b) => compare(a.s, a.k, b.s, b.k));
  return decorated.map((d) => d.s);
}

/** The sources whose title, publisher or date hold every typed word (order kept). */
export function filterSources(sorted: SourceSummary[], filter: string): SourceSummary[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  return words.length ? sorted.filter((s) => matches(keyOf(s).all, words)) : sorted;
}

export function group(kept: SourceSummary[], by: GroupBy): { rows: Row[]; shown: SourceSummary[] } {
  if (by === 'none') return { rows: kept.map((source) => ({ kind: 'source', source })), shown: kept };
  const grouping: Grouping = GROUPINGS[by];
  const groups = new Map<string, SourceSummary[]>();
  for (const s of kept) {
    for (const k of grouping.keysOf(s)) {
      let members = groups.get(k);
      if (!members) groups.set(k, (members = []));
      members.push(s);
    }
  }
  const keys = [...groups.keys()].sort((a, b) => {
    if (!a || !b) return a ? -1 : b ? 1 : 0;
    const c = cmp(fold(a), fold(b));
    return grouping.newestFirst ? -c : c;
  });
  const rows: Row[] = [];
  const shown: SourceSummary[] = [];
  for (const key of keys) {
    const members = groups.get(key)!;
    rows.push({ kind: 'group', key, label: grouping.labelOf(key), count: members.length });
    for (const source of members) rows.push({ kind: 'source', source });
    shown.push(...members);
  }
  return { rows, shown };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lower case without accents: "Égypte" is found by "egypte". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Keys {
  title: string;
  publisher: string;
  all: string;
}

// Folding 50,000 titles on every keystroke would cost a frame or two: each summary's keys are kept with it.
const keys = new WeakMap<SourceSummary, Keys>();
function keyOf(s: SourceSummary): Keys {
  let k = keys.get(s);
  if (!k) {
    const title = fold(s.title);
    const publisher = fold(publisherName(s.publisher));
    k = { title, publisher, all: `${title}\n${publisher}\n${s.date}` };
    keys.set(s, k);
  }
  return k;
}

function matches(haystack: string, words: string[]): boolean {
  for (const w of words) if (!haystack.includes(w)) return false;
  return true;
}

type Compare = (a: SourceSummary, ka: Keys, b: SourceSummary, kb: Keys) => number;

/** Ties fall back to newest first, then title, so the order is stable whatever the key. */
function comparator(sort: SortKey, descending: boolean): Compare {
  const dir = descending ? -1 : 1;
  const tie: Compare = (a, ka, b, kb) => cmp(b.date, a.date) || cmp(ka.title, kb.title) || cmp(a.id, b.id);
  switch (sort) {
    case 'title':
      return (a, ka, b, kb) => dir * cmp(ka.title, kb.title) || tie(a, ka, b, kb);
    case 'publisher':
      return (a, ka, b, kb) => dir * cmp(ka.publisher, kb.publisher) || tie(a, ka, b, kb);
    case 'highlights':
      return (a, ka, b, kb) => dir * (a.highlightCount - b.highlightCount) || tie(a, ka, b, kb);
    case 'date':
      // Undated sources go last either way.
      return (a, ka, b, kb) => (!a.date || !b.date ? cmp(b.date, a.date) : dir * cmp(a.date, b.date)) || cmp(ka.title, kb.title) || cmp(a.id, b.id);
  }
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return 'No date';
  return MONTH.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
