import { englishText, sentence, type MessageText, type TextValue } from '../../core/i18n/message-text';

/** Plain words for the file-system failures an analyst can meet, with what to do about them (catalog keys). */
const REASONS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EISDIR', 'EMFILE', 'EIO']);

/** "Could not save the notes: the disk is full; free some space (ENOSPC).", as a message; null for other failures. */
export function describeIoText(err: unknown, action: TextValue): MessageText | null {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code || !REASONS.has(code)) return null;
  return sentence('backend.io.couldNot', { action, reason: sentence(`backend.io.${code}` as MessageText['key']), code });
}

/** The same in English (logs, notices, the CLI). */
export function describeIoError(err: unknown, action: TextValue): string | null {
  const t = describeIoText(err, action);
  return t && englishText(t);
}
