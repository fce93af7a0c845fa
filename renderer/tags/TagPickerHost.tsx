import { msg } from '../i18n';
import { useMemo } from 'react';
import type { Highlight } from '../../core/model';
import { isCategoryTag } from '../../core/tags/default-codebook';
import { TagPicker } from './TagPicker';
import type { TagsApi } from './use-tags';

interface Props {
  tags: TagsApi;
  /** The open source's highlights (the picker's target lives there). */
  highlights: Highlight[];
}

/** The one tag picker for highlights: the T key, the selection popover's Tag…, a row's Tag… button, the bulk bar. */
export function TagPickerHost({ tags, highlights }: Props) {
  const request = tags.picker;
  const target = request?.target;
  const single = target?.type === 'highlight' ? highlights.find((h) => h.id === target.highlightId) : undefined;
  const bulkIds = target?.type === 'bulk' ? target.highlightIds : null;
  // Categories (People, Places …) are folders, not tags: never offered for a highlight.
  const categories = useMemo(() => new Set(tags.tags.filter(isCategoryTag).map((t) => t.id)), [tags.tags]);
  // Removing: only tags that some selected highlight carries.
  const removable = useMemo(() => {
    if (!bulkIds || target?.type !== 'bulk' || target.mode !== 'remove') return null;
    const ids = new Set(bulkIds);
    const present = new Set(highlights.filter((h) => ids.has(h.id)).flatMap((h) => h.tagIds));
    return new Set(tags.tags.filter((t) => !present.has(t.id)).map((t) => t.id));
  }, [bulkIds, target, highlights, tags.tags]);

  if (!request || !target) return null;
  if (target.type === 'highlight' && !single) return null;

  const create = (name: string, kind: Parameters<TagsApi['create']>[0]['kind']) => tags.create({ name, kind });
  if (target.type === 'highlight' && single) {
    const quote = single.quote.exact.replace(/\s+/g, ' ');
    return (
      <TagPicker
        key={single.id}
        tags={tags.tags}
        pinnedIds={tags.pinnedIds}
        recentIds={tags.recentIds}
        anchor={request.anchor}
        title={msg('tags.tag', { value: quote.length > 48 ? `${quote.slice(0, 47)}…` : quote })}
        applied={single.tagIds}
        exclude={categories}
        keepOpen
        allowCreate
        loading={!tags.loaded}
        onPick={(tag) => void tags.toggle(single.id, tag.id)}
        onCreate={create}
        onClose={tags.closePicker}
      />
    );
  }
  if (target.type !== 'bulk') return null;
  const n = target.highlightIds.length;
  return (
    <TagPicker
      tags={tags.tags}
      pinnedIds={tags.pinnedIds}
      recentIds={tags.recentIds}
      anchor={request.anchor}
      title={target.mode === 'add' ? msg('tags.addATagToHighlights', { n }) : msg('tags.removeATagFromHighlights', { n })}
      exclude={removable ?? (target.mode === 'add' ? categories : undefined)}
      allowCreate={target.mode === 'add'}
      loading={!tags.loaded}
      onPick={(tag) => void tags.bulk(target.highlightIds, target.mode, tag.id)}
      onCreate={target.mode === 'add' ? create : undefined}
      onClose={tags.closePicker}
    />
  );
}
