import { msg } from '../i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Check, Pencil, RefreshCw, X } from 'lucide-react';
import type { Highlight, Tag } from '../../core/model';
import type { StatementSuggestion } from '../../core/statements/api';
import { formatDateSaid } from '../../core/statements/dates';
import { MODE_LABEL, type Statement } from '../../core/statements/model';
import type { AcceptedStatementSuggestion } from '../../core/statements/schemas';
import { call } from '../api';
import { scrollToRange } from '../tags/reader-bridge';
import { StatementDialog } from './StatementDialog';

interface Props {
  sourceId: string | null;
  active: boolean;
  highlights: Highlight[];
  speakers: Tag[];
  focusRequest: number;
  /** After accepting: the new highlights and tags (the reader and codebook follow). */
  onAccepted(result: { highlights: Highlight[]; createdIds: string[]; tags: Tag[] }): void;
  report(err: unknown): void;
}

type Accept = AcceptedStatementSuggestion;

const toInput = (s: StatementSuggestion, over?: Partial<Accept>): Accept => ({
  key: s.key,
  start: s.start,
  end: s.end,
  speakerName: s.speakerName,
  speakerKind: s.speakerKind,
  ...(s.speakerTagId ? { speakerTagId: s.speakerTagId } : {}),
  dateSaid: s.dateSaid,
  mode: s.mode,
  occasion: s.occasion,
  ...over,
});

/**
 * Statement suggestions for the open source (issue 17), found offline: quotes and reported speech with speaker, date
 * and mode. Like entity suggestions: A accepts the one in focus, R rejects it (remembered for this source), E edits
 * it first (speaker, date, occasion, mode), arrows move.
 */
export function StatementSuggestionsPanel({ sourceId, active, highlights, speakers, focusRequest, onAccepted, report }: Props) {
  const [list, setList] = useState<StatementSuggestion[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [editing, setEditing] = useState<StatementSuggestion | null>(null);
  const root = useRef<HTMLUListElement>(null);
  const ticket = useRef(0);

  const load = useCallback(async () => {
    if (!sourceId) return;
    const mine = ++ticket.current;
    setLoading(true);
    try {
      const r = await call('suggestStatements', { sourceId });
      if (mine === ticket.current) setList(r.suggestions);
    } catch (err) {
      report(err);
    } finally {
      if (mine === ticket.current) setLoading(false);
    }
  }, [sourceId, report]);

  useEffect(() => {
    setList(null);
    setFocusKey(null);
  }, [sourceId]);
  useEffect(() => {
    if (!active || !sourceId) return;
    const t = setTimeout(() => void load(), 100);
    return () => clearTimeout(t);
  }, [active, sourceId, load, highlights]);
  useEffect(() => {
    if (focusRequest > 0) requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[data-key]')?.focus());
  }, [focusRequest, list]);

  const focusRow = (key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  };
  const after = (s: StatementSuggestion) => {
    const items = list ?? [];
    const i = items.indexOf(s);
    const rest = items.filter((x) => x !== s);
    setList(rest);
    focusRow(rest[Math.min(i, rest.length - 1)]?.key);
  };

  const accept = async (s: StatementSuggestion, over?: Partial<Accept>) => {
    if (!sourceId) return;
    try {
      const r = await call('acceptStatementSuggestions', { sourceId, suggestions: [toInput(s, over)] });
      after(s);
      onAccepted(r);
    } catch (err) {
      report(err);
    }
  };
  const reject = async (s: StatementSuggestion) => {
    if (!sourceId) return;
    try {
      await call('rejectStatementSuggestion', { sourceId, key: s.key, rejected: true });
      after(s);
    } catch (err) {
      report(err);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const key = (e.target as HTMLElement).dataset.key;
    const items = list ?? [];
    const s = items.find((x) => x.key === key);
    if (!s || e.ctrlKey || e.metaKey || e.altKey) return;
    const i = items.indexOf(s);
    let handled = true;
    if (e.key === 'ArrowDown') focusRow(items[Math.min(items.length - 1, i + 1)]?.key);
    else if (e.key === 'ArrowUp') focusRow(items[Math.max(0, i - 1)]?.key);
    else if (e.key === 'Enter') scrollToRange(s.start, s.end);
    else if (e.key.toLowerCase() === 'a') void accept(s);
    else if (e.key.toLowerCase() === 'r') void reject(s);
    else if (e.key.toLowerCase() === 'e') setEditing(s);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const items = list ?? [];
  const tabKey = items.find((x) => x.key === focusKey)?.key ?? items[0]?.key;
  return (
    <section className="pane suggestions statement-suggestions" aria-label={msg('statements.statementSuggestions')}>
      <header className="pane-header suggestions-header">
        <p className="suggestions-summary" role="status" aria-live="polite">
          {!sourceId ? msg('statements.noSourceIsOpen') : loading && !list ? msg('statements.findingWhoSaidWhat') : msg('statements.suggestedStatement', { itemCount: items.length })}
        </p>
        <button type="button" className="icon-button refresh" aria-label={msg('statements.refreshStatementSuggestions')} title={msg('statements.refreshStatementSuggestions')} disabled={!sourceId || loading} onClick={() => void load()}>
          <RefreshCw size={14} aria-hidden="true" />
        </button>
      </header>
      <ul className="suggestion-list suggestion-mentions" ref={root} onKeyDown={onKeyDown} aria-label={msg('statements.suggestedStatements')}>
        {list && items.length === 0 && !loading && <li className="empty-hint">{msg('statements.nothingLeftToSuggestEvery')}</li>}
        {items.map((s) => (
          <li
            key={s.key}
            data-key={s.key}
            tabIndex={s.key === tabKey ? 0 : -1}
            className={`suggestion-row${s.key === focusKey ? ' focused' : ''}`}
            aria-label={`${s.speakerName}, ${formatDateSaid(s.dateSaid)}: ${s.text}`}
            onFocus={() => {
              setFocusKey(s.key);
              scrollToRange(s.start, s.end);
            }}
            onClick={() => focusRow(s.key)}
          >
            <span className="suggestion-context">
              <span className="statement-meta">
                <strong>{s.speakerName}</strong>
                {s.speakerTagId ? '' : msg('statements.newTag2')} · {formatDateSaid(s.dateSaid)} · {MODE_LABEL[s.mode]}
                {s.occasion ? ` · ${s.occasion}` : ''}
              </span>
              {s.text.length > 220 ? `${s.text.slice(0, 220)}…` : s.text}
            </span>
            <span className="suggestion-actions">
              <button type="button" className="accept" tabIndex={-1} aria-label={msg('statements.acceptStatementBy', { speakerName: s.speakerName })} title={msg('statements.acceptMarkItAStatement')} onClick={(e) => (e.stopPropagation(), void accept(s))}>
                <Check size={14} aria-hidden="true" /> <kbd>A</kbd>
              </button>
              <button type="button" tabIndex={-1} aria-label={msg('statements.editStatementBy', { speakerName: s.speakerName })} title={msg('statements.editSpeakerDateOccasionMode')} onClick={(e) => (e.stopPropagation(), setEditing(s))}>
                <Pencil size={14} aria-hidden="true" /> <kbd>E</kbd>
              </button>
              <button type="button" className="reject" tabIndex={-1} aria-label={msg('statements.rejectStatementBy', { speakerName: s.speakerName })} title={msg('statements.rejectNotAStatementR')} onClick={(e) => (e.stopPropagation(), void reject(s))}>
                <X size={14} aria-hidden="true" /> <kbd>R</kbd>
              </button>
            </span>
          </li>
        ))}
      </ul>
      <footer className="codebook-footer">
        <span className="keys-hint">
          <kbd>↑</kbd><kbd>↓</kbd>{' '}{msg('statements.statement2')}{' '}<kbd>A</kbd>{' '}{msg('statements.accept')}{' '}<kbd>E</kbd>{' '}{msg('statements.edit')}{' '}<kbd>R</kbd>{' '}{msg('statements.reject')}
        </span>
      </footer>
      {editing && (
        <StatementDialog
          quote={editing.text}
          speakers={speakers}
          initial={{ speakerTagId: editing.speakerTagId ?? null, dateSaid: editing.dateSaid, occasion: editing.occasion, mode: editing.mode }}
          proposedSpeaker={editing.speakerTagId ? undefined : editing.speakerName}
          onClose={() => setEditing(null)}
          onSave={(st: Statement, newSpeaker?: string) => {
            const s = editing;
            setEditing(null);
            const tag = st.speakerTagId ? speakers.find((t) => t.id === st.speakerTagId) : undefined;
            void accept(s, {
              ...(tag ? { speakerTagId: tag.id, speakerName: tag.name, speakerKind: tag.kind === 'organisation' ? 'organisation' : 'person' } : { speakerName: newSpeaker ?? s.speakerName }),
              ...(st.speakerTagId ? {} : { speakerTagId: undefined }),
              dateSaid: st.dateSaid,
              occasion: st.occasion,
              mode: st.mode,
            });
          }}
        />
      )}
    </section>
  );
}
