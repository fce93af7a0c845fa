import { counted, msg } from '../i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Check, RefreshCw, X } from 'lucide-react';
import type { Highlight } from '../../core/model';
import type { SuggestResult } from '../../core/tags/api';
import type { Suggestion, SuggestionGroup } from '../../core/suggest/entities';
import { defaultParentId, tagPath } from '../../core/tags/default-codebook';
import { snippet } from '../../core/tags/query';
import { call } from '../api';
import type { HighlightPainter } from '../reader/painter';
import { KIND_LABEL, KindIcon } from './kinds';
import { scrollToRange, setPendingFocus } from './reader-bridge';
import { painted, whenReader } from '../reader/active-reader';
import type { TagsApi } from './use-tags';

interface Props {
  api: TagsApi;
  sourceId: string | null;
  text: string | null;
  /** The tab is showing: suggestions are computed and drawn only then. */
  active: boolean;
  highlights: Highlight[];
  getPainter(): HighlightPainter | null | undefined;
  /** Changes when the analyst asks for the list (Ctrl+6): focus lands on a mention as soon as there is one. */
  focusRequest?: number;
}

/** What acceptSuggestions takes from a suggestion (the contract is strict). */
const toInput = (s: Suggestion) => ({
  start: s.start,
  end: s.end,
  text: s.text,
  kind: s.kind,
  proposedName: s.proposedName,
  ...(s.tagId !== undefined ? { tagId: s.tagId } : {}),
  ...(s.aliases ? { aliases: s.aliases } : {}),
});

/**
 * Entity suggestions for the open source: people, organisations, places and groups it mentions but has not tagged,
 * grouped by entity, drawn in the reader as dashed marks while this tab shows. A / R accept or reject the mention in
 * focus, Shift+A / Shift+R the whole entity; rejections are remembered for this source.
 */
/** A group's identity while the analyst works through it: its entityKey changes once its tag exists. */
const groupKey = (g: Pick<SuggestionGroup, 'kind' | 'proposedName'>) => `${g.kind}:${g.proposedName.toLocaleLowerCase()}`;

export function SuggestionsPanel({ api, sourceId, text, active, highlights, getPainter, focusRequest = 0 }: Props) {
  const [result, setResult] = useState<SuggestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  /** Mentions accepted or rejected a moment ago: hidden at once, before the backend's new list arrives. */
  const [gone, setGone] = useState<Set<string>>(new Set());
  const list = useRef<HTMLDivElement>(null);
  const ticket = useRef(0);
  /** Groups keep the place they were first shown in, so nothing moves under the cursor as mentions are accepted. */
  const order = useRef(new Map<string, number>());
  /** The list had the keyboard focus: after a refresh it gets it back (never left on the page). */
  const hadFocus = useRef(false);
  const wantFocus = useRef(false);

  const load = useCallback(async () => {
    if (!sourceId) return;
    const mine = ++ticket.current;
    setLoading(true);
    try {
      const r = await call('suggestEntities', { sourceId });
      if (mine !== ticket.current) return;
      setResult(r);
      setGone(new Set());
      setError(null);
    } catch (err) {
      if (mine === ticket.current) setError((err as Error).message);
    } finally {
      if (mine === ticket.current) setLoading(false);
    }
  }, [sourceId]);

  // A new source starts empty.
  useEffect(() => {
    setResult(null);
    setFocusKey(null);
    order.current = new Map();
  }, [sourceId]);

  // Computed in the backend: after the tab opens, and again when highlights or tags change.
  useEffect(() => {
    if (!active || !sourceId) return;
    const timer = setTimeout(() => void load(), 120);
    return () => clearTimeout(timer);
  }, [active, sourceId, load, highlights, api.version, api.tags]);

  const groups = useMemo<SuggestionGroup[]>(() => {
    if (!result || result.sourceId !== sourceId) return [];
    const seen = order.current;
    for (const g of result.groups) if (!seen.has(groupKey(g))) seen.set(groupKey(g), seen.size);
    return result.groups
      .map((g) => ({ ...g, mentions: g.mentions.filter((m) => !gone.has(m.key)) }))
      .filter((g) => g.mentions.length > 0)
      .sort((a, b) => (seen.get(groupKey(a)) ?? 0) - (seen.get(groupKey(b)) ?? 0));
  }, [result, sourceId, gone]);
  const mentions = useMemo(() => groups.flatMap((g) => g.mentions), [groups]);

  // Dashed marks in the reader while the tab shows (the painter may still be on its way after a source opens).
  useEffect(() => {
    if (!active) return;
    let live = true;
    void whenReader(painted()).then((reader) => {
      if (live) reader?.painter()?.setPending(mentions);
    });
    return () => {
      live = false;
      getPainter()?.setPending([]);
    };
  }, [active, mentions, getPainter]);

  // A press anywhere else means the analyst moved on: the list no longer takes the focus back.
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node)) hadFocus.current = false;
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);

  // Ctrl+6: the list, not the Refresh button; when the mentions are still being found, as soon as they come.
  useEffect(() => {
    if (focusRequest > 0) wantFocus.current = true;
  }, [focusRequest]);
  useEffect(() => {
    const root = list.current;
    if (!root) return;
    const inList = root.contains(document.activeElement);
    if (!wantFocus.current && (inList || !hadFocus.current || (document.activeElement && document.activeElement !== document.body))) return;
    if (wantFocus.current && mentions.length === 0 && (loading || !result)) return;
    wantFocus.current = false;
    const target = mentions.find((m) => m.key === focusKey) ?? mentions[0];
    const row = target ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(target.key)}"]`) : null;
    (row ?? root).focus();
  });

  const focused = mentions.find((m) => m.key === focusKey) ?? null;
  useEffect(() => {
    setPendingFocus(active && focused ? focused : null);
    return () => setPendingFocus(null);
  }, [active, focused]);

  const focusRow = (key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  };

  /** After a mention leaves the list, focus the one that takes its place. */
  const focusAfter = (removed: Set<string>) => {
    if (!focusKey || !removed.has(focusKey)) return;
    const i = mentions.findIndex((m) => m.key === focusKey);
    const rest = mentions.filter((m) => !removed.has(m.key));
    focusRow(rest[Math.min(i, rest.length - 1)]?.key);
  };

  const accept = async (ms: Suggestion[]) => {
    if (!sourceId || ms.length === 0) return;
    const keys = new Set(ms.map((m) => m.key));
    setGone((g) => new Set([...g, ...keys]));
    focusAfter(keys);
    const ok = await api.acceptSuggestions(sourceId, ms.map(toInput));
    if (!ok) setGone((g) => new Set([...g].filter((k) => !keys.has(k))));
  };

  const reject = async (m: Suggestion | null, group: SuggestionGroup | null) => {
    if (!sourceId) return;
    const keys = new Set(group ? group.mentions.map((x) => x.key) : m ? [m.key] : []);
    setGone((g) => new Set([...g, ...keys]));
    focusAfter(keys);
    await api.reject(sourceId, group ? { entityKey: group.entityKey } : { key: (m as Suggestion).key });
  };

  const groupOf = (m: Suggestion) => groups.find((g) => g.entityKey === m.entityKey) ?? null;

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const key = target.dataset.key;
    if (!key) return;
    const m = mentions.find((x) => x.key === key);
    if (!m) return;
    const i = mentions.indexOf(m);
    let handled = true;
    if (e.key === 'ArrowDown') focusRow(mentions[Math.min(mentions.length - 1, i + 1)]?.key);
    else if (e.key === 'ArrowUp') focusRow(mentions[Math.max(0, i - 1)]?.key);
    else if (e.key === 'Home') focusRow(mentions[0]?.key);
    else if (e.key === 'End') focusRow(mentions[mentions.length - 1]?.key);
    else if (e.key === 'Enter') scrollToRange(m.start, m.end);
    else if ((e.key === 'a' || e.key === 'A') && !e.ctrlKey && !e.metaKey) void accept(e.shiftKey ? (groupOf(m)?.mentions ?? [m]) : [m]);
    else if ((e.key === 'r' || e.key === 'R') && !e.ctrlKey && !e.metaKey) void reject(e.shiftKey ? null : m, e.shiftKey ? groupOf(m) : null);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const where = (g: SuggestionGroup) => {
    if (g.tagId) {
      const path = tagPath(api.tags, g.tagId);
      return path.length > 1 ? `tag ${path.join(' › ')}` : msg('tags.existingTag');
    }
    const parent = defaultParentId(api.tags, g.kind);
    return `new ${KIND_LABEL[g.kind].toLowerCase()}${parent ? ` in ${api.tagsById.get(parent)?.name ?? ''}` : ''}`;
  };

  const tabIndexKey = focused?.key ?? mentions[0]?.key;

  return (
    <section className="pane suggestions" aria-label={msg('tags.entitySuggestions')}>
      <header className="pane-header suggestions-header">
        <p className="suggestions-summary" role="status" aria-live="polite">
          {!sourceId
            ? msg('tags.noSourceIsOpen')
            : loading && !result
              ? msg('tags.findingPeopleOrganisationsAndPlaces')
              : msg('tags.untaggedMentionOfEntit', { mentionCount: mentions.length, groupCount: groups.length })}
        </p>
        <button type="button" className="icon-button refresh" aria-label={msg('tags.refreshSuggestions')} title={msg('tags.refreshSuggestions')} disabled={!sourceId || loading} onClick={() => void load()}>
          <RefreshCw size={14} aria-hidden="true" />
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div
        className="suggestion-list"
        ref={list}
        onKeyDown={onKeyDown}
        role="list"
        aria-label={msg('tags.suggestedEntities')}
        tabIndex={-1}
        onFocus={() => (hadFocus.current = true)}
        onBlur={(e) => {
          // Focus that moves elsewhere on purpose (a click, Tab) ends the claim; a row removed under it does not.
          if (e.relatedTarget) hadFocus.current = list.current?.contains(e.relatedTarget as Node) ?? false;
        }}
      >
        {result && groups.length === 0 && !loading && (
          <p className="empty-hint">{msg('tags.nothingLeftToSuggestHere')}{result.rejected.keys + result.rejected.entities > 0 ? msg('tags.orRejected') : ''}.</p>
        )}
        {groups.map((g) => (
          <section key={groupKey(g)} className="suggestion-group" role="listitem" aria-label={msg('tags.mention', { proposedName: g.proposedName, toLowerCase: KIND_LABEL[g.kind].toLowerCase(), mentionCount: g.mentions.length })}>
            <header className="suggestion-group-header">
              <KindIcon kind={g.kind} />
              <span className="suggestion-name">{g.proposedName}</span>
              <span className="suggestion-where">{where(g)}</span>
              <span className="count" aria-label={counted('mention', g.mentions.length)}>
                {g.mentions.length}
              </span>
              <span className="suggestion-group-actions">
                <button type="button" onClick={() => void accept(g.mentions)} title={msg('tags.tagEveryMentionOfShift', { proposedName: g.proposedName })}>
                  
                  {msg('tags.acceptAll')}
                </button>
                <button type="button" onClick={() => void reject(null, g)} title={msg('tags.neverSuggestInThisSource', { proposedName: g.proposedName })}>
                  
                  {msg('tags.rejectAll')}
                </button>
              </span>
            </header>
            <ul className="suggestion-mentions">
              {g.mentions.map((m) => {
                const ctx = text ? snippet(text, { start: m.start, end: m.end, quote: { exact: m.text, prefix: '', suffix: '' }, orphan: false }, 48) : null;
                return (
                  <li
                    key={m.key}
                    data-key={m.key}
                    tabIndex={m.key === tabIndexKey ? 0 : -1}
                    className={`suggestion-row${m.key === focusKey ? ' focused' : ''}`}
                    aria-label={`${m.text}: ${ctx ? `${ctx.before} ${m.text} ${ctx.after}` : ''}`}
                    onFocus={() => {
                      if (focusKey !== m.key) setFocusKey(m.key);
                      scrollToRange(m.start, m.end);
                    }}
                    onClick={() => focusRow(m.key)}
                  >
                    <span className="suggestion-context">
                      {ctx?.beforeCut && '…'}
                      {ctx?.before}
                      <mark>{m.text}</mark>
                      {ctx?.after}
                      {ctx?.afterCut && '…'}
                    </span>
                    <span className="suggestion-actions">
                      <button
                        type="button"
                        className="accept"
                        tabIndex={-1}
                        aria-label={msg('tags.accept', { text: m.text })}
                        title={msg('tags.acceptHighlightAndTagIt')}
                        onClick={(e) => {
                          e.stopPropagation();
                          void accept([m]);
                        }}
                      >
                        <Check size={14} aria-hidden="true" /> <kbd>A</kbd>
                      </button>
                      <button
                        type="button"
                        className="reject"
                        tabIndex={-1}
                        aria-label={msg('tags.reject', { text: m.text })}
                        title={msg('tags.rejectNotAnEntityHere')}
                        onClick={(e) => {
                          e.stopPropagation();
                          void reject(m, null);
                        }}
                      >
                        <X size={14} aria-hidden="true" /> <kbd>R</kbd>
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <footer className="codebook-footer">
        <span className="keys-hint">
          <kbd>↑</kbd><kbd>↓</kbd>{' '}{msg('tags.mention2')}{' '}<kbd>A</kbd>{' '}{msg('tags.accept2')}{' '}<kbd>R</kbd>{' '}{msg('tags.reject2')}{' '}<kbd>{msg('tags.shift')}</kbd>+<kbd>A</kbd>/<kbd>R</kbd>{' '}{msg('tags.wholeEntity')}
        </span>
      </footer>
    </section>
  );
}
