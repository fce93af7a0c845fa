/**
 * The interface language of this window: `msg(key, values)` gives a message of core's catalog in it. Switching
 * (View > Interface Language) sets the language here; StartupRoot shows the app again under it, so every view
 * reads its strings anew at once, and <html lang> follows.
 */
import { LOCALES, translate, type InterfaceLanguage, type MessageKey } from '../core/i18n/catalog';
import { formatNumber, type MessageValues } from '../core/i18n/format';

let current: InterfaceLanguage = 'en';
const listeners = new Set<(lang: InterfaceLanguage) => void>();

export function msg(key: MessageKey, values?: MessageValues): string {
  return translate(current, key, values);
}

export function currentLanguage(): InterfaceLanguage {
  return current;
}

/** The locale for numbers and dates in this language. */
export function currentLocale(): string {
  return LOCALES[current];
}

/** A number as the interface language writes it. */
export function num(n: number): string {
  return formatNumber(n, LOCALES[current]);
}

export function setInterfaceLanguage(lang: InterfaceLanguage): void {
  document.documentElement.lang = lang;
  if (lang === current) return;
  current = lang;
  for (const l of listeners) l(lang);
}

export function onInterfaceLanguage(listener: (lang: InterfaceLanguage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
