/**
 * Paths the analyst chose in the shell's own save dialog. The renderer is untrusted: it may export or print a PDF
 * only to a path this main process's dialog returned, and only once. Node only (no 'electron'), so it is tested
 * under Node.
 */
import { textError } from '../core/errors';
import { sentence } from '../core/i18n/message-text';
import { resolve } from 'node:path';
import { caseInsensitivePaths } from './backend/exchange/paths';

/** A path as compared: absolute, normalised, and folded to lower case where the file system ignores case. */
export function pathKey(path: string, platform: NodeJS.Platform = process.platform): string {
  const absolute = resolve(path);
  return caseInsensitivePaths(platform) ? absolute.toLowerCase() : absolute;
}

export class SaveGrants {
  private readonly granted = new Set<string>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  /** The save dialog returned this path. */
  grant(path: string): void {
    this.granted.add(pathKey(path, this.platform));
  }

  /** Was this path granted (and not used yet)? */
  has(path: string): boolean {
    return this.granted.has(pathKey(path, this.platform));
  }

  /** Use the grant: true once for a granted path, then false. */
  take(path: string): boolean {
    return this.granted.delete(pathKey(path, this.platform));
  }
}

/** The refusals of the shell's checks, as they cross the boundary: a destination the analyst did not choose in the save dialog, a call from another frame. */
export const NOT_GRANTED_ERROR = textError('not-allowed', sentence('backend.shell.notGranted'));
export const UNTRUSTED_SENDER = textError('not-allowed', sentence('backend.shell.untrustedSender'));
