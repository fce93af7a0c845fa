import { labels, msg } from '../i18n';
import { DateField } from '../ui/DateField';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cooccurrencePassagesCsv } from '../../core/export/passages-csv';
import { HIGHLIGHT_DRAG_TYPE } from '../editor/citations';
import { download, fileName } from './export';
import { ArrowLeft } from 'lucide-react';
import type { AnalysisResult, CooccurrencePassage } from '../../core/analysis/types';
import type { DataTable } from '../../core/analysis/csv';
import type { TagInfo } from '../../core/search/types';
import { isEntityKind, type TagKind } from '../../core/model';
import { CATEGORY_TAG_IDS } from '../../core/tags/default-codebook';
import { call } from '../api';
import { formatDate } from '../format';
import { useChartTheme, type ChartTheme } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { BarChart, Matrix, TimelineChart } from './charts';
import '../styles/analysis.css';

export interface PassageTarget {
  sourceId: string;
  start: number;
  end: number;
  highlightId: string | null;
}

interface Props {
  onClose(): void;
  onOpenPassage(target: PassageTarget): void;
  report(err: unknown): void;
}

type Tab = 'frequency' | 'cooccurrence' | 'entity-theme' | 'timeline';
const TAB_LABEL = labels({ frequency: 'analysis.tab.frequency', cooccurrence: 'analysis.tab.cooccurrence', 'entity-theme': 'analysis.tab.entityTheme', timeline: 'analysis.tab.timeline' });
const TABS = (['frequency', 'cooccurrence', 'entity-theme', 'timeline'] as const).map((t): [Tab, string] => [t, t]);
const CATEGORIES: ReadonlySet<string> = new Set(Object.values(CATEGORY_TAG_IDS));
const KIND_PLURAL: Record<TagKind, string> = labels({ person: 'analysis.kinds.person', organisation: 'analysis.kinds.organisation', place: 'analysis.kinds.place', group: 'analysis.kinds.group', theme: 'analysis.kinds.theme', other: 'analysis.kinds.other' });

/** Where the analysis view was left: tab and options survive closing and opening it. */
let remembered: { tab: Tab; rollup: boolean; from: string; to: string } = { tab: 'frequency', rollup: false, from: '', to: '' };

/**
 * The analysis view, in place of the reader: numbers over the coding as charts and tables, each exportable. Esc or
 * "Back to the reader" closes it.
 */
export function AnalysisView({ onClose, onOpenPassage, report }: Props) {
  const [tab, setTab] = useState<Tab>(remembered.tab);
  const [rollup, setRollup] = useState(remembered.rollup);
  const [from, setFrom] = useState(remembered.from);
  const [to, setTo] = useState(remembered.to);
  const [data, setData] = useState<AnalysisResult | null>(null);
  const [loading, setLoading] = useState(true);
  const theme = useChartTheme();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    remembered = { tab, rollup, from, to };
  }, [tab, rollup, from, to]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    call('analysis', { rollup, ...(from ? { from } : {}), ...(to ? { to } : {}) })
      .then((r) => live && setData(r), report)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [rollup, from, to, report]);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, []);

  const tags = useMemo(() => new Map((data?.tags ?? []).map((t) => [t.id, t])), [data]);
  const options = { rollup, ...(from ? { from } : {}), ...(to ? { to } : {}) };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !(e.target as HTMLElement).closest('select, input')) {
      e.preventDefault();
      onClose();
    }
  };
  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length][0];
    setTab(next);
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`#analysis-tab-${next}`)?.focus());
  };

  return (
    <div className="analysis" role="main" aria-label={msg('analysis.analysis')} ref={root} onKeyDown={onKeyDown}>
      <div className="analysis-header">
        <button type="button" className="back-button" onClick={onClose} title={msg('analysis.backToTheReaderEsc')}>
          <ArrowLeft size={15} aria-hidden="true" />{' '}{msg('analysis.backToTheReader')}
        </button>
        <h1>{msg('analysis.analysis')}</h1>
        <p className="analysis-summary" role="status" aria-live="polite">
          {loading && !data ? msg('analysis.counting') : data ? msg('analysis.sourcesHighlightsCodedParagraphs', { sources: data.totals.sources, toLocaleString: data.totals.highlights, toLocaleString2: data.totals.passages }) : ''}
        </p>
        <div className="analysis-options" role="group" aria-label={msg('analysis.whatToCount')}>
          <label title={msg('analysis.countAParagraphCodedWith')}>
            <input type="checkbox" checked={rollup} onChange={(e) => setRollup(e.target.checked)} />{' '}{msg('analysis.countChildTagsUnderTheir')}
          </label>
          <label>
            
            {msg('analysis.publishedFrom')}{' '}<DateField label={msg('analysis.publishedFrom')} value={from} onChange={setFrom} />
          </label>
          <label>
            
            {msg('analysis.to2')}{' '}<DateField label={msg('analysis.publishedTo')} value={to} onChange={setTo} />
          </label>
        </div>
      </div>
      <div className="analysis-tabs" role="tablist" aria-label={msg('analysis.analyses')}>
        {TABS.map(([id], i) => (
          <button
            key={id}
            id={`analysis-tab-${id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === id}
            aria-controls={`analysis-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {TAB_LABEL[id]}
          </button>
        ))}
      </div>
      <div className="analysis-body" role="tabpanel" id={`analysis-panel-${tab}`} aria-labelledby={`analysis-tab-${tab}`} aria-busy={loading}>
        {!data ? (
          <p className="chart-empty">{loading ? msg('analysis.counting') : msg('analysis.theAnalysisCouldNotBe')}</p>
        ) : data.totals.highlights === 0 ? (
          <p className="chart-empty">{msg('analysis.noHighlightsYet')}{from || to ? msg('analysis.inTheseDates') : ''}{msg('analysis.highlightAndTagPassagesAnd')}</p>
        ) : tab === 'frequency' ? (
          <FrequencyTab data={data} tags={tags} theme={theme} report={report} />
        ) : tab === 'cooccurrence' ? (
          <CooccurrenceTab data={data} tags={tags} theme={theme} report={report} options={options} onOpenPassage={onOpenPassage} />
        ) : tab === 'entity-theme' ? (
          <EntityThemeTab data={data} tags={tags} theme={theme} report={report} options={options} onOpenPassage={onOpenPassage} />
        ) : (
          <TimelineTab data={data} tags={tags} theme={theme} report={report} />
        )}
      </div>
    </div>
  );
}

interface TabProps {
  data: AnalysisResult;
  tags: Map<string, TagInfo>;
  theme: ChartTheme;
  report(err: unknown): void;
}

/** A tag's name; with its parent's when another tag has the same name ("Kabul (Places)", "Kabul (Groups)"). */
function nameOf(tags: Map<string, TagInfo>, id: string): string {
  const t = tags.get(id);
  if (!t) return id;
  let twins = 0;
  for (const o of tags.values()) if (o.name === t.name) twins++;
  return twins > 1 && t.path.length > 1 ? `${t.name} (${t.path[t.path.length - 2]})` : t.name;
}
const pathOf = (tags: Map<string, TagInfo>, id: string) => tags.get(id)?.path.join(' / ') ?? id;

function FrequencyTab({ data, tags, theme, report }: TabProps) {
  const [sourceId, setSourceId] = useState(() => [...data.bySource].sort((a, b) => b.highlights - a.highlights)[0]?.sourceId ?? '');
  const source = data.bySource.find((s) => s.sourceId === sourceId) ?? data.bySource[0];
  const top = data.frequency.slice(0, 25);
  const frequencyTable: DataTable = {
    columns: [msg('analysis.tag'), msg('analysis.path'), msg('analysis.kind'), msg('analysis.highlights'), msg('analysis.sources2'), msg('analysis.paragraphs')],
    rows: data.frequency.map((f) => [nameOf(tags, f.tagId), pathOf(tags, f.tagId), tags.get(f.tagId)?.kind ?? '', f.highlights, f.sources, f.passages]),
  };
  const sourceTags = Object.entries(source?.tags ?? {}).sort((a, b) => b[1] - a[1]);
  const sourceTable: DataTable = { columns: [msg('analysis.tag'), msg('analysis.path'), msg('analysis.highlights')], rows: sourceTags.map(([id, n]) => [nameOf(tags, id), pathOf(tags, id), n]) };
  return (
    <div className="analysis-grid">
      <ChartFrame
        title={msg('analysis.highlightsPerTag')}
        description={
          <>
            
            {msg('analysis.topTagsNote', { shown: Math.min(25, data.frequency.length), total: data.frequency.length })}
          </>
        }
        table={frequencyTable}
        background={theme.background}
        report={report}
        chart={(ref, width) => (
          <BarChart
            svgRef={ref}
            width={width}
            theme={theme}
            label={msg('analysis.highlightsPerTag')}
            bars={top.map((f) => ({ label: nameOf(tags, f.tagId), value: f.highlights, detail: msg('analysis.inSource', { sources: f.sources }), color: tags.get(f.tagId)?.color }))}
          />
        )}
      />
      <ChartFrame
        title={msg('analysis.tagsOfASource')}
        description={source ? msg('analysis.sourceDescription', { title: source.title, date: source.date ? ` · ${formatDate(source.date)}` : '', highlights: source.highlights }) : undefined}
        controls={
          <label className="chart-control">
            
            {msg('analysis.source2')}{' '}
            <select value={source?.sourceId ?? ''} onChange={(e) => setSourceId(e.target.value)}>
              {data.bySource.map((s) => (
                <option key={s.sourceId} value={s.sourceId}>
                  {s.date ? `${s.date} · ` : ''}
                  {s.title.length > 70 ? `${s.title.slice(0, 69)}…` : s.title}
                </option>
              ))}
            </select>
          </label>
        }
        table={sourceTable}
        background={theme.background}
        report={report}
        empty="This source has no tagged highlights."
        chart={(ref, width) => <BarChart svgRef={ref} width={width} theme={theme} label={msg('analysis.tagsOf', { value: source?.title ?? 'the source' })} bars={sourceTags.slice(0, 25).map(([id, n]) => ({ label: nameOf(tags, id), value: n, color: tags.get(id)?.color }))} />}
      />
    </div>
  );
}

interface MatrixTabProps extends TabProps {
  options: { rollup: boolean; from?: string; to?: string };
  onOpenPassage(target: PassageTarget): void;
}

/** Tags ranked by paragraphs, leaving out the top-level categories (People, Themes …). */
function rankedTags(data: AnalysisResult, tags: Map<string, TagInfo>, keep: (t: TagInfo) => boolean): string[] {
  return data.frequency.filter((f) => !CATEGORIES.has(f.tagId) && tags.has(f.tagId) && keep(tags.get(f.tagId)!)).sort((a, b) => b.passages - a.passages || a.tagId.localeCompare(b.tagId)).map((f) => f.tagId);
}

function CooccurrenceTab({ data, tags, theme, report, options, onOpenPassage }: MatrixTabProps) {
  const [count, setCount] = useState(15);
  const [colorBy, setColorBy] = useState<'jaccard' | 'count'>('jaccard');
  const [picked, setPicked] = useState<{ row: string; column: string } | null>(null);
  const ids = rankedTags(data, tags, () => true).slice(0, count);
  const byPair = useMemo(() => new Map(data.cooccurrence.map((p) => [`${p.a}\u0001${p.b}`, p])), [data]);
  const pairOf = (a: string, b: string) => byPair.get(`${a}\u0001${b}`) ?? byPair.get(`${b}\u0001${a}`);
  const maxN = Math.max(1, ...data.cooccurrence.filter((p) => ids.includes(p.a) && ids.includes(p.b)).map((p) => p.n12));
  const shown = new Set(ids);
  // Rows stand for tag ids (two tags may share a name under different parents): the table keeps the pairs beside it.
  const pairsShown = data.cooccurrence.filter((p) => shown.has(p.a) && shown.has(p.b));
  const table: DataTable = {
    columns: [msg('analysis.tagA'), msg('analysis.tagB'), msg('analysis.paragraphsA'), msg('analysis.paragraphsB'), msg('analysis.paragraphsWithBoth'), msg('analysis.jaccard')],
    rows: pairsShown.map((p) => [nameOf(tags, p.a), nameOf(tags, p.b), p.n1, p.n2, p.n12, Number(p.jaccard.toFixed(4))]),
  };
  return (
    <div className="analysis-split">
      <ChartFrame
        title={msg('analysis.coOccurrenceOfTags')}
        description={msg('analysis.paragraphsWhereBothTagsAre')}
        controls={
          <>
            <label className="chart-control">
              
              {msg('analysis.tags')}{' '}
              <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
                {[10, 15, 20, 30].map((n) => (
                  <option key={n} value={n}>
                    {' '}{msg('analysis.top', { n })}
                  </option>
                ))}
              </select>
            </label>
            <label className="chart-control">
              
              {msg('analysis.shadeBy')}{' '}
              <select value={colorBy} onChange={(e) => setColorBy(e.target.value as 'jaccard' | 'count')}>
                <option value="jaccard">{msg('analysis.jaccard')}</option>
                <option value="count">{msg('analysis.count')}</option>
              </select>
            </label>
          </>
        }
        table={table}
        background={theme.background}
        report={report}
        empty="No two tags share a paragraph yet."
        renderCell={(row, c, r) => {
          if (c !== 4) return typeof row[c] === 'number' && !Number.isInteger(row[c]) ? (row[c] as number).toFixed(3) : row[c];
          const a = pairsShown[r]?.a;
          const b = pairsShown[r]?.b;
          return (
            <button type="button" className="link-button cell-link" onClick={() => a && b && setPicked({ row: a, column: b })} title={msg('analysis.showTheseParagraphs')}>
              {row[c]}
            </button>
          );
        }}
        chart={(ref, width) => (
          <Matrix
            svgRef={ref}
            width={width}
            theme={theme}
            label={msg('analysis.coOccurrenceOfTags')}
            rows={ids.map((id) => ({ id, label: nameOf(tags, id) }))}
            columns={ids.map((id) => ({ id, label: nameOf(tags, id) }))}
            selected={picked}
            onPick={(row, column) => setPicked({ row, column })}
            cell={(a, b) => {
              const p = pairOf(a, b);
              if (!p) return null;
              return {
                count: p.n12,
                strength: colorBy === 'jaccard' ? p.jaccard : p.n12 / maxN,
                title: msg('analysis.andParagraphTogetherJaccardAnd', { nameOf: nameOf(tags, a), nameOf2: nameOf(tags, b), n12: p.n12, toFixed: p.jaccard.toFixed(2), n1: p.n1, n2: p.n2 }),
              };
            }}
          />
        )}
      />
      <PassagesPanel pair={picked} tags={tags} options={options} report={report} onOpen={onOpenPassage} onClose={() => setPicked(null)} />
    </div>
  );
}

function EntityThemeTab({ data, tags, theme, report, options, onOpenPassage }: MatrixTabProps) {
  const [picked, setPicked] = useState<{ row: string; column: string } | null>(null);
  const cells = useMemo(() => new Map(data.entityTheme.map((c) => [`${c.entityId}\u0001${c.themeId}`, c.passages])), [data]);
  const entityTotals = new Map<string, number>();
  const themeTotals = new Map<string, number>();
  for (const c of data.entityTheme) {
    entityTotals.set(c.entityId, (entityTotals.get(c.entityId) ?? 0) + c.passages);
    themeTotals.set(c.themeId, (themeTotals.get(c.themeId) ?? 0) + c.passages);
  }
  const byTotal = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const entities = byTotal(entityTotals).slice(0, 20);
  const themes = byTotal(themeTotals).slice(0, 15);
  const max = Math.max(1, ...data.entityTheme.map((c) => c.passages));
  const table: DataTable = {
    columns: [msg('analysis.entity'), ...themes.map((t) => nameOf(tags, t))],
    rows: entities.map((e) => [nameOf(tags, e), ...themes.map((t) => cells.get(`${e}\u0001${t}`) ?? 0)]),
  };
  const entityKinds = [...new Set(entities.map((e) => tags.get(e)?.kind).filter((k): k is TagKind => Boolean(k && isEntityKind(k))))];
  return (
    <div className="analysis-split">
      <ChartFrame
        title={msg('analysis.entitiesInParagraphsOfEach')}
        description={msg('analysis.paragraphsWhereAnEntityAnd', { value: entityKinds.map((k) => KIND_PLURAL[k].toLowerCase()).join(', ') || 'people, organisations, places, groups' })}
        table={table}
        background={theme.background}
        report={report}
        empty="No paragraph has both an entity and a theme yet."
        renderCell={(row, c, r) => {
          if (c === 0 || !row[c]) return row[c];
          const e = entities[r];
          const t = themes[c - 1];
          return (
            <button type="button" className="link-button cell-link" onClick={() => e && setPicked({ row: e, column: t })} title={msg('analysis.showTheseParagraphs')}>
              {row[c]}
            </button>
          );
        }}
        chart={(ref, width) => (
          <Matrix
            svgRef={ref}
            width={width}
            theme={theme}
            label={msg('analysis.entitiesInParagraphsOfEach')}
            rows={entities.map((id) => ({ id, label: nameOf(tags, id) }))}
            columns={themes.map((id) => ({ id, label: nameOf(tags, id) }))}
            selected={picked}
            onPick={(row, column) => setPicked({ row, column })}
            cell={(e, t) => {
              const n = cells.get(`${e}\u0001${t}`) ?? 0;
              return n ? { count: n, strength: n / max, title: msg('analysis.inParagraphsOn', { nameOf: nameOf(tags, e), nameOf2: nameOf(tags, t), n }) } : null;
            }}
          />
        )}
      />
      <PassagesPanel pair={picked} tags={tags} options={options} report={report} onOpen={onOpenPassage} onClose={() => setPicked(null)} />
    </div>
  );
}

function TimelineTab({ data, tags, theme, report }: TabProps) {
  const [kind, setKind] = useState<TagKind>('theme');
  const periods = useMemo(() => monthsBetween(data.timeline[0]?.period, data.timeline[data.timeline.length - 1]?.period), [data]);
  const byPeriod = new Map(data.timeline.map((p) => [p.period, p]));
  const shown = rankedTags(data, tags, (t) => t.kind === kind)
    .sort((a, b) => (data.frequency.find((f) => f.tagId === b)?.highlights ?? 0) - (data.frequency.find((f) => f.tagId === a)?.highlights ?? 0))
    .slice(0, 6);
  const series = shown.map((id) => ({ label: nameOf(tags, id), color: tags.get(id)?.color, values: periods.map((p) => byPeriod.get(p)?.tags[id] ?? 0) }));
  const sources = periods.map((p) => byPeriod.get(p)?.sources ?? 0);
  const table: DataTable = {
    columns: [msg('analysis.month'), msg('analysis.sources2'), msg('analysis.highlights'), ...shown.map((id) => nameOf(tags, id))],
    rows: periods.map((p, i) => [p, sources[i], byPeriod.get(p)?.highlights ?? 0, ...series.map((s) => s.values[i])]),
  };
  const kinds = (['theme', 'person', 'organisation', 'place', 'group'] as TagKind[]).filter((k) => rankedTags(data, tags, (t) => t.kind === k).length > 0);
  return (
    <div className="analysis-grid">
      <ChartFrame
        title={msg('analysis.overTime', { value: KIND_PLURAL[kind] })}
        description={
          <>
            
            {msg('analysis.timelineNote', { shown: shown.length, kinds: KIND_PLURAL[kind].toLowerCase() })}
            {data.undated.sources > 0 && msg('analysis.sourceNoDateAndLeft', { sources: data.undated.sources })}
          </>
        }
        controls={
          <label className="chart-control">
            
            {msg('analysis.show')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as TagKind)}>
              {(kinds.length ? kinds : (['theme'] as TagKind[])).map((k) => (
                <option key={k} value={k}>
                  {KIND_PLURAL[k]}
                </option>
              ))}
            </select>
          </label>
        }
        table={table}
        background={theme.background}
        report={report}
        empty="No dated sources with highlights."
        chart={(ref, width) => <TimelineChart svgRef={ref} width={width} theme={theme} label={msg('analysis.overTime', { value: KIND_PLURAL[kind] })} periods={periods} series={series} sources={sources} />}
      />
    </div>
  );
}

/** Every month from `first` to `last` (yyyy-mm), so quiet months show as zero. */
function monthsBetween(first: string | undefined, last: string | undefined): string[] {
  if (!first || !last) return [];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function PassagesPanel({
  pair,
  tags,
  options,
  report,
  onOpen,
  onClose,
}: {
  pair: { row: string; column: string } | null;
  tags: Map<string, TagInfo>;
  options: { rollup: boolean; from?: string; to?: string };
  report(err: unknown): void;
  onOpen(target: PassageTarget): void;
  onClose(): void;
}) {
  const [result, setResult] = useState<{ passages: CooccurrencePassage[]; total: number } | null>(null);
  const key = pair ? `${pair.row}|${pair.column}|${JSON.stringify(options)}` : '';
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!pair) return;
    let live = true;
    setResult(null);
    call('cooccurrencePassages', { tagA: pair.row, tagB: pair.column, ...options })
      .then((r) => {
        if (!live) return;
        setResult(r);
        requestAnimationFrame(() => heading.current?.focus());
      }, report);
    return () => {
      live = false;
    };
    // `key` stands for pair and options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, report]);

  if (!pair) {
    return (
      <aside className="passages-panel empty" aria-label={msg('analysis.paragraphs')}>
        <p>{msg('analysis.clickACellToList')}</p>
      </aside>
    );
  }
  const a = tags.get(pair.row);
  const b = tags.get(pair.column);
  return (
    <aside className="passages-panel" aria-label={msg('analysis.paragraphs')}>
      <header className="passages-head">
        <h3 ref={heading} tabIndex={-1}>
          <span className="sp-tag" style={{ '--tag-color': a?.color } as React.CSSProperties}>
            {a?.name ?? pair.row}
          </span>{' '}
          
          {msg('analysis.and2')}{' '}
          <span className="sp-tag" style={{ '--tag-color': b?.color } as React.CSSProperties}>
            {b?.name ?? pair.column}
          </span>
        </h3>
        {result && result.passages.length > 0 && (
          <button
            type="button"
            className="export-passages"
            title={msg('analysis.saveTheseParagraphsAsCsv')}
            onClick={() => download(fileName(`paragraphs ${a?.name ?? pair.row} and ${b?.name ?? pair.column}`, 'csv'), new Blob([cooccurrencePassagesCsv(result.passages)], { type: 'text/csv;charset=utf-8' }))}
          >
            
            {msg('analysis.exportCsv')}
          </button>
        )}
        <button type="button" className="icon-only" aria-label={msg('analysis.closeTheParagraphs')} title={msg('analysis.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="passages-count" role="status">
        {result ? msg('analysis.paragraph', { total: result.total }) + (result.total > result.passages.length ? msg('analysis.theFirstShown', { shown: result.passages.length }) : '') : msg('analysis.findingTheParagraphs')}
      </p>
      <ol className="passages-list">
        {result?.passages.map((p) => (
          <li
            key={`${p.sourceId}-${p.start}`}
            draggable={p.highlights.length > 0}
            onDragStart={(e) => {
              // Into a note: a citation of the paragraph's first coded highlight.
              const h = p.highlights[0];
              if (!h) return;
              e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ highlightId: h.id, sourceId: p.sourceId, quote: h.quote }));
              e.dataTransfer.setData('text/plain', p.text);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <button
              type="button"
              className="passage"
              onClick={() => onOpen({ sourceId: p.sourceId, start: p.highlights[0]?.start ?? p.start, end: p.highlights[0]?.end ?? p.end, highlightId: p.highlights[0]?.id ?? null })}
              title={msg('analysis.openThisParagraphInThe')}
            >
              <span className="passage-source">
                {p.title}
                {p.date && <span className="passage-date"> · {formatDate(p.date)}</span>}
              </span>
              <PassageText passage={p} tags={tags} />
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}

/** The paragraph with its coded highlights marked (underlined in the tag's colour). */
function PassageText({ passage, tags }: { passage: CooccurrencePassage; tags: Map<string, TagInfo> }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const text = passage.text;
  const marks = passage.highlights
    .map((h) => ({ s: Math.max(0, h.start - passage.start), e: Math.min(text.length, h.end - passage.start), color: tags.get(h.tagIds[0])?.color }))
    .filter((m) => m.e > m.s)
    .sort((x, y) => x.s - y.s);
  marks.forEach((m, i) => {
    if (m.s < at) return;
    parts.push(text.slice(at, m.s));
    parts.push(
      <mark key={i} style={{ '--tag-color': m.color } as React.CSSProperties}>
        {text.slice(m.s, m.e)}
      </mark>,
    );
    at = m.e;
  });
  parts.push(text.slice(at));
  return <span className="passage-text">{parts}</span>;
}
