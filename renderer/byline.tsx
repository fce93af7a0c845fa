import { ADJUDICATED } from '../core/agreement/blind';
/** "by A. Petrova · 3 Dec": who made a highlight, note or statement and when it last changed (issue 19). */
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const FULL = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

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
  const short = d.getFullYear() === new Date().getFullYear() ? SHORT.format(d) : LONG.format(d);
  return { short, full: FULL.format(d) };
}

export function bylineText(creator: string | undefined, lastEditor: string | undefined, at: string | undefined): { text: string; title: string } | null {
  if (!creator && !lastEditor) return null;
  const when = day(at);
  const edited = lastEditor && lastEditor !== creator ? lastEditor : null;
  // The merged reading (issue 19): "adjudicated by A. Petrova", not "by Adjudicated".
  const who =
    creator === ADJUDICATED
      ? `adjudicated${lastEditor ? ` by ${shortName(lastEditor)}` : ''}`
      : creator
        ? `by ${shortName(creator)}${edited ? `, edited by ${shortName(edited)}` : ''}`
        : `edited by ${shortName(lastEditor!)}`;
  const title = `${creator ? `Made by ${creator}` : 'Maker not recorded'}${edited ? `; last changed by ${edited}` : ''}${when ? `, ${when.full}` : ''}`;
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
