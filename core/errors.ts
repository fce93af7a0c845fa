/**
 * Errors as data (issue 14): every failure that crosses a process boundary (the contract's channels, the shell's
 * channels, the CLI) travels as `{ code, message, details? }`. The message is for the analyst, as it is shown; the
 * code is for the program (what to offer next); details carry what a caller may act on (the path that exists, the
 * pid that holds the lock). A message the backend composes also travels as `text` (a catalog key and its values,
 * core/i18n/message-text.ts), so the window shows it in the interface language; `message` stays English.
 */
import { englishText, messageTextSchema, type MessageText } from './i18n/message-text';

export const ERROR_CODES = [
  /** The channel does not exist. */
  'unknown-channel',
  /** The input failed the contract's schema; nothing ran. */
  'invalid-input',
  /** Something the input names (a source, tag, highlight, collection, job) is not in the notebook. */
  'not-found',
  /** The change was refused as it stands (a name taken, a rule of the notebook); nothing changed. */
  'refused',
  /** The notebook is open read-only (a damaged file, a full or read-only disk, --read-only). */
  'read-only',
  /** Another process holds the notebook. */
  'locked',
  /** A file to import was refused (wrong shape, too large, unreadable). */
  'import-refused',
  /** Heavy work was stopped (time or memory limit, or cancelled). */
  'stopped',
  /** The disk refused (full, read-only, permission). */
  'io',
  /** The window or caller is not allowed to do this (the shell's grants). */
  'not-allowed',
  /** The notebook could not be opened; only the start-up screen's channels work. */
  'unopened',
  /** A fault of the program: the message says what failed. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ChannelError {
  code: ErrorCode;
  message: string;
  /** The message as data, for the interface language; `message` is it in English. */
  text?: MessageText;
  details?: Record<string, string | number | boolean>;
}

export const channelError = (code: ErrorCode, message: string, details?: ChannelError['details']): ChannelError => ({ code, message, ...(details ? { details } : {}) });

/** An error whose message is a catalog message: `message` is its English, `text` the data. */
export const textError = (code: ErrorCode, t: MessageText, details?: ChannelError['details']): ChannelError => ({ code, message: englishText(t), text: t, ...(details ? { details } : {}) });

/** Is this a ChannelError (from another process, so checked by shape)? */
export function isChannelError(x: unknown): x is ChannelError {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ChannelError).message === 'string' &&
    (ERROR_CODES as readonly string[]).includes((x as ChannelError).code) &&
    ((x as ChannelError).text === undefined || messageTextSchema.safeParse((x as ChannelError).text).success)
  );
}

/** An Error on the calling side that keeps the code (a renderer or test that awaits a failed call). */
export class CallError extends Error {
  override name = 'CallError';
  readonly code: ErrorCode;
  readonly details?: ChannelError['details'];
  readonly text?: MessageText;
  constructor(error: ChannelError) {
    super(error.message);
    this.code = error.code;
    if (error.details) this.details = error.details;
    if (error.text) this.text = error.text;
  }
}
