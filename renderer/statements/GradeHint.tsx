import { msg } from '../i18n';
import { CREDIBILITY_GRADES, CREDIBILITY_MEANING, RELIABILITY_GRADES, RELIABILITY_MEANING } from '../../core/statements/grading';

/** Shown after G: the next key grades, with the NATO/Admiralty meaning of each grade. */
export function GradeHint({ hasHighlight }: { hasHighlight: boolean }) {
  return (
    <div className="grade-hint" role="status" aria-live="polite">
      <strong>{msg('statements.grade')}</strong>{' '}{msg('statements.press')}{' '}<kbd>A</kbd>–<kbd>F</kbd>{' '}{msg('statements.forTheSourceSReliability')}{hasHighlight ? <>{' '}{msg('statements.or')}{' '}<kbd>1</kbd>–<kbd>6</kbd>{' '}{msg('statements.forTheSelectedPassageS')}</> : msg('statements.selectAHighlightToGrade')}; <kbd>{msg('statements.esc')}</kbd>{' '}{msg('statements.cancels')}
      <dl>
        {RELIABILITY_GRADES.map((g, i) => (
          <div key={g} style={{ display: 'contents' }}>
            <dt>{g}</dt>
            <dd>{RELIABILITY_MEANING[g]}</dd>
            <dt>{CREDIBILITY_GRADES[i]}</dt>
            <dd>{CREDIBILITY_MEANING[CREDIBILITY_GRADES[i]]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
