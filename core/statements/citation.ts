/** How a statement is cited in notes and lists: "Putin, 15 Oct 2021, RT [C3]" (issue 17). Pure. */
import { formatDateSaid } from './dates';
import { gradeLabel, type Credibility, type Reliability } from './grading';
import type { Statement } from './model';

/** A person is cited by surname ("Putin"); an organisation by its whole name ("CSTO", "Kremlin"). */
export function shortSpeaker(name: string, kind: string | undefined): string {
  if (kind !== 'person') return name;
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** The outlet as citations show it: the publisher without what the manifest adds in parentheses. */
export function shortOutlet(publisher: string): string {
  return publisher.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

export function attributionLabel(input: {
  statement?: Statement | null;
  speakerName?: string;
  speakerKind?: string;
  publisher: string;
  sourceDate?: string;
  reliability?: Reliability | null;
  credibility?: Credibility | null;
}): string {
  const grade = gradeLabel(input.reliability, input.credibility);
  const outlet = shortOutlet(input.publisher);
  const s = input.statement;
  const parts = s
    ? [s.mode === 'outlet-claim' ? outlet : shortSpeaker(input.speakerName ?? '', input.speakerKind), s.dateSaid ? formatDateSaid(s.dateSaid) : '', s.mode === 'outlet-claim' ? '' : outlet]
    : [outlet, input.sourceDate ? formatDateSaid(input.sourceDate) : ''];
  const text = parts.filter(Boolean).join(', ');
  return grade ? `${text} [${grade}]` : text;
}
