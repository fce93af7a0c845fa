/**
 * A message the backend composes, as data: a key of the interface catalog and the values to fill in. It crosses the
 * contract beside the English sentence (errors as `text`, summaries as `summaryText`), so the window words it in the
 * analyst's language while the CLI, logs and tests keep reading English. A value may itself be a message (a reason
 * inside a refusal). Pure.
 */
import { z } from 'zod';
import { CATALOGS, translate, type InterfaceLanguage, type MessageKey } from './catalog';

export type TextValue = string | number | MessageText;
export interface MessageText {
  key: MessageKey;
  values?: Record<string, TextValue>;
}

/** How deep messages may nest in values (a reason inside a refusal inside a failure). */
const MAX_DEPTH = 4;

/** The message `key` with `values`: `sentence('tags.nameTaken', { name })`. */
export function sentence(key: MessageKey, values?: Record<string, TextValue>): MessageText {
  return values ? { key, values } : { key };
}

/** A sentence that comes from outside the catalog (the disk's or git's own words), shown as it is in every language. */
export function asIs(message: string): MessageText {
  return { key: 'backend.asIs', values: { message } };
}

/** `t` worded in `lang`; messages inside its values are worded first. */
export function wordText(lang: InterfaceLanguage, t: MessageText, depth = 0): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(t.values ?? {})) {
    values[name] = typeof v === 'object' ? (depth < MAX_DEPTH ? wordText(lang, v, depth + 1) : '') : v;
  }
  return translate(lang, t.key, values);
}

/** `t` in English: the `message` an error or summary keeps for the CLI, logs and tests. */
export const englishText = (t: MessageText): string => wordText('en', t);

/** A result's summary: the English sentence (`summary`) and the same as data (`summaryText`). */
export function summarised(t: MessageText): { summary: string; summaryText: MessageText } {
  return { summary: englishText(t), summaryText: t };
}

const isKey = (k: string): k is MessageKey => Object.prototype.hasOwnProperty.call(CATALOGS.en, k);

/** The shape as it crosses a process boundary: a key the catalog has, values that are strings, numbers or messages. */
export const messageTextSchema: z.ZodType<MessageText> = z.lazy(() =>
  z
    .object({
      key: z.string().refine(isKey, 'not a message of the catalog'),
      values: z.record(z.string(), z.union([z.string(), z.number(), messageTextSchema])).optional(),
    })
    .strict(),
) as z.ZodType<MessageText>;
