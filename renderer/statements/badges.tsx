import { msg } from '../i18n';
import type { Highlight, Tag } from '../../core/model';
import { formatDateSaid } from '../../core/statements/dates';
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, type Reliability } from '../../core/statements/grading';
import { MODE_LABEL } from '../../core/statements/model';
import '../styles/statements.css';

/** A source's reliability grade in the sources list, with its meaning for the pointer and screen readers. */
export function ReliabilityBadge({ grade }: { grade?: Reliability }) {
  if (!grade) return null;
  const meaning = msg('statements.sourceGraded2', { grade, value: RELIABILITY_MEANING[grade] });
  return (
    <span className={`grade-badge${grade === 'E' || grade === 'F' ? ' weak' : ''}`} title={meaning} aria-label={meaning}>
      {grade}
    </span>
  );
}

/** A highlight's statement (speaker, date, mode) and credibility, in the highlights panel. */
export function StatementBadge({ h, tagsById }: { h: Highlight; tagsById: Map<string, Tag> }) {
  if (!h.statement && !h.credibility) return null;
  const speaker = h.statement?.speakerTagId ? (tagsById.get(h.statement.speakerTagId)?.name ?? msg('statements.deletedTag')) : h.statement ? 'outlet' : '';
  return (
    <span className="statement-badge">
      {h.statement && (
        <>
          <strong>{speaker}</strong>, {formatDateSaid(h.statement.dateSaid)} · {MODE_LABEL[h.statement.mode]}{' '}
        </>
      )}
      {h.credibility && (
        <span className={`grade-badge${h.credibility >= 5 ? ' weak' : ''}`} title={msg('statements.credibility', { credibility: h.credibility, value: CREDIBILITY_MEANING[h.credibility] })} aria-label={msg('statements.credibility', { credibility: h.credibility, value: CREDIBILITY_MEANING[h.credibility] })}>
          {h.credibility}
        </span>
      )}
    </span>
  );
}
