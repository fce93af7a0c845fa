import type { SourceSummary } from '../../core/model';
import { formatDate } from '../format';

interface Props {
  sources: SourceSummary[];
  currentId: string | null;
  onOpen(id: string): void;
}

/** The left pane: every source with its publisher, date and number of highlights. Arrow keys move, Enter opens. */
export function SourceList({ sources, currentId, onOpen }: Props) {
  const move = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="option"]'));
    const index = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(items.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next >= 0 && !event.altKey) {
      event.preventDefault();
      items[next]?.focus();
    }
  };
  return (
    <nav className="pane sources" aria-label="Sources">
      <header className="pane-header">
        <h2>Sources</h2>
        <span className="count" aria-label={`${sources.length} sources`}>{sources.length}</span>
      </header>
      <ul role="listbox" aria-label="Sources" className="source-list" onKeyDown={move} id="source-list">
        {sources.map((s) => (
          <li
            key={s.id}
            role="option"
            aria-selected={s.id === currentId}
            tabIndex={s.id === currentId || (!currentId && s === sources[0]) ? 0 : -1}
            className="source-item"
            data-source-id={s.id}
            onClick={() => onOpen(s.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(s.id);
              }
            }}
          >
            <span className="source-title">{s.title}</span>
            <span className="source-meta">
              <span className="publisher">{s.publisher.replace(/\s*\(.*\)$/, '')}</span>
              <time dateTime={s.date}>{formatDate(s.date)}</time>
            </span>
            <span className="source-stats">
              <span className="highlight-count" title={`${s.highlightCount} highlights`}>
                {s.highlightCount} {s.highlightCount === 1 ? 'highlight' : 'highlights'}
              </span>
              {s.orphanCount > 0 && <span className="orphan-count">{s.orphanCount} orphaned</span>}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
