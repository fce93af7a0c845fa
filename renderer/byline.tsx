import { ADJUDICATED } from '../core/agreement/blind';
import { currentLocale, msg } from './i18n';
/** "by A. Petrova · 3 Dec": who made a highlight, note or statement and when it last changed (issue 19). */
const SHORT = (d: Date) => d.toLocaleDateString(currentLocale(), { day: 'numeric', month: 'short' });
const LONG = (d: Date) => d.toLocaleDateString(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
const FULL = (d: Date) => d.toLocaleString(currentLocale(), { dateStyle: 'long', timeStyle: 'short' });

/** "Anna Petrova" -> "A. Petrova"; a single name stays as it is. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name.trim();
  return `${parts[0][0]}. ${parts.slice(1).join(' ')}`;
}

function day(iso: string | undefined): { short: string; full: string } | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const short = d.getFullYear() === new Date().getFullYear() ? SHORT(d) : LONG(d);
  return { short, full: FULL(d) };
}

export function bylineText(creator: string | undefined, lastEditor: string | undefined, at: string | undefined): { text: string; title: string } | null {
  if (!creator && !lastEditor) return null;
  const when = day(at);
  const edited = lastEditor && lastEditor !== creator ? lastEditor : null;
  // The merged reading (issue 19): "adjudicated by A. Petrova", not "by Adjudicated".
  const who =
    creator === ADJUDICATED
      ? lastEditor
        ? msg('byline.adjudicatedBy', { name: shortName(lastEditor) })
        : msg('byline.adjudicated')
      : creator
        ? edited
          ? msg('byline.byEdited', { name: shortName(creator), editor: shortName(edited) })
          : msg('byline.by', { name: shortName(creator) })
        : msg('byline.editedBy', { name: shortName(lastEditor!) });
  const made = creator ? msg('byline.madeBy', { name: creator }) : msg('byline.makerUnknown');
  const title = `${made}${edited ? msg('byline.lastChangedBy', { name: edited }) : ''}${when ? `, ${when.full}` : ''}`;
  return { text: when ? `${who} · ${when.short}` : who, title };
}

export function Byline({ creator, lastEditor, at }: { creator?: string; lastEditor?: string; at?: string }) {
  const line = bylineText(creator, lastEditor, at);
  if (!line) return null;
  return (
    <span className="byline" title={line.title}>
      {line.text}
    </span>
  );
}
