/** The passages where two coders differ, side by side, each settled with one key (issue 19). */
import { useRef, useState } from 'react';
import type { AdjudicationChoice, ListedDisagreement } from '../../core/agreement/api';
import type { Tag } from '../../core/model';
import { labels, msg } from '../i18n';

const CHOICE_LABEL: Record<AdjudicationChoice, string> = labels({ a: 'agreement.keptA', b: 'agreement.keptB', both: 'agreement.keptBoth', neither: 'agreement.keptNeither' });

/** 1/a, 2/b, 3, 0/n: the choice a key makes; u: take back; null otherwise. */
function choiceOfKey(key: string): AdjudicationChoice | 'undo' | null {
  switch (key.toLowerCase()) {
    case '1':
    case 'a':
      return 'a';
    case '2':
    case 'b':
      return 'b';
    case '3':
      return 'both';
    case '0':
    case 'n':
      return 'neither';
    case 'u':
      return 'undo';
    default:
      return null;
  }
}

interface Props {
  items: readonly ListedDisagreement[];
  coders: readonly string[];
  tagsById: ReadonlyMap<string, Tag>;
  canDecide: boolean;
  onDecide(d: ListedDisagreement, choice: AdjudicationChoice | null): Promise<void>;
  onOpen(sourceId: string, start: number, end: number): void;
}

export function DisagreementList({ items, coders, tagsById, canDecide, onDecide, onOpen }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const [active, setActive] = useState(0);
  if (items.length === 0) return <p className="chart-empty">{msg('agreement.allAgree')}</p>;
  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i));
    setActive(next);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-row="${next}"]`)?.focus());
  };
  const act = async (i: number, choice: AdjudicationChoice | null) => {
    await onDecide(items[i], choice);
    // After a decision the next passage waits; after taking one back the same passage stays.
    if (choice !== null) focusRow(i + 1);
  };
  return (
    <ol className="disagreements" ref={list} aria-label={msg('agreement.passagesDiffer')}>
      {items.map((d, i) => {
        const tag = tagsById.get(d.tagId);
        return (
          <li
            key={d.key}
            data-row={i}
            data-key={d.key}
            className={`disagreement${d.decision ? ' decided' : ''}`}
            tabIndex={i === Math.min(active, items.length - 1) ? 0 : -1}
            aria-label={msg('agreement.rowLabel', { code: tag?.name ?? msg('agreement.code'), source: d.sourceTitle, state: d.decision ? CHOICE_LABEL[d.decision] : msg('agreement.notSettled') })}
            aria-keyshortcuts={canDecide ? '1 2 3 0 A B N U' : undefined}
            onFocus={() => setActive(i)}
            onKeyDown={(e) => {
              if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                focusRow(i + (e.key === 'ArrowDown' ? 1 : -1));
                return;
              }
              if (e.key === 'Enter') {
                e.preventDefault();
                onOpen(d.sourceId, d.start, d.end);
                return;
              }
              const choice = canDecide ? choiceOfKey(e.key) : null;
              if (!choice) return;
              // The app's own keys (1–9 quick tags, A…) must not act on the reader behind this view.
              e.preventDefault();
              e.stopPropagation();
              if (choice === 'undo') {
                if (d.decision) void act(i, null);
              } else void act(i, choice);
            }}
          >
            <div className="disagreement-head">
              <span className="code-swatch" style={{ background: tag?.color }} aria-hidden="true" />
              <strong>{tag?.name ?? d.tagId}</strong>
              <span className="muted">
                {' '}
                · {d.sourceTitle}
              </span>
              {d.decision && <span className="decision-badge">{CHOICE_LABEL[d.decision]}</span>}
            </div>
            <blockquote className="disagreement-passage">{d.text}</blockquote>
            <div className="sides">
              {coders.slice(0, Math.max(2, coders.length)).map((coder, k) => (
                <div key={coder} className={`side${d.decision === (k === 0 ? 'a' : 'b') || (d.decision === 'both' && k < 2) ? ' kept' : ''}`}>
                  <h3>
                    <span className="coder-letter">{String.fromCharCode(65 + k)}</span> {coder}
                  </h3>
                  {d.sideQuotes[k]?.length ? (
                    <ul>
                      {d.sideQuotes[k].map((q, j) => (
                        <li key={j}>
                          <q>{q}</q>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{msg('agreement.didNotCode')}</p>
                  )}
                </div>
              ))}
            </div>
            {canDecide && (
              <div className="decide" role="group" aria-label={msg('agreement.settlePassage')}>
                <button type="button" tabIndex={-1} aria-pressed={d.decision === 'a'} onClick={() => void act(i, 'a')}>
                  {msg('agreement.keepA')} <kbd>1</kbd>
                </button>
                <button type="button" tabIndex={-1} aria-pressed={d.decision === 'b'} onClick={() => void act(i, 'b')}>
                  {msg('agreement.keepB')} <kbd>2</kbd>
                </button>
                <button type="button" tabIndex={-1} aria-pressed={d.decision === 'both'} onClick={() => void act(i, 'both')}>
                  {msg('agreement.keepBoth')} <kbd>3</kbd>
                </button>
                <button type="button" tabIndex={-1} aria-pressed={d.decision === 'neither'} onClick={() => void act(i, 'neither')}>
                  {msg('agreement.keptNeither')} <kbd>0</kbd>
                </button>
                {d.decision && (
                  <button type="button" tabIndex={-1} className="link-button" onClick={() => void act(i, null)}>
                    {msg('command.edit.undo')} <kbd>U</kbd>
                  </button>
                )}
                <button type="button" tabIndex={-1} className="link-button open-passage" onClick={() => onOpen(d.sourceId, d.start, d.end)}>
                  {msg('agreement.openInReader')} <kbd>Enter</kbd>
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
