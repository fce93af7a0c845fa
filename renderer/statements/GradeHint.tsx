import { CREDIBILITY_GRADES, CREDIBILITY_MEANING, RELIABILITY_GRADES, RELIABILITY_MEANING } from '../../core/statements/grading';

/** Shown after G: the next key grades, with the NATO/Admiralty meaning of each grade. */
export function GradeHint({ hasHighlight }: { hasHighlight: boolean }) {
  return (
    <div className="grade-hint" role="status" aria-live="polite">
      <strong>Grade:</strong> press <kbd>A</kbd>–<kbd>F</kbd> for the source’s reliability{hasHighlight ? <> or <kbd>1</kbd>–<kbd>6</kbd> for the selected passage’s credibility</> : ' (select a highlight to grade it 1–6)'}; <kbd>Esc</kbd> cancels.
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
