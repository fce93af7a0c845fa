import { msg } from '../i18n';
import { useEffect, useMemo, useState } from 'react';
import type { Tag } from '../../core/model';
import type { MentionRow } from '../../core/tags/api';
import { call } from '../api';
import { Modal } from '../ui/Modal';
import { formatDate } from '../format';
import type { TagsApi } from './use-tags';

interface Props {
  tag: Tag;
  api: TagsApi;
  onClose(): void;
}

const key = (m: MentionRow) => `${m.sourceId}:${m.start}-${m.end}`;

/**
 * "Tag all mentions": every untagged mention of a tag's name and aliases across the notebook, grouped by source, all
 * checked; the analyst unchecks the wrong ones and tags the rest in one step (undoable).
 */
export function MentionsReview({ tag, api, onClose }: Props) {
  const [mentions, setMentions] = useState<MentionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    call('findMentions', { tagId: tag.id }).then(
      (r) => {
        if (!live) return;
        setMentions(r.mentions);
        setChecked(new Set(r.mentions.map(key)));
      },
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [tag.id]);

  const groups = useMemo(() => {
    const m = new Map<string, { title: string; date: string; rows: MentionRow[] }>();
    for (const row of mentions ?? []) {
      const g = m.get(row.sourceId) ?? { title: row.sourceTitle, date: row.date, rows: [] };
      g.rows.push(row);
      m.set(row.sourceId, g);
    }
    return [...m.entries()];
  }, [mentions]);

  const names = [tag.name, ...tag.aliases].map((n) => `“${n}”`).join(', ');
  const selected = (mentions ?? []).filter((m) => checked.has(key(m)));

  const submit = async () => {
    if (selected.length === 0) return;
    setSaving(true);
    const ok = await api.tagPassages(
      tag.id,
      selected.map(({ sourceId, start, end }) => ({ sourceId, start, end })),
    );
    setSaving(false);
    if (ok) onClose();
  };

  const toggle = (k: string) =>
    setChecked((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  return (
    <Modal title={msg('tags.tagAllMentionsOf', { name: tag.name })} onClose={onClose}>
      <div className="mentions-review" onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}>
        <p className="mentions-summary">
          
          {msg('tags.mentionsOf')}{' '}{names}{' '}{msg('tags.inEverySourceThatAre')}{tag.name}{msg('tags.yet')}
          {mentions && msg('tags.foundInSource', { mentionCount: mentions.length, groupCount: groups.length })}
        </p>
        {error && <p className="form-error" role="alert">{error}</p>}
        {!mentions && !error && (
          <p role="status" className="muted">
            
            {msg('tags.searchingEverySource')}
          </p>
        )}
        {mentions && mentions.length === 0 && <p className="muted">{msg('tags.everyMentionIsTaggedAlready')}</p>}
        {groups.length > 0 && (
          <div className="mentions-list" role="group" aria-label={msg('tags.mentions')}>
            {groups.map(([sourceId, g]) => (
              <section key={sourceId} className="mentions-source">
                <h3>
                  {g.title} <span className="muted">· {formatDate(g.date)}</span>
                </h3>
                <ul>
                  {g.rows.map((m) => (
                    <li key={key(m)}>
                      <label className="mention-row">
                        <input type="checkbox" checked={checked.has(key(m))} onChange={() => toggle(key(m))} />
                        <span className="context">
                          {m.before && <>…{m.before}</>}
                          <mark>{m.text}</mark>
                          {m.after && <>{m.after}…</>}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
        <div className="dialog-actions">
          <span className="muted">
            {selected.length}{' '}{msg('tags.of')}{' '}{mentions?.length ?? 0}{' '}{msg('tags.selected')}
          </span>
          <button type="button" onClick={() => setChecked(new Set((mentions ?? []).map(key)))} disabled={!mentions?.length}>
            
            {msg('tags.selectAll')}
          </button>
          <button type="button" onClick={() => setChecked(new Set())} disabled={!mentions?.length}>
            
            {msg('tags.selectNone')}
          </button>
          <button type="button" className="primary-button" disabled={saving || selected.length === 0} onClick={() => void submit()}>
            
            {msg('tags.tagMentionsCount', { count: selected.length })}
          </button>
        </div>
      </div>
    </Modal>
  );
}
