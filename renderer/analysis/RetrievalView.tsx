import { counted, messageText, msg } from '../i18n';
import { DateField } from '../ui/DateField';
import { useEffect, useMemo, useRef, useState } from 'react';
import { retrievedPassagesCsv } from '../../core/export/passages-csv';
import { HIGHLIGHT_DRAG_TYPE } from '../editor/citations';
import { download, fileName } from './export';
import { ArrowLeft, Plus } from 'lucide-react';
import type { SourceSummary, Tag } from '../../core/model';
import { highlightColor } from '../../core/tags/default-codebook';
import { formatQuery, parseQuery, tagQuery, type RetrievalResult, type RetrievedSegment } from '../../core/tags/query';
import { call } from '../api';
import { formatDate } from '../format';
import { TagChip } from '../tags/kinds';
import { ReliabilityBadge, StatementBadge } from '../statements/badges';
import { TagPicker } from '../tags/TagPicker';
import { elementAnchor, type Point } from '../tags/reader-bridge';
import type { TagsApi } from '../tags/use-tags';

const PAGE = 100;

/** The query that retrieves one tag (its name, or its path where the name is not unique). */
export function queryForTag(tags: readonly Tag[], tag: Tag): string {
  return formatQuery(tagQuery(tag), tags);
}

interface Props {
  api: TagsApi;
  sources: SourceSummary[];
  /** The query to show; a new nonce replaces the current one (a click on another tag in the codebook). */
  request: { query: string; nonce: number };
  onOpen(segment: RetrievedSegment): void;
  onClose(): void;
}

/**
 * Retrieved segments: every passage coded with a tag, or with a query over tags (AND, OR, NOT, parentheses), across the
 * notebook, optionally limited to some sources or dates. Counts at the top; each row shows the quote in context, its
 * source and date and its other tags; Enter or a click opens the passage in the reader.
 */
export function RetrievalView({ api, sources, request, onOpen, onClose }: Props) {
  const sourcesById = useMemo(() => new Map(sources.map((x) => [x.id, x])), [sources]);
  const [query, setQuery] = useState(request.query);
  const [sourceIds, setSourceIds] = useState<Set<string> | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [order, setOrder] = useState<'date' | 'source'>('date');
  const [result, setResult] = useState<RetrievalResult | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [picker, setPicker] = useState<Point | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const ticket = useRef(0);

  useEffect(() => {
    setQuery(request.query);
    input.current?.focus();
  }, [request.nonce, request.query]);

  const parsed = useMemo(() => parseQuery(query, api.tags), [query, api.tags]);
  const canonical = parsed.ok ? formatQuery(parsed.query, api.tags) : null;
  const filters = useMemo(
    () => ({ ...(sourceIds ? { sourceIds: [...sourceIds] } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [sourceIds, from, to],
  );

  const run = async (offset: number) => {
    if (!parsed.ok) return;
    const mine = ++ticket.current;
    setLoading(true);
    try {
      const r = await call('retrieve', { query, filters, limit: PAGE, offset, order });
      if (mine !== ticket.current) return;
      setServerError(null);
      setResult((prev) => (offset > 0 && prev ? { ...r, segments: [...prev.segments, ...r.segments] } : r));
    } catch (err) {
      if (mine === ticket.current) setServerError((err as Error).message);
    } finally {
      if (mine === ticket.current) setLoading(false);
    }
  };

  // Re-run shortly after the query or filters change, and after any tag change (rename, merge, new highlights).
  useEffect(() => {
    if (!parsed.ok) {
      setResult(null);
      return;
    }
    const timer = setTimeout(() => void run(0), 180);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canonical, filters, order, api.version, api.tags]);

  /** Every passage the query retrieves (not only the rows loaded so far), fetched in pages, then saved as CSV. */
  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    if (!result || !parsed.ok) return;
    setExporting(true);
    try {
      const all: RetrievedSegment[] = [...result.segments];
      while (all.length < result.counts.segments) {
        const page = await call('retrieve', { query, filters, limit: 1000, offset: all.length, order });
        if (page.segments.length === 0) break;
        all.push(...page.segments);
      }
      download(fileName(`passages ${result.query}`, 'csv'), new Blob([retrievedPassagesCsv(all, (id) => api.tagsById.get(id)?.name)], { type: 'text/csv;charset=utf-8' }));
    } catch (err) {
      setServerError((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !picker) {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.classList.contains('retrieval-row') && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const rows = Array.from(root.current?.querySelectorAll<HTMLElement>('.retrieval-row') ?? []);
      const i = rows.indexOf(target);
      rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (target === input.current && e.key === 'ArrowDown') {
      e.preventDefault();
      root.current?.querySelector<HTMLElement>('.retrieval-row')?.focus();
    }
    // Keys typed here are for this view, not for the reader's single-key shortcuts.
    if (e.key !== 'Tab') e.stopPropagation();
  };

  const insertTag = (tag: Tag) => {
    const term = formatQuery(tagQuery(tag), api.tags);
    setQuery((q) => (q.trim() ? `${q.trim()} AND ${term}` : term));
    input.current?.focus();
  };

  const error = !parsed.ok && query.trim() ? parsed.error : null;
  const counts = result?.counts;

  return (
    <div className="retrieval" role="main" aria-label={msg('analysis.codedPassages')} ref={root} onKeyDown={onKeyDown}>
      <div className="retrieval-header">
        <div className="retrieval-title">
          <button type="button" className="back-button" onClick={onClose} title={msg('analysis.backToTheReaderEsc')}>
            <ArrowLeft size={15} aria-hidden="true" />{' '}{msg('analysis.reader')}
          </button>
          <h1>{msg('analysis.codedPassages')}</h1>
          {counts && parsed.ok && (
            <p className="retrieval-counts" role="status" aria-live="polite">
              {msg('analysis.passagesInSources', { passages: counted('passage', counts.segments), sources: counted('source', counts.sources) })}
            </p>
          )}
          {result && parsed.ok && result.segments.length > 0 && (
            <button
              type="button"
              className="export-passages"
              title={msg('analysis.saveEveryRetrievedPassageAs')}
              disabled={exporting}
              aria-busy={exporting}
              onClick={() => void exportCsv()}
            >
              {exporting ? msg('analysis.exporting') : msg('analysis.exportAllAsCsv', { toLocaleString: result.counts.segments })}
            </button>
          )}
        </div>
        <div className="query-row">
          <label className="query-label" htmlFor="retrieval-query">
            
            {msg('analysis.query')}
          </label>
          <input
            ref={input}
            id="retrieval-query"
            className={`query-input${error ? ' invalid' : ''}`}
            type="text"
            value={query}
            spellCheck={false}
            aria-invalid={Boolean(error)}
            aria-describedby="retrieval-query-help"
            placeholder={msg('analysis.eGTerrorismAndTaliban')}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="insert-tag" onClick={(e) => setPicker(elementAnchor(e.currentTarget))} title={msg('analysis.addATagToThe')}>
            <Plus size={14} aria-hidden="true" />{' '}{msg('analysis.tag')}
          </button>
        </div>
        <div id="retrieval-query-help" className={`query-help${error ? ' error' : ''}`} aria-live="polite">
          {error ? (
            <>
              <span className="query-echo" aria-hidden="true">
                {query.slice(0, error.offset)}
                <mark>{query.slice(error.offset, error.offset + Math.max(1, error.length)) || ' '}</mark>
                {query.slice(error.offset + Math.max(1, error.length))}
              </span>
              <span role="alert">{messageText(error)}</span>
            </>
          ) : serverError ? (
            <span role="alert">{serverError}</span>
          ) : (
            <span>
              
              {msg('analysis.tagsByNameAliasOr')}{' '}<code>{msg('analysis.and')}</code>, <code>{msg('analysis.or')}</code>, <code>{msg('analysis.not')}</code>{' '}{msg('analysis.and2')}{' '}<code>( )</code>{msg('analysis.aTagIncludesItsSub')}
            </span>
          )}
        </div>
        <div className="retrieval-filters" role="group" aria-label={msg('analysis.filters')}>
          <SourceFilter sources={sources} value={sourceIds} onChange={setSourceIds} />
          <label>
            
            {msg('analysis.from')}{' '}<DateField label={msg('analysis.from')} value={from} onChange={setFrom} />
          </label>
          <label>
            
            {msg('analysis.to')}{' '}<DateField label={msg('analysis.to')} value={to} onChange={setTo} />
          </label>
          <label>
            
            {msg('analysis.order')}
            <select value={order} onChange={(e) => setOrder(e.target.value as 'date' | 'source')}>
              <option value="date">{msg('analysis.byDate')}</option>
              <option value="source">{msg('analysis.bySource')}</option>
            </select>
          </label>
          {(sourceIds || from || to) && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setSourceIds(null);
                setFrom('');
                setTo('');
              }}
            >
              
              {msg('analysis.clearFilters')}
            </button>
          )}
        </div>
        {counts && parsed.ok && Object.keys(counts.perTag).length > 1 && (
          <div className="per-tag" aria-label={msg('analysis.passagesPerTag')}>
            {Object.entries(counts.perTag).map(([id, n]) => {
              const tag = api.tagsById.get(id);
              return tag ? (
                <span key={id} className="per-tag-count">
                  <TagChip tag={tag} /> {n}
                </span>
              ) : null;
            })}
          </div>
        )}
      </div>
      <ol className="retrieval-list" aria-label={msg('analysis.passages')} aria-busy={loading}>
        {result && parsed.ok && result.segments.length === 0 && <li className="empty-hint">{sourceIds || from || to ? msg('analysis.noPassageIsCodedWithinFilters', { query: result.query }) : msg('analysis.noPassageIsCodedYet', { query: result.query })}</li>}
        {parsed.ok &&
          result?.segments.map((s) => (
            <li
              key={s.highlight.id}
              draggable
              onDragStart={(e) => {
                // Into a note: a citation of this passage, as from the highlights panel.
                e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ highlightId: s.highlight.id, sourceId: s.sourceId, quote: s.highlight.quote.exact }));
                e.dataTransfer.setData('text/plain', s.quote);
                e.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <button type="button" className="retrieval-row" onClick={() => onOpen(s)} title={msg('analysis.openThisPassageInThe')}>
                <span className="retrieval-source">
                  <span className="retrieval-source-title">{s.sourceTitle}</span>
                  <time dateTime={s.date}>{formatDate(s.date)}</time>
                  <ReliabilityBadge grade={sourcesById.get(s.sourceId)?.reliability} />
                  <StatementBadge h={s.highlight} tagsById={api.tagsById} />
                </span>
                <span className="retrieval-context">
                  {s.beforeCut && '…'}
                  {s.before}
                  <mark style={{ ['--mark' as string]: highlightColor(s.highlight, api.tagsById) }}>{clip(s.quote, 600)}</mark>
                  {s.after}
                  {s.afterCut && '…'}
                </span>
                {(s.otherTags.length > 0 || s.orphan) && (
                  <span className="retrieval-tags">
                    {s.orphan && <span className="orphan-flag">{msg('analysis.orphanedNoLongerInThe')}</span>}
                    {s.otherTags.map((t) => (
                      <TagChip key={t.id} tag={t} />
                    ))}
                  </span>
                )}
              </button>
            </li>
          ))}
      </ol>
      {result && parsed.ok && result.segments.length < result.counts.segments && (
        <div className="retrieval-more">
          <button type="button" disabled={loading} onClick={() => void run(result.segments.length)}>
            
            {msg('analysis.showMoreOf', { shown: Math.min(PAGE, result.counts.segments - result.segments.length), rest: result.counts.segments - result.segments.length })}
          </button>
        </div>
      )}
      {picker && (
        <TagPicker
          tags={api.tags}
          pinnedIds={api.pinnedIds}
          recentIds={api.recentIds}
          anchor={picker}
          title={msg('analysis.addATagToThe')}
          onPick={insertTag}
          onClose={() => setPicker(null)}
        />
      )}
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function SourceFilter({ sources, value, onChange }: { sources: SourceSummary[]; value: Set<string> | null; onChange(v: Set<string> | null): void }) {
  const label = value === null ? msg('analysis.allSources') : value.size === 1 ? (sources.find((s) => value.has(s.id))?.title ?? '1 source') : `${value.size} sources`;
  return (
    <details className="source-filter">
      <summary>
        
        {msg('analysis.sources')}{' '}<span className="source-filter-value">{label}</span>
      </summary>
      <div className="source-filter-list" role="group" aria-label={msg('analysis.limitToSources')}>
        <label>
          <input type="checkbox" checked={value === null} onChange={() => onChange(value === null ? new Set() : null)} />{' '}{msg('analysis.allSources')}
        </label>
        {sources.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={value === null || value.has(s.id)}
              onChange={() => {
                const next = new Set(value ?? sources.map((x) => x.id));
                if (next.has(s.id)) next.delete(s.id);
                else next.add(s.id);
                onChange(next.size === sources.length ? null : next);
              }}
            />
            <span className="source-filter-title">{s.title}</span>
            <time dateTime={s.date}>{formatDate(s.date)}</time>
          </label>
        ))}
      </div>
    </details>
  );
}
