/**
 * The interface language of this window: `msg(key, values)` gives a message of core's catalog in it. Switching
 * (View > Interface Language) sets the language here; StartupRoot shows the app again under it, so every view
 * reads its strings anew at once, and <html lang> follows.
 */
import { LOCALES, translate, type InterfaceLanguage, type MessageKey } from '../core/i18n/catalog';
import { formatNumber, type MessageValues } from '../core/i18n/format';
import { wordText, type MessageText } from '../core/i18n/message-text';

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

/** Things counted in the interface, each with its plural forms in the catalog (count.source: "1 source", "5 sources"). */
export type CountNoun = 'highlight' | 'source' | 'tag' | 'tagging' | 'subTag' | 'code' | 'note' | 'file' | 'paragraph' | 'passage' | 'mention' | 'statement' | 'result' | 'outlet' | 'entity' | 'sentence' | 'more';

/** "1 source", "5 sources"; «1 источник», «2 источника», «5 источников». */
export function counted(noun: CountNoun, n: number): string {
  return msg(`count.${noun}` as MessageKey, { count: n });
}

/**
 * A table of labels looked up when read: `KIND_LABEL.person` gives the message in the language of the moment, so a
 * module-level table follows a switch of language like everything else.
 */
export function labels<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[]) Object.defineProperty(out, k, { get: () => msg(keys[k]), enumerable: true });
  return out;
}

/**
 * A message the backend composed, in the interface language: an error (`{ message, text? }`, a CallError or a
 * QueryError) or a result's summary (`{ summary, summaryText? }`), worded from its catalog key and values; its
 * English `message`/`summary` only when it carries no key (a fault of the program, the disk's own words).
 */
export function messageText(said: { message?: string; text?: MessageText; summary?: string; summaryText?: MessageText } | null | undefined): string {
  if (!said) return '';
  const t = said.text ?? said.summaryText;
  if (t) return wordText(current, t);
  return said.message ?? said.summary ?? '';
}
