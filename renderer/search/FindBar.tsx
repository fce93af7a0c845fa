import { msg } from '../i18n';
import { useEffect, useRef } from 'react';
import { ChevronDown, ChevronUp, Highlighter, X } from 'lucide-react';
import { formatAccelerator } from '../../core/commands';
import { isMac } from '../api';
import type { FindState } from './use-find';

interface Props {
  find: FindState;
  /** Bumps when Ctrl/Cmd+F is pressed again: focus and select the field. */
  focusKey: number;
  onHighlight(range: { start: number; end: number }): void;
}

const key = (a: string) => formatAccelerator(a, isMac);

/** The in-article find bar, over the top right of the reader. */
export function FindBar({ find, focusKey, onHighlight }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusKey]);

  const close = () => {
    find.setOpen(false);
    document.getElementById('reader')?.focus();
  };

  const count = find.query.trim() ? (find.matches.length ? `${find.current + 1} of ${find.matches.length}` : msg('search.noMatches')) : '';
  return (
    <div className="find-bar" role="search" aria-label={msg('search.findInArticle')}>
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label={msg('search.findInArticle')}
        placeholder={msg('search.findInArticle')}
        value={find.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.altKey) {
              if (find.match) onHighlight(find.match);
            } else if (e.shiftKey) find.previous();
            else find.next();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <output className={`find-count${find.query.trim() && !find.matches.length ? ' none' : ''}`} aria-live="polite">
        {count}
      </output>
      <button type="button" className="icon-only" aria-label={msg('search.previousMatch')} title={msg('search.previousMatchShiftEnter', { key: key('Shift+F3') })} disabled={!find.matches.length} onClick={find.previous}>
        <ChevronUp size={16} aria-hidden="true" />
      </button>
      <button type="button" className="icon-only" aria-label={msg('search.nextMatch')} title={msg('search.nextMatchEnter', { key: key('F3') })} disabled={!find.matches.length} onClick={find.next}>
        <ChevronDown size={16} aria-hidden="true" />
      </button>
      <button type="button" className="find-highlight" disabled={!find.match} onClick={() => find.match && onHighlight(find.match)} title={msg('search.highlightThisMatchAltEnter')}>
        <Highlighter size={14} aria-hidden="true" />{' '}{msg('search.highlightThisMatch')}
      </button>
      <button type="button" className="icon-only" aria-label={msg('search.closeFind')} title={msg('search.closeEsc')} onClick={close}>
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
