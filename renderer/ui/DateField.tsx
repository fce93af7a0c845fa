import { currentLanguage, currentLocale, msg } from '../i18n';
import { useEffect, useId, useState } from 'react';
import { datePattern, formatLocaleDate, parseLocaleDate } from '../../core/locale-date';

/** The analyst's locale (Electron passes the system's), for the order of day, month and year. */
// The Russian interface writes dates the Russian way; the English one keeps the order of the analyst's own locale.
const locale = (): string => (currentLanguage() === 'ru' ? currentLocale() : navigator.language || 'en-GB');

/**
 * A date filter typed in the analyst's locale order ("23.08.2021", "23/08/2021", "08/23/2021"), held as ISO.
 * What is not a date is shown as an error beside the field and changes nothing.
 */
export function DateField({ value, onChange, label }: { value: string; onChange(iso: string): void; label: string }) {
  const [text, setText] = useState(() => formatLocaleDate(value, locale()));
  const [bad, setBad] = useState(false);
  const errorId = useId();
  useEffect(() => setText(formatLocaleDate(value, locale())), [value]);
  const commit = () => {
    const iso = parseLocaleDate(text, locale());
    setBad(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  };
  const pattern = datePattern(locale());
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        aria-label={label}
        placeholder={pattern}
        size={pattern.length + 1}
        value={text}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          // A whole date (four-digit year) applies as it is typed; a part of one waits for Enter or leaving the field.
          const iso = /\d{4}/.test(e.target.value) ? parseLocaleDate(e.target.value, locale()) : null;
          if (iso) {
            setBad(false);
            if (iso !== value) onChange(iso);
          } else if (!e.target.value.trim()) {
            setBad(false);
            if (value) onChange('');
          }
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {bad && (
        <span className="date-error" id={errorId} role="alert">
          {' '}{msg('ui.notADateTypeIt', { pattern })}{' '}</span>
      )}
    </span>
  );
}
