/**
 * The interface's message catalog: every string the analyst reads, in English and Russian, as data (en.json,
 * ru.json; keys by area). The renderer and the native menu look messages up here, so both follow one language
 * setting. Pure.
 */
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import { formatMessage, type MessageValues } from './format';

export type InterfaceLanguage = 'en' | 'ru';
export const INTERFACE_LANGUAGES: readonly InterfaceLanguage[] = ['en', 'ru'];
/** Each language's name in itself, as the setting lists them. */
export const LANGUAGE_NAMES: Record<InterfaceLanguage, string> = { en: 'English', ru: 'Русский' };

export type MessageKey = keyof typeof en;
export const CATALOGS: Record<InterfaceLanguage, Record<string, string>> = { en, ru };

/** The locale for numbers, dates and plural rules. */
export const LOCALES: Record<InterfaceLanguage, string> = { en: 'en-GB', ru: 'ru-RU' };

/** A stored or asked-for language, or English. */
export function interfaceLanguage(value: unknown): InterfaceLanguage {
  return value === 'ru' ? 'ru' : 'en';
}

/** The message `key` in `lang`, filled in; the English message when the language lacks it, the key when both do. */
export function translate(lang: InterfaceLanguage, key: MessageKey, values: MessageValues = {}): string {
  const message = CATALOGS[lang][key] ?? CATALOGS.en[key] ?? key;
  return formatMessage(message, values, LOCALES[lang]);
}

/** A command's label (menus, the shortcuts sheet) in `lang`. */
export function commandLabel(command: { id: string; label: string }, lang: InterfaceLanguage): string {
  const key = `command.${command.id}` as MessageKey;
  return key in CATALOGS[lang] ? translate(lang, key) : command.label;
}

/** A menu's title in `lang`: "File", «Файл». */
export function menuTitle(menu: 'File' | 'Edit' | 'View' | 'Help', lang: InterfaceLanguage): string {
  return translate(lang, `menu.${menu.toLowerCase()}` as MessageKey);
}

/** A notes-editor shortcut's label in `lang`. */
export function editorShortcutLabel(id: string, fallback: string, lang: InterfaceLanguage): string {
  const key = `editorShortcut.${id}` as MessageKey;
  return key in CATALOGS[lang] ? translate(lang, key) : fallback;
}
