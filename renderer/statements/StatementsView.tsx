import { counted, currentLocale, msg } from '../i18n';
import { Byline } from '../byline';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowLeft } from 'lucide-react';
import type { NoteDoc, SourceSummary, Tag } from '../../core/model';
import type { StatementGroupSummary, StatementsList } from '../../core/statements/api';
import { attributionLabel } from '../../core/statements/citation';
import { formatDateSaid } from '../../core/statements/dates';
import { CREDIBILITY_MEANING, RELIABILITY_GRADES, RELIABILITY_MEANING, gradeLabel } from '../../core/statements/grading';
import { MODE_LABEL, type StatementRow } from '../../core/statements/model';
import { weakSentences, type WeakSentence } from '../../core/statements/note-check';
import { wordingDiff } from '../../core/statements/wording-diff';
import { call } from '../api';
import { HIGHLIGHT_DRAG_TYPE } from '../editor/citations';
import { useCollections } from '../sources/use-collections';
import type { SourceCollection } from '../../core/model';
import '../styles/statements.css';

interface Props {
  tags: Tag[];
  sources: SourceSummary[];
  /** Bumps when statements change elsewhere: the list is read again. */
  version: number;
  openSourceId: string | null;
  onOpen(row: StatementRow): void;
  onClose(): void;
  report(err: unknown): void;
  /** For test data and the benchmark: a list given instead of the backend's. */
  initialList?: StatementsList;
}

export interface StatementFilters {
  speaker: string;
  theme: string;
  outlet: string;
  grade: string;
  /** A source collection's id: only statements from its sources. */
  collection: string;
  from: string;
  to: string;
  text: string;
}

const NO_FILTERS: StatementFilters = { speaker: '', theme: '', outlet: '', grade: '', collection: '', from: '', to: '', text: '' };
const ROW_HEIGHT = 52;

/** Rows that pass the filters (dates compare as ISO prefixes, so "2021-08" passes from 2021-08-01). */
export function filterStatements(rows: readonly StatementRow[], f: StatementFilters, collections: readonly SourceCollection[] = []): StatementRow[] {
  const text = f.text.trim().toLowerCase();
  // A collection that is gone (deleted meanwhile) passes nothing rather than everything.
  const inCollection = f.collection ? new Set(collections.find((c) => c.id === f.collection)?.sourceIds ?? []) : null;
  return rows.filter((r) => {
    if (inCollection && !inCollection.has(r.sourceId)) return false;
    if (f.speaker && (r.statement.speakerTagId ?? '') !== f.speaker) return false;
    if (f.theme && !r.tagIds.includes(f.theme)) return false;
    if (f.outlet && r.outlet !== f.outlet) return false;
    if (f.grade === 'ungraded' ? r.reliability || r.credibility : f.grade && r.reliability !== f.grade) return false;
    const date = r.statement.dateSaid || r.sourceDate;
    if (f.from && date && date.slice(0, 10) < f.from.slice(0, date.length)) return false;
    if (f.to && date && date.slice(0, f.to.length) > f.to) return false;
    if (text && !r.quote.toLowerCase().includes(text)) return false;
    return true;
  });
}

/**
 * The statements view (issue 17): every statement as a table (virtualised: 100,000 rows scroll) and a timeline, by
 * speaker, theme and outlet, with filters (speaker, theme, outlet, source grade, collection, dates, words); a row
 * opens its passage (Enter, click) or drags into a note as a citation.
 * The selected statement's group shows each wording side by side with the differences marked, with merge and split.
 * The note check lists note sentences supported only by E/F or ungraded passages.
 */
export function StatementsView({ tags, sources, version, openSourceId, onOpen, onClose, report, initialList }: Props) {
  const [list, setList] = useState<StatementsList | null>(initialList ?? null);
  const [filters, setFilters] = useState<StatementFilters>(NO_FILTERS);
  const [tab, setTab] = useState<'table' | 'timeline' | 'check'>('table');
  const [selected, setSelected] = useState<string | null>(null);
  const [marked, setMarked] = useState<Set<string>>(new Set());
  const [related, setRelated] = useState<Array<{ sourceId: string; highlightId: string; score: number }>>([]);
  const [reload, setReload] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    if (initialList) return;
    let live = true;
    call('listStatements')
      .then((l) => live && setList(l))
      .catch(report);
    return () => {
      live = false;
    };
  }, [version, reload, report, initialList]);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('.statement-row, .statements-filters select')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list === null]);

  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const { collections } = useCollections(list);
  const rows = useMemo(() => (list ? filterStatements(list.rows, filters, collections) : []), [list, filters, collections]);
  const keyOf = (r: { sourceId: string; highlightId: string }) => `${r.sourceId}/${r.highlightId}`;
  const byKey = useMemo(() => new Map((list?.rows ?? []).map((r) => [keyOf(r), r])), [list]);
  const groupsById = useMemo(() => new Map((list?.groups ?? []).map((g) => [g.id, g])), [list]);
  const speakers = useMemo(() => {
    const ids = new Set((list?.rows ?? []).map((r) => r.statement.speakerTagId).filter((x): x is string => Boolean(x)));
    return [...ids].map((id) => tagsById.get(id)).filter((t): t is Tag => Boolean(t)).sort((a, b) => a.name.localeCompare(b.name));
  }, [list, tagsById]);
  const themes = useMemo(() => tags.filter((t) => t.kind === 'theme' && t.parentId !== null), [tags]);
  const outlets = useMemo(() => [...new Set((list?.rows ?? []).map((r) => r.outlet))].sort(), [list]);

  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  const current = selected ? byKey.get(selected) : undefined;
  const group: StatementGroupSummary | undefined = current ? groupsById.get(current.groupId) : undefined;

  useEffect(() => {
    if (!current || initialList) return setRelated([]);
    let live = true;
    call('relatedStatements', { sourceId: current.sourceId, highlightId: current.highlightId })
      .then((r) => live && setRelated(r.related))
      .catch(() => live && setRelated([]));
    return () => {
      live = false;
    };
  }, [current, initialList]);

  const change = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setMarked(new Set());
      setReload((n) => n + 1);
    } catch (err) {
      report(err);
    }
  };
  const refs = (keys: Iterable<string>) => [...keys].map((k) => byKey.get(k)).filter((r): r is StatementRow => Boolean(r)).map((r) => ({ sourceId: r.sourceId, highlightId: r.highlightId }));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      return onClose();
    }
    const target = e.target as HTMLElement;
    if (target.classList.contains('statement-row')) {
      const i = Number(target.dataset.index);
      const go = (j: number) => {
        const k = Math.max(0, Math.min(rows.length - 1, j));
        virtual.scrollToIndex(k);
        setSelected(keyOf(rows[k]));
        requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`.statement-row[data-index="${k}"]`)?.focus());
      };
      if (e.key === 'ArrowDown') go(i + 1);
      else if (e.key === 'ArrowUp') go(i - 1);
      else if (e.key === 'PageDown') go(i + 10);
      else if (e.key === 'PageUp') go(i - 10);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(rows.length - 1);
      else if (e.key === 'Enter') onOpen(rows[i]);
      else if (e.key === ' ') {
        const k = keyOf(rows[i]);
        setMarked((m) => {
          const n = new Set(m);
          if (n.has(k)) n.delete(k);
          else n.add(k);
          return n;
        });
      } else return e.key === 'Tab' ? undefined : e.stopPropagation();
      e.preventDefault();
    }
    // Keys here belong to this view, not the reader's single-key shortcuts.
    if (e.key !== 'Tab') e.stopPropagation();
  };

  const set = (k: keyof StatementFilters) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => setFilters((f) => ({ ...f, [k]: e.target.value }));

  return (
    <section className="statements-view" aria-label={msg('statements.statements')} ref={root} onKeyDown={onKeyDown}>
      <header className="statements-header">
        <div className="statements-title">
          <button type="button" className="icon-button" aria-label={msg('statements.closeStatementsEscape')} title={msg('statements.closeEscape')} onClick={onClose}>
            <ArrowLeft size={16} aria-hidden="true" />
          </button>
          <h1>{msg('statements.statements')}</h1>
          <p className="statements-counts" role="status">
            {list ? (
              <>
                <strong>{rows.length.toLocaleString(currentLocale())}</strong>{' '}{msg('statements.ofStatementsClaims', { total: list.rows.length, claims: list.groups.length })}
              </>
            ) : (
              msg('statements.readingStatements')
            )}
          </p>
        </div>
        <div className="statements-filters">
          <FilterChoice label={msg('statements.speaker')} name="speaker" value={filters.speaker} onChange={set('speaker')} options={speakers.map((t) => [t.id, t.name])} />
          <FilterChoice label={msg('statements.theme')} name="theme" value={filters.theme} onChange={set('theme')} options={themes.map((t) => [t.id, t.name])} />
          <FilterChoice label={msg('statements.outlet')} name="outlet" value={filters.outlet} onChange={set('outlet')} options={outlets.map((o) => [o, o])} />
          <FilterChoice
            label={msg('statements.sourceGrade')}
            name="source grade"
            value={filters.grade}
            onChange={set('grade')}
            options={[...RELIABILITY_GRADES.map((g): [string, string] => [g, `${g} — ${RELIABILITY_MEANING[g]}`]), ['ungraded', msg('statements.ungraded')]]}
          />
          {collections.length > 0 && (
            <FilterChoice label={msg('statements.collection')} name="collection" all="All sources" value={filters.collection} onChange={set('collection')} options={collections.map((c) => [c.id, c.name])} />
          )}
          <label>
            
            {msg('statements.from')}
            <input type="date" value={filters.from} onChange={set('from')} aria-label={msg('statements.saidFrom')} />
          </label>
          <label>
            
            {msg('statements.to')}
            <input type="date" value={filters.to} onChange={set('to')} aria-label={msg('statements.saidUntil')} />
          </label>
          <label className="grow">
            
            {msg('statements.words')}
            <input type="search" value={filters.text} onChange={set('text')} aria-label={msg('statements.filterByWords')} placeholder={msg('statements.refugees')} />
          </label>
        </div>
        <div className="tab-list" role="tablist" aria-label={msg('statements.statementsViews')}>
          {(['table', 'timeline', 'check'] as const).map((t) => (
            <button key={t} type="button" role="tab" className="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
              {t === 'table' ? msg('statements.table') : t === 'timeline' ? msg('statements.timeline') : msg('statements.noteCheck')}
            </button>
          ))}
        </div>
      </header>
      {tab === 'table' && (
        <div className="statements-body">
          <div className="statements-table" role="grid" aria-label={msg('statements.statementsTable')} aria-rowcount={rows.length}>
            <div className="statement-head" role="row">
              <span role="columnheader" className="statement-date">{msg('statements.said')}</span>
              <span role="columnheader" className="statement-speaker">{msg('statements.speaker')}</span>
              <span role="columnheader" className="col-text">{msg('statements.statement')}</span>
              <span role="columnheader" className="statement-outlet">{msg('statements.outlet')}</span>
              <span role="columnheader" className="statement-grade">{msg('statements.grade2')}</span>
              <span role="columnheader" className="statement-group">{msg('statements.claim2')}</span>
            </div>
            <div className="statements-scroll" ref={scroller}>
              {list && rows.length === 0 && <p className="empty-hint">{list.rows.length ? msg('statements.noStatementPassesTheseFilters') : msg('statements.noStatementsYetSelectA')}</p>}
              <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
                {virtual.getVirtualItems().map((v) => {
                  const r = rows[v.index];
                  const k = keyOf(r);
                  const grade = gradeLabel(r.reliability, r.credibility);
                  return (
                    <div
                      key={k}
                      role="row"
                      aria-rowindex={v.index + 1}
                      aria-selected={selected === k}
                      data-index={v.index}
                      tabIndex={selected === k || (!selected && v.index === 0) ? 0 : -1}
                      className={`statement-row${selected === k ? ' selected' : ''}${marked.has(k) ? ' marked' : ''}`}
                      style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                      onClick={() => setSelected(k)}
                      onDoubleClick={() => onOpen(r)}
                      draggable
                      onDragStart={(e) => {
                        e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ highlightId: r.highlightId, sourceId: r.sourceId, quote: r.quote }));
                        e.dataTransfer.setData('text/plain', r.quote);
                        e.dataTransfer.effectAllowed = 'copy';
                      }}
                    >
                      <span role="gridcell" className="statement-date">{r.statement.dateSaid ? formatDateSaid(r.statement.dateSaid) : '—'}</span>
                      <span role="gridcell" className="statement-speaker">{r.speakerName || msg('statements.ownClaim', { outlet: r.outlet })}</span>
                      <span role="gridcell" className="statement-text" title={r.quote}>
                        {r.quote}
                      </span>
                      <span role="gridcell" className="statement-outlet">{r.outlet}</span>
                      <span role="gridcell" className="statement-grade" title={grade ? `${r.reliability ? RELIABILITY_MEANING[r.reliability] : msg('statements.sourceNotGraded')}; ${r.credibility ? CREDIBILITY_MEANING[r.credibility] : msg('statements.passageNotGraded')}` : msg('statements.notGraded')}>
                        {grade || '–'}
                      </span>
                      <span role="gridcell" className="statement-group">{r.groupLabel}</span>
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
          <aside className="statement-detail" aria-label={msg('statements.selectedStatement')}>
            {current ? (
              <>
                <p className="statement-attribution">{attributionLabel({ statement: current.statement, speakerName: current.speakerName, speakerKind: current.statement.speakerTagId ? tagsById.get(current.statement.speakerTagId)?.kind : undefined, publisher: current.outlet, reliability: current.reliability, credibility: current.credibility })}</p>
                <p className="muted">
                  {MODE_LABEL[current.statement.mode]}
                  {current.statement.occasion ? ` · ${current.statement.occasion}` : ''} · {current.sourceTitle}
                </p>
                <Byline creator={current.creator} lastEditor={current.lastEditor} at={current.modifiedAt} />
                <div className="statement-actions">
                  <button type="button" onClick={() => onOpen(current)}>
                    
                    {msg('statements.openPassage')}
                  </button>
                  <button type="button" disabled={marked.size < 2} title={msg('statements.markWithSpaceThenMerge')} onClick={() => void change(() => call('mergeStatements', { refs: refs(marked) }))}>
                    {' '}{msg('statements.mergeMarked', { size: marked.size })}{' '}</button>
                  <button type="button" disabled={!group} title={msg('statements.takeThisStatementOutOf')} onClick={() => void change(() => call('splitStatements', { refs: refs([selected!]) }))}>
                    
                    {msg('statements.splitFromClaim')}
                  </button>
                </div>
                {group ? (
                  <Wordings group={group} byKey={byKey} current={current} onOpen={onOpen} />
                ) : (
                  <p className="muted">{msg('statements.reportedOnce')}</p>
                )}
                {related.length > 0 && (
                  <section className="statement-related" aria-label={msg('statements.relatedStatements')}>
                    <h3>{msg('statements.relatedSameSpeaker')}</h3>
                    <ul>
                      {related.map((x) => {
                        const r = byKey.get(keyOf(x));
                        if (!r) return null;
                        return (
                          <li key={keyOf(x)}>
                            <button type="button" className="link-button" onClick={() => onOpen(r)}>
                              {r.outlet}, {formatDateSaid(r.statement.dateSaid)}
                            </button>{' '}
                            <span className="muted">({Math.round(x.score * 100)}{msg('statements.alike')}</span> {r.quote.slice(0, 140)}
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                )}
              </>
            ) : (
              <p className="muted">{msg('statements.selectAStatementToSee')}</p>
            )}
          </aside>
        </div>
      )}
      {tab === 'timeline' && <Timeline rows={rows} onOpen={onOpen} />}
      {tab === 'check' && <NoteCheck openSourceId={openSourceId} sources={sources} report={report} />}
    </section>
  );
}

function Wordings({ group, byKey, current, onOpen }: { group: StatementGroupSummary; byKey: Map<string, StatementRow>; current: StatementRow; onOpen(r: StatementRow): void }) {
  const members = group.members.map((m) => byKey.get(`${m.sourceId}/${m.highlightId}`)).filter((r): r is StatementRow => Boolean(r));
  return (
    <section className="statement-group-panel" aria-label={msg('statements.claim3', { label: group.label })}>
      <h3>
        
        {msg('statements.claim2')}{' '}{group.label}: {members.length}{' '}{msg('statements.reportsIn')}{' '}{counted('outlet', group.outlets)}
        <span className="muted">{' '}{msg('statements.first')}{' '}{formatDateSaid(group.firstReport)}{msg('statements.latest')}{' '}{formatDateSaid(group.latestReport)}{group.manual ? msg('statements.groupedByHand') : ''}</span>
      </h3>
      <div className="wordings">
        {members.map((m) => {
          const diff = wordingDiff(current.quote, m.quote).b;
          return (
            <figure key={`${m.sourceId}/${m.highlightId}`} className={`wording${m === current ? ' current' : ''}`}>
              <figcaption>
                <button type="button" className="link-button" onClick={() => onOpen(m)}>
                  {m.outlet}
                </button>{' '}
                <span className="muted">{formatDateSaid(m.sourceDate || m.statement.dateSaid)}</span>
              </figcaption>
              <blockquote>
                {m === current
                  ? m.quote
                  : diff.map((p, i) =>
                      p.changed ? (
                        <ins key={i} title={msg('statements.wordedDifferentlyFromTheSelected')}>
                          {p.text}
                        </ins>
                      ) : (
                        <span key={i}>{p.text}</span>
                      ),
                    )}
              </blockquote>
            </figure>
          );
        })}
      </div>
    </section>
  );
}

/** Statements per speaker lane and month: a dot's size is how many; click a dot for the first of them. */
function Timeline({ rows, onOpen }: { rows: StatementRow[]; onOpen(r: StatementRow): void }) {
  const { lanes, months, cells } = useMemo(() => {
    const cellMap = new Map<string, StatementRow[]>();
    const laneSet = new Map<string, number>();
    const monthSet = new Set<string>();
    for (const r of rows) {
      const lane = r.speakerName || msg('statements.ownClaim', { outlet: r.outlet });
      const month = (r.statement.dateSaid || r.sourceDate).slice(0, 7);
      if (!month) continue;
      laneSet.set(lane, (laneSet.get(lane) ?? 0) + 1);
      monthSet.add(month);
      const k = `${lane}\u0000${month}`;
      const list = cellMap.get(k);
      if (list) list.push(r);
      else cellMap.set(k, [r]);
    }
    const lanes = [...laneSet.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([l]) => l);
    return { lanes, months: fillMonths([...monthSet].sort()), cells: cellMap };
  }, [rows]);
  if (lanes.length === 0) return <p className="empty-hint">{msg('statements.noDatedStatementPassesThese')}</p>;
  const W = 150 + months.length * 56;
  const H = 40 + lanes.length * 34;
  const max = Math.max(...[...cells.values()].map((c) => c.length));
  return (
    <div className="statements-timeline">
      <svg width={W} height={H} role="img" aria-label={msg('statements.timelineOfStatementsBySpeaker', { value: months[0], value2: months[months.length - 1] })}>
        {months.map((m, i) => (
          <text key={m} x={150 + i * 56 + 28} y={18} textAnchor="middle" className="axis">
            {formatDateSaid(m)}
          </text>
        ))}
        {lanes.map((lane, li) => (
          <g key={lane} transform={`translate(0, ${40 + li * 34})`}>
            <text x={140} y={5} textAnchor="end" className="lane">
              {lane.length > 22 ? `${lane.slice(0, 21)}…` : lane}
            </text>
            <line x1={150} x2={W} y1={0} y2={0} className="lane-line" />
            {months.map((m, i) => {
              const list = cells.get(`${lane}\u0000${m}`);
              if (!list) return null;
              return (
                <circle key={m} cx={150 + i * 56 + 28} cy={0} r={4 + 10 * Math.sqrt(list.length / max)} className="dot" tabIndex={0} role="button" aria-label={msg('statements.statement3', { lane, dateSaid: formatDateSaid(m), listCount: list.length })} onClick={() => onOpen(list[0])} onKeyDown={(e) => e.key === 'Enter' && onOpen(list[0])}>
                  <title>{`${lane}, ${formatDateSaid(m)}: ${list.length}`}</title>
                </circle>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}

function fillMonths(sorted: string[]): string[] {
  if (sorted.length === 0) return [];
  const out: string[] = [];
  let [y, m] = sorted[0].split('-').map(Number);
  const [ey, em] = sorted[sorted.length - 1].split('-').map(Number);
  while ((y < ey || (y === ey && m <= em)) && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Sentences of the project notebook and the open source's notebook whose only support is E/F or ungraded. */
function NoteCheck({ openSourceId, sources, report }: { openSourceId: string | null; sources: SourceSummary[]; report(err: unknown): void }) {
  const [found, setFound] = useState<Array<{ note: string; weak: WeakSentence[] }> | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const notes: Array<{ name: string; doc: NoteDoc }> = [{ name: msg('statements.projectNotebook'), doc: await call('getProjectNote') }];
      if (openSourceId) {
        const s = await call('getSource', { id: openSourceId });
        notes.push({ name: msg('statements.notebookOf', { title: s.meta.title }), doc: s.note });
      }
      const ids = new Set<string>();
      const walk = (n: unknown) => {
        const stack = [n];
        while (stack.length) {
          const x = stack.pop() as { type?: string; attrs?: { highlightId?: string }; content?: unknown[] };
          if (x?.type === 'citation' && x.attrs?.highlightId) ids.add(x.attrs.highlightId);
          if (x?.content) stack.push(...x.content);
        }
      };
      for (const n of notes) walk(n.doc);
      const valid = [...ids].filter((id) => /^h-[0-9a-z-]{4,64}$/i.test(id)).slice(0, 10_000);
      const resolved = valid.length ? await call('resolveHighlights', { ids: valid }) : {};
      const reliabilityOf = new Map(sources.map((s) => [s.id, s.reliability]));
      const out = notes.map((n) => ({
        note: n.name,
        weak: weakSentences(n.doc, (id) => {
          const r = resolved[id];
          return r ? { credibility: r.credibility, reliability: r.reliability ?? reliabilityOf.get(r.sourceId) } : null;
        }),
      }));
      if (live) setFound(out);
    })().catch(report);
    return () => {
      live = false;
    };
  }, [openSourceId, sources, report]);
  if (!found) return <p className="empty-hint">{msg('statements.checkingTheNotes')}</p>;
  const total = found.reduce((n, f) => n + f.weak.length, 0);
  return (
    <div className="note-check" aria-label={msg('statements.noteCheck')}>
      <p role="status">
        {total === 0 ? msg('statements.everyCitedSentenceHasSupport') : msg('statements.sentenceRestOnlyOnE', { total })}
      </p>
      {found
        .filter((f) => f.weak.length)
        .map((f) => (
          <section key={f.note}>
            <h3>{f.note}</h3>
            <ul>
              {f.weak.map((w, i) => (
                <li key={i}>
                  {w.sentence} <span className="grade-chip">{w.support.join(', ')}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

/** One of the view's filters: a labelled select whose first choice is "All" (no filter). */
function FilterChoice(props: { label: string; name: string; value: string; all?: string; options: Array<[string, string]>; onChange(e: React.ChangeEvent<HTMLSelectElement>): void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={props.onChange} aria-label={msg('statements.filterBy', { name: props.name })}>
        <option value="">{props.all ?? msg('statements.all')}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
