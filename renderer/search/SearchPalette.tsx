import { KIND_LABEL } from '../tags/kinds';
import { currentLocale, labels, msg } from '../i18n';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FileText, Highlighter, NotebookPen, Search, X } from 'lucide-react';
import { TAG_KINDS } from '../../core/model';
import { HIT_KINDS, type HitKind, type SearchHit, type Snippet, type TagInfo } from '../../core/search/types';
import { formatAccelerator } from '../../core/commands';
import { RELIABILITY_GRADES, RELIABILITY_MEANING } from '../../core/statements/grading';
import { isMac } from '../api';
import { formatDate } from '../format';
import { toggleIn, useSearch } from './use-search';
import '../styles/search.css';

interface Props {
  onClose(): void;
  onOpen(hit: SearchHit): void;
  report(err: unknown): void;
}

const GROUP_LABEL: Record<HitKind, string> = labels({ source: 'search.group.sources', highlight: 'search.group.highlights', note: 'search.group.notes' });
const GROUP_ICON: Record<HitKind, typeof FileText> = { source: FileText, highlight: Highlighter, note: NotebookPen };
const PLACE_LABEL: Record<SearchHit['place'], string> = labels({
  title: 'search.place.title',
  paragraph: 'search.place.text',
  quote: 'search.place.highlight',
  'highlight-note': 'search.place.highlightNote',
  'source-note': 'search.place.sourceNotes',
  'project-note': 'search.place.projectNotebook',
});

/**
 * Search the whole notebook (Ctrl/Cmd+K): results grouped by kind with the match marked, facets to narrow them,
 * arrow keys to move, Enter to open at the match.
 */
export function SearchPalette({ onClose, onOpen, report }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const search = useSearch(report);
  const { response, facets } = search;
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const d = dialog.current!;
    const before = document.activeElement as HTMLElement | null;
    d.showModal();
    input.current?.select();
    return () => before?.focus();
  }, []);

  const flat = useMemo(() => (response ? HIT_KINDS.flatMap((k) => response.groups[k]) : []), [response]);
  useEffect(() => setActive(0), [response]);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const tagsById = useMemo(() => new Map((response?.tags ?? []).map((t) => [t.id, t])), [response]);
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    onOpen(hit);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!flat.length || (e.target as HTMLElement).closest('.sp-facets')) return;
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + flat.length) % flat.length);
    } else if (e.key === 'Escape') {
      // One Escape closes, from anywhere in the palette (a search field would first clear itself).
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && e.target === input.current) {
      e.preventDefault();
      open(flat[active]);
    }
  };

  const total = response ? response.totals.source + response.totals.highlight + response.totals.note : 0;
  const filtered = Object.keys(facets).length > 0;
  let index = -1;
  return (
    <dialog ref={dialog} className="search-palette" aria-label={msg('search.searchTheNotebook')} onClose={onClose} onCancel={onClose} onKeyDown={onKeyDown}>
      <div className="sp-input-row">
        <Search size={18} aria-hidden="true" className="sp-search-icon" />
        <input
          ref={input}
          className="sp-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-label={msg('search.searchSourcesHighlightsAndNotes')}
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-activedescendant={flat.length ? `${listId}-${active}` : undefined}
          placeholder={msg('search.searchSourcesHighlightsAndNotes2')}
          value={search.query}
          onChange={(e) => search.setQuery(e.target.value)}
        />
        <span className="sp-status" role="status" aria-live="polite">
          {response && !response.ready
            ? msg('search.indexingResultsSoFar', { value: response.progress?.percent ?? 0, total: total })
            : search.loading
              ? msg('search.searching')
              : response && (search.query.trim() || filtered)
                ? msg('search.result', { total })
                : ''}
        </span>
        <button type="button" className="icon-only" aria-label={msg('search.closeSearch')} title={msg('search.closeEsc')} onClick={onClose}>
          <X size={18} aria-hidden="true" />
        </button>
      </div>
      <div className="sp-body">
        <Facets search={search} tags={response?.tags ?? []} />
        {/* Focusable: the keyboard can scroll the results (the arrows move the active result from anywhere). */}
        <div className="sp-results" tabIndex={0} aria-label={msg('search.results')}>
          {!response || (!search.query.trim() && !filtered) ? (
            <div className="sp-empty">
              <p>{msg('search.typeToSearchTheTexts')}</p>
              <ul className="sp-tips">
                <li>
                  <code>{msg('search.talibanDrugs')}</code>{' '}{msg('search.everyWordMustMatch')}{' '}<code>{msg('search.talib')}</code>{' '}{msg('search.matchesByPrefix')}{' '}<code>{msg('search.refugess')}</code>{' '}{msg('search.forgivesATypo')}
                </li>
                <li>
                  <code>{msg('search.situationInAfghanistan')}</code>{' '}{msg('search.matchesThePhraseWordFor')}
                </li>
                <li>{msg('search.filtersOnTheLeftNarrow')}</li>
              </ul>
            </div>
          ) : total === 0 ? (
            <div className="sp-empty">
              <p>
                
                {msg('search.nothingMatches')}{search.query.trim() ? <> “{search.query.trim()}”</> : null}
                {filtered ? msg('search.withTheseFilters') : ''}.
              </p>
              {filtered && (
                <button type="button" onClick={() => search.setFacets({})}>
                  
                  {msg('search.clearTheFilters')}
                </button>
              )}
            </div>
          ) : (
            // One listbox of options in labelled groups (ARIA: a listbox owns options or groups of options only).
            <div id={listId} role="listbox" aria-label={msg('search.results')}>
            {HIT_KINDS.map((kind) => {
              const hits = response.groups[kind];
              if (!hits.length) return null;
              const Icon = GROUP_ICON[kind];
              return (
                <div key={kind} className="sp-group" role="group" aria-labelledby={`${listId}-g-${kind}`}>
                  <div className="sp-group-title">
                    <Icon size={14} aria-hidden="true" /> <span id={`${listId}-g-${kind}`}>{GROUP_LABEL[kind]}</span>
                    <span className="count">{response.totals[kind].toLocaleString(currentLocale())}</span>
                    {response.totals[kind] > hits.length && <span className="sp-more">{msg('search.bestShown', { hitCount: hits.length })}</span>}
                  </div>
                  {hits.map((hit) => {
                    const i = ++index;
                    return (
                      <div
                        key={hit.id}
                        id={`${listId}-${i}`}
                        role="option"
                        aria-selected={i === active}
                        className="sp-hit"
                        data-kind={hit.kind}
                        onMouseMove={() => i !== active && setActive(i)}
                        onClick={() => open(hit)}
                      >
                        <div className="sp-hit-head">
                          <span className="sp-hit-title">{hit.title}</span>
                          <span className="sp-hit-meta">
                            {PLACE_LABEL[hit.place]}
                            {hit.publisher && <> · {hit.publisher}</>}
                            {hit.date && <> · {formatDate(hit.date)}</>}
                            {hit.crossScript && (
                              <span className="sp-cross" title={msg('search.foundThroughAnotherScriptOr')}>
                                
                                {msg('search.otherScript')}
                              </span>
                            )}
                          </span>
                        </div>
                        <SnippetText snippet={hit.snippet} />
                        {hit.tagIds.length > 0 && (
                          <div className="sp-hit-tags">
                            {hit.tagIds.slice(0, 6).map((id) => {
                              const t = tagsById.get(id);
                              return t ? (
                                <span key={id} className="sp-tag" style={{ '--tag-color': t.color } as React.CSSProperties} title={t.path.join(' / ')}>
                                  {t.name}
                                </span>
                              ) : null;
                            })}
                          </div>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
            </div>
          )}
        </div>
      </div>
      <footer className="sp-footer">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd>{' '}{msg('search.move')}
        </span>
        <span>
          <kbd>{msg('search.enter')}</kbd>{' '}{msg('search.openAtTheMatch')}
        </span>
        <span>
          <kbd>{msg('search.esc')}</kbd>{' '}{msg('search.close')}
        </span>
        <span className="sp-footer-spacer" />
        <span>
          
          {msg('search.findInThisArticle')}{' '}<kbd>{formatAccelerator('CmdOrCtrl+F', isMac)}</kbd>
        </span>
      </footer>
    </dialog>
  );
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.marks.forEach(([s, e], i) => {
    if (s < at) return;
    parts.push(snippet.text.slice(at, s));
    parts.push(<mark key={i}>{snippet.text.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(snippet.text.slice(at));
  return <p className="sp-snippet">{parts}</p>;
}

function Facets({ search, tags }: { search: ReturnType<typeof useSearch>; tags: TagInfo[] }) {
  const { facets, setFacets, response } = search;
  const counts = response?.facets;
  const [tagFilter, setTagFilter] = useState('');
  const ordered = useMemo(() => [...tags].sort((a, b) => a.path.join('\u0001').localeCompare(b.path.join('\u0001'))), [tags]);
  const chosenTags = new Set(facets.tagIds ?? []);
  const tagRows = ordered.filter((t) => {
    if (chosenTags.has(t.id)) return true;
    if (tagFilter.trim()) return t.path.join(' ').toLowerCase().includes(tagFilter.trim().toLowerCase());
    return (counts?.tags[t.id] ?? 0) > 0;
  });
  const set = (patch: Partial<typeof facets>) => {
    const next = { ...facets, ...patch };
    for (const k of Object.keys(next) as Array<keyof typeof next>) if (next[k] === undefined || next[k] === '') delete next[k];
    setFacets(next);
  };
  const sourceRows = counts?.sources ?? [];
  const chosenSources = new Set(facets.sourceIds ?? []);
  const publisherRows = counts?.publishers ?? [];
  const chosenPublishers = new Set(facets.publishers ?? []);

  return (
    <aside className="sp-facets" aria-label={msg('search.filters')}>
      <div className="sp-facets-head">
        <h3>{msg('search.filters')}</h3>
        {Object.keys(facets).length > 0 && (
          <button type="button" className="link-button" onClick={() => setFacets({})}>
            
            {msg('search.clearAll')}
          </button>
        )}
      </div>

      <fieldset className="sp-facet">
        <legend>{msg('search.tagWithItsChildren')}</legend>
        <input type="search" className="sp-facet-filter" aria-label={msg('search.filterTags')} placeholder={msg('search.filterTags')} value={tagFilter} onChange={(e) => setTagFilter(e.target.value)} />
        <div className="sp-facet-list sp-tag-list">
          {tagRows.length === 0 && <p className="sp-facet-none">{msg('search.noTaggedPassagesAmongThe')}</p>}
          {tagRows.map((t) => (
            <label key={t.id} className="sp-check" style={{ paddingLeft: `${(t.path.length - 1) * 12}px` }} title={t.path.join(' / ')}>
              <input type="checkbox" checked={chosenTags.has(t.id)} onChange={() => setFacets(toggleIn(facets, 'tagIds', t.id))} />
              <span className="sp-dot" style={{ background: t.color }} aria-hidden="true" />
              <span className="sp-check-label">{t.name}</span>
              <span className="sp-check-count">{counts?.tags[t.id] ?? 0}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="sp-facet">
        <legend>{msg('search.tagKind')}</legend>
        <div className="sp-chips">
          {TAG_KINDS.map((k) => {
            const on = facets.tagKinds?.includes(k) ?? false;
            const n = counts?.tagKinds[k] ?? 0;
            return (
              <button key={k} type="button" className="sp-chip" aria-pressed={on} disabled={!on && n === 0} onClick={() => setFacets(toggleIn(facets, 'tagKinds', k))}>
                {KIND_LABEL[k]} <span className="sp-check-count">{n}</span>
              </button>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="sp-facet">
        <legend>{msg('search.source')}</legend>
        <div className="sp-facet-list">
          {sourceRows.length === 0 && chosenSources.size === 0 && <p className="sp-facet-none">—</p>}
          {[...chosenSources].filter((id) => !sourceRows.some((s) => s.id === id)).map((id) => (
            <label key={id} className="sp-check">
              <input type="checkbox" checked onChange={() => setFacets(toggleIn(facets, 'sourceIds', id))} />
              <span className="sp-check-label">{id}</span>
              <span className="sp-check-count">0</span>
            </label>
          ))}
          {sourceRows.map((s) => (
            <label key={s.id} className="sp-check" title={s.title}>
              <input type="checkbox" checked={chosenSources.has(s.id)} onChange={() => setFacets(toggleIn(facets, 'sourceIds', s.id))} />
              <span className="sp-check-label">{s.title}</span>
              <span className="sp-check-count">{s.count}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="sp-facet">
        <legend>{msg('search.publisher')}</legend>
        <div className="sp-facet-list">
          {publisherRows.length === 0 && chosenPublishers.size === 0 && <p className="sp-facet-none">—</p>}
          {publisherRows.map((p) => (
            <label key={p.value} className="sp-check" title={p.value}>
              <input type="checkbox" checked={chosenPublishers.has(p.value)} onChange={() => setFacets(toggleIn(facets, 'publishers', p.value))} />
              <span className="sp-check-label">{p.value || msg('search.unknown')}</span>
              <span className="sp-check-count">{p.count}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="sp-facet">
        <legend>{msg('search.sourceGrade')}</legend>
        <div className="sp-chips">
          {[...RELIABILITY_GRADES, 'ungraded' as const].map((g) => {
            const on = facets.grades?.includes(g) ?? false;
            const n = counts?.grades.find((x) => x.value === g)?.count ?? 0;
            return (
              <button
                key={g}
                type="button"
                className="sp-chip"
                aria-pressed={on}
                disabled={!on && n === 0}
                // The name is what the chip shows ("B 21"); the grade's meaning is its description.
                title={g === 'ungraded' ? msg('search.sourcesNotGradedYet') : `${g}: ${RELIABILITY_MEANING[g]}`}
                onClick={() => setFacets(toggleIn(facets, 'grades', g))}
              >
                {g === 'ungraded' ? msg('search.ungraded') : g} <span className="sp-check-count">{n}</span>
              </button>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="sp-facet">
        <legend>{msg('search.published')}</legend>
        <div className="sp-dates">
          <label>
            
            {msg('search.from')}{' '}<input type="date" value={facets.from ?? ''} min={counts?.dates.min || undefined} onChange={(e) => set({ from: e.target.value || undefined })} />
          </label>
          <label>
            
            {msg('search.to')}{' '}<input type="date" value={facets.to ?? ''} max={counts?.dates.max || undefined} onChange={(e) => set({ to: e.target.value || undefined })} />
          </label>
        </div>
        {counts?.dates.min && (
          <p className="sp-facet-hint">
            {' '}{msg('search.resultsFromTo', { date: formatDate(counts.dates.min), date2: formatDate(counts.dates.max) })}
          </p>
        )}
      </fieldset>

      <fieldset className="sp-facet">
        <legend>{msg('search.note')}</legend>
        <div className="sp-chips" role="radiogroup" aria-label={msg('search.note')}>
          {([
            [undefined, msg('search.any')],
            [true, msg('search.hasANote', { value: counts?.hasNote.yes ?? 0 })],
            [false, msg('search.noNote', { value: counts?.hasNote.no ?? 0 })],
          ] as const).map(([value, label]) => (
            <button key={String(value)} type="button" role="radio" className="sp-chip" aria-checked={facets.hasNote === value} onClick={() => set({ hasNote: value })}>
              {label}
            </button>
          ))}
        </div>
      </fieldset>
    </aside>
  );
}
