import { channelError, textError, type ChannelError, type ErrorCode } from '../../core/errors';
import { englishText, type MessageText, type TextValue } from '../../core/i18n/message-text';
import { describeIoText } from './io-errors';

/**
 * A user-facing failure: a catalog message (`text`, worded in the analyst's language by the window; `message` is its
 * English for the CLI and logs); its code (core/errors.ts) travels with it across the boundary. Most are refusals
 * ("a tag of that name exists"): the default code.
 */
export class NotebookError extends Error {
  override name = 'NotebookError';
  readonly code: ErrorCode;
  readonly details?: ChannelError['details'];
  readonly text: MessageText;
  constructor(text: MessageText, code: ErrorCode = 'refused', details?: ChannelError['details']) {
    super(englishText(text));
    this.text = text;
    this.code = code;
    if (details) this.details = details;
  }

  /** As it crosses the boundary. */
  toChannelError(): ChannelError {
    return { code: this.code, message: this.message, text: this.text, ...(this.details ? { details: this.details } : {}) };
  }
}

/** The notebook cannot be opened at all, not even read-only (e.g. its sources folder is a file): a backup can help. */
export class UnopenableNotebookError extends NotebookError {
  override name = 'UnopenableNotebookError';
  constructor(text: MessageText) {
    super(text, 'unopened');
  }
}

/**
 * Any failure as it crosses the boundary: a NotebookError as it is; a file-system failure in plain words (code
 * 'io'); anything else is a fault of the program, logged, and named with `fallback` ("The notebook could not
 * complete …").
 */
export function toChannelError(err: unknown, action: TextValue, fallback: string, log?: (err: unknown) => void): ChannelError {
  if (err instanceof NotebookError) return err.toChannelError();
  log?.(err);
  const io = describeIoText(err, action);
  if (io) return textError('io', io);
  return channelError('internal', `${fallback}: ${(err as Error)?.message ?? String(err)}`);
}
