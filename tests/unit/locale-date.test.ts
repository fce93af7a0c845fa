import { describe, expect, it } from 'vitest';
import { datePattern, formatLocaleDate, parseLocaleDate } from '../../core/locale-date';

describe("dates in the analyst's locale", () => {
  it('shows the pattern and the date in the locale order', () => {
    expect(datePattern('de-DE')).toBe('dd.mm.yyyy');
    expect(datePattern('en-GB')).toBe('dd/mm/yyyy');
    expect(datePattern('en-US')).toBe('mm/dd/yyyy');
    expect(formatLocaleDate('2021-08-23', 'de-DE')).toBe('23.08.2021');
    expect(formatLocaleDate('2021-08-23', 'en-GB')).toBe('23/08/2021');
    expect(formatLocaleDate('2021-08-23', 'en-US')).toBe('08/23/2021');
    expect(formatLocaleDate('', 'en-US')).toBe('');
  });
  it('reads what is typed in that order, with any separator, and ISO dates as they are', () => {
    expect(parseLocaleDate('23.08.2021', 'de-DE')).toBe('2021-08-23');
    expect(parseLocaleDate('23/8/21', 'en-GB')).toBe('2021-08-23');
    expect(parseLocaleDate('8/23/2021', 'en-US')).toBe('2021-08-23');
    expect(parseLocaleDate('2021-08-23', 'en-US')).toBe('2021-08-23');
    expect(parseLocaleDate('  ', 'en-US')).toBe('');
  });
  it('refuses what is not a real date', () => {
    expect(parseLocaleDate('31.02.2021', 'de-DE')).toBeNull();
    expect(parseLocaleDate('23/08/2021', 'en-US')).toBeNull();
    expect(parseLocaleDate('yesterday', 'en-GB')).toBeNull();
    expect(parseLocaleDate('1.2', 'de-DE')).toBeNull();
  });
});
