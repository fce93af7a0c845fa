import { labels, msg } from '../i18n';
import { useEffect, useState } from 'react';
import type { Highlight } from '../../core/model';

/** Remembered in this window's storage: once dismissed (or finished), the guide does not come back. */
export const GUIDE_DISMISSED_KEY = 'nb-guide-dismissed';

const STEPS = [
  labels({ title: 'shell.steps.highlightTitle', body: 'shell.steps.highlightBody' }),
  labels({ title: 'shell.steps.tagTitle', body: 'shell.steps.tagBody' }),
  labels({ title: 'shell.steps.noteTitle', body: 'shell.steps.noteBody' }),
];

/**
 * First launch: a short walk through the first highlight, tag and note on a seed article, shown on a brand-new
 * notebook only. It follows what the analyst does (each step ticks itself) and is dismissed with Escape or Dismiss.
 */
export function FirstSteps({ newNotebook, highlights }: { newNotebook: boolean; highlights: readonly Highlight[] }) {
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(GUIDE_DISMISSED_KEY) === '1' || !newNotebook);
  const step = highlights.length === 0 ? 0 : !highlights.some((h) => h.tagIds.length > 0) ? 1 : !highlights.some((h) => h.note) ? 2 : 3;
  const dismiss = () => {
    localStorage.setItem(GUIDE_DISMISSED_KEY, '1');
    setDismissed(true);
  };
  useEffect(() => {
    if (step === 3) localStorage.setItem(GUIDE_DISMISSED_KEY, '1');
  }, [step]);
  if (dismissed) return null;
  return (
    <section
      className="first-steps"
      aria-label={msg('shell.gettingStarted')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          dismiss();
        }
      }}
    >
      <h2>{step === 3 ? msg('shell.youHaveTheBasics') : msg('shell.gettingStarted')}</h2>
      <ol>
        {STEPS.map((s, i) => (
          <li key={s.title} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : i === step ? 'current' : undefined}>
            <strong>
              {i < step ? '✓ ' : ''}
              {s.title}
            </strong>
            {i === step && <span>{s.body}</span>}
          </li>
        ))}
      </ol>
      {step === 3 && <p>{msg('shell.nextTheCodebookCtrl5')}</p>}
      <button type="button" onClick={dismiss} title={msg('shell.hideThisGuideEsc')}>
        {step === 3 ? msg('shell.close') : msg('shell.dismiss')}
      </button>
    </section>
  );
}
