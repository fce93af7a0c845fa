import { msg } from '../i18n';
/**
 * Side-by-side reading of an original and its translation (issue 18), paragraph-aligned by core/bilingual/align.ts.
 * Select a passage in either column and press H (or "Highlight selection"): it is highlighted in that source, and the
 * matching paragraph of the other column is offered for highlighting too. Esc closes the view.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BilingualPair } from '../../core/bilingual/api';
import { call } from '../api';

interface Props {
  sourceId: string;
  sources: ReadonlyArray<{ id: string; title: string }>;
  onClose: () => void;
  /** A highlight was made in a source (the reader reloads it when it is the open one). */
  onHighlighted: (sourceId: string) => void;
  onError: (err: unknown) => void;
}

type Side = 'a' | 'b';
interface Picked {
  side: Side;
  row: number;
  start: number;
  end: number;
}

export function BilingualView({ sourceId, sources, onClose, onHighlighted, onError }: Props) {
  const [pair, setPair] = useState<BilingualPair | null | undefined>(undefined);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [offer, setOffer] = useState<{ side: Side; row: number; title: string } | null>(null);
  const [status, setStatus] = useState('');
  const [choice, setChoice] = useState('');
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    call('bilingualPair', { sourceId }).then(setPair, onError);
  }, [sourceId, onError]);
  useEffect(load, [load]);
  const loaded = pair !== undefined;
  useEffect(() => {
    if (loaded) root.current?.focus();
  }, [loaded]);

  const others = useMemo(() => sources.filter((s) => s.id !== sourceId), [sources, sourceId]);

  const link = async (otherId: string | null) => {
    try {
      await call('linkTranslation', { sourceId, otherId });
      setStatus(otherId ? msg('bilingual.linkedTheTwoSourcesAre') : msg('bilingual.unlinked'));
      setOffer(null);
      setPicked(null);
      load();
    } catch (err) {
      onError(err);
    }
  };

  /** The selection, when it lies inside one paragraph of one column. */
  const readSelection = (): Picked | null => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const para = (n: Node | null) => (n instanceof Element ? n : n?.parentElement)?.closest<HTMLElement>('[data-para-start]') ?? null;
    const p = para(range.startContainer);
    if (!p || p !== para(range.endContainer) || !root.current?.contains(p)) return null;
    const base = Number(p.dataset.paraStart);
    const pre = document.createRange();
    pre.selectNodeContents(p);
    pre.setEnd(range.startContainer, range.startOffset);
    const start = base + pre.toString().length;
    const end = start + range.toString().length;
    return end > start ? { side: p.dataset.side as Side, row: Number(p.dataset.row), start, end } : null;
  };

  const highlight = async (side: Side, start: number, end: number) => {
    if (!pair) return;
    const target = pair[side];
    await call('createHighlight', { sourceId: target.id, start, end });
    onHighlighted(target.id);
  };

  const highlightSelection = async () => {
    const p = readSelection() ?? picked;
    if (!pair || !p) {
      setStatus(msg('bilingual.selectAPassageInOne'));
      return;
    }
    try {
      await highlight(p.side, p.start, p.end);
      const other: Side = p.side === 'a' ? 'b' : 'a';
      const hasMatch = pair.rows[p.row][other].length > 0;
      setStatus(msg('bilingual.highlightedIn', { title: pair[p.side].title }));
      setOffer(hasMatch ? { side: other, row: p.row, title: pair[other].title } : null);
      window.getSelection()?.removeAllRanges();
    } catch (err) {
      onError(err);
    }
  };

  const highlightMatch = async () => {
    if (!pair || !offer) return;
    const paras = pair.rows[offer.row][offer.side].map((i) => pair[offer.side].paragraphs[i]);
    try {
      await highlight(offer.side, paras[0].start, paras[paras.length - 1].end);
      setStatus(msg('bilingual.theMatchingParagraphIsHighlighted', { title: offer.title }));
      setOffer(null);
      // The offer's button is gone: the view keeps the focus (Esc, H).
      root.current?.focus();
    } catch (err) {
      onError(err);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if ((e.key === 'h' || e.key === 'H') && !e.ctrlKey && !e.metaKey && !e.altKey && !(e.target instanceof HTMLSelectElement)) {
      e.preventDefault();
      e.stopPropagation();
      void highlightSelection();
    }
  };

  const track = () => {
    const p = readSelection();
    if (p) setPicked(p);
  };

  if (pair === undefined) return <div className="bilingual" role="status">{msg('bilingual.opening')}</div>;

  return (
    <div className="bilingual" ref={root} tabIndex={-1} role="region" aria-label={msg('bilingual.sideBySideReading')} onKeyDown={onKeyDown} onMouseUp={track} onKeyUp={track}>
      <div className="bilingual-bar">
        <h2 className="bilingual-heading">{msg('bilingual.sideBySide')}</h2>
        {pair && (
          <>
            <button type="button" onClick={() => void highlightSelection()} title={msg('bilingual.highlightThePassageSelectedIn')}>
              
              {msg('bilingual.highlightSelection')}
            </button>
            <button type="button" className="link-button" onClick={() => void link(null)}>
              
              {msg('bilingual.unlink')}
            </button>
          </>
        )}
        <button type="button" className="bilingual-close" onClick={onClose} title={msg('bilingual.backToTheReaderEsc')}>
          
          {msg('bilingual.close')}
        </button>
      </div>
      <p className="bilingual-status" role="status" aria-live="polite">
        {status}
        {offer && (
          <>
            {' '}
            <button type="button" className="bilingual-offer" onClick={() => void highlightMatch()}>
              {' '}{msg('bilingual.highlightTheMatchingParagraphIn', { title: offer.title })}{' '}</button>
          </>
        )}
      </p>
      {pair === null ? (
        <form
          className="bilingual-link"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) void link(choice);
          }}
        >
          <p>{msg('bilingual.thisSourceHasNoTranslation')}</p>
          <label>
            
            {msg('bilingual.translation')}{' '}
            <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label={msg('bilingual.translation')}>
              <option value="">{msg('bilingual.chooseASource')}</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" disabled={!choice}>
            
            {msg('bilingual.linkTranslation')}
          </button>
        </form>
      ) : (
        <div className="bilingual-grid" role="table" aria-label={msg('bilingual.andParagraphByParagraph', { title: pair.a.title, title2: pair.b.title })}>
          <div className="bilingual-row bilingual-head" role="row">
            <div role="columnheader" lang={pair.a.language}>
              {pair.a.title}
            </div>
            <div role="columnheader" lang={pair.b.language}>
              {pair.b.title}
            </div>
          </div>
          {pair.rows.map((row, r) => (
            <div key={r} className={`bilingual-row${picked?.row === r || offer?.row === r ? ' is-current' : ''}`} role="row">
              {(['a', 'b'] as const).map((side) => (
                <div key={side} role="cell" lang={pair[side].language} className={offer?.row === r && offer.side === side ? 'is-match' : undefined}>
                  {row[side].map((i) => {
                    const p = pair[side].paragraphs[i];
                    return (
                      <p key={i} data-side={side} data-row={r} data-para-start={p.start}>
                        {pair[side].text.slice(p.start, p.end)}
                      </p>
                    );
                  })}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
