import { labels, msg } from '../i18n';
import { Building2, Hash, MapPin, Tag as TagIcon, User, Users } from 'lucide-react';
import type { Tag, TagKind } from '../../core/model';
import { TAG_KINDS } from '../../core/model';

export const KIND_LABEL: Record<TagKind, string> = labels({
  person: 'kinds.person',
  organisation: 'kinds.organisation',
  place: 'kinds.place',
  group: 'kinds.group',
  theme: 'kinds.theme',
  other: 'kinds.other',
});

export const KINDS = TAG_KINDS;

const ICONS: Record<TagKind, typeof User> = { person: User, organisation: Building2, place: MapPin, group: Users, theme: Hash, other: TagIcon };

/** The kind as an icon with its name for assistive technology and as a tooltip: colour is never the only signal. */
export function KindIcon({ kind, size = 13 }: { kind: TagKind; size?: number }) {
  const Icon = ICONS[kind];
  return (
    <span className={`kind-icon kind-${kind}`} title={KIND_LABEL[kind]} role="img" aria-label={KIND_LABEL[kind]}>
      <Icon size={size} aria-hidden="true" strokeWidth={2.2} />
    </span>
  );
}

/** A tag as a small chip: its colour (a dot and a tint, from the shared .tag-chip style), kind icon, name. */
export function TagChip({ tag, onRemove, title }: { tag: Tag; onRemove?(): void; title?: string }) {
  return (
    <span className="tag-chip" data-tag-id={tag.id} title={title ?? tag.name} style={{ ['--tag-color' as string]: tag.color }}>
      <KindIcon kind={tag.kind} size={11} />
      <span className="tag-chip-name">{tag.name}</span>
      {onRemove && (
        <button type="button" className="tag-chip-remove" aria-label={msg('tags.removeTag', { name: tag.name })} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
