import { channelError, type ChannelError, type ErrorCode } from '../../core/errors';
import { describeIoError } from './io-errors';

/**
 * A user-facing failure: its message is shown to the analyst as it is; its code (core/errors.ts) travels with it
 * across the boundary. Most are refusals ("a tag of that name exists"): the default code.
 */
export class NotebookError extends Error {
  override name = 'NotebookError';
  readonly code: ErrorCode;
  readonly details?: ChannelError['details'];
  constructor(message: string, code: ErrorCode = 'refused', details?: ChannelError['details']) {
    super(message);
    this.code = code;
    if (details) this.details = details;
  }

  /** As it crosses the boundary. */
  toChannelError(): ChannelError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** The notebook cannot be opened at all, not even read-only (e.g. its sources folder is a file): a backup can help. */
export class UnopenableNotebookError extends NotebookError {
  override name = 'UnopenableNotebookError';
  constructor(message: string) {
    super(message, 'unopened');
  }
}

/**
 * Any failure as it crosses the boundary: a NotebookError as it is; a file-system failure in plain words (code
 * 'io'); anything else is a fault of the program, logged, and named with `fallback` ("The notebook could not
 * complete …").
 */
export function toChannelError(err: unknown, action: string, fallback: string, log?: (err: unknown) => void): ChannelError {
  if (err instanceof NotebookError) return err.toChannelError();
  log?.(err);
  const io = describeIoError(err, action);
  if (io) return channelError('io', io);
  return channelError('internal', `${fallback}: ${(err as Error)?.message ?? String(err)}`);
}
