/**
 * Paths the analyst chose in the shell's own save dialog. The renderer is untrusted: it may export or print a PDF
 * only to a path this main process's dialog returned, and only once. Node only (no 'electron'), so it is tested
 * under Node.
 */
import { channelError } from '../core/errors';
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

/** The message for a destination the analyst did not choose in the save dialog. */
export const NOT_GRANTED = 'Choose where to save with the save dialog (Choose…): the app writes an export only where you chose, once.';
/** The refusals of the shell's checks, as they cross the boundary. */
export const NOT_GRANTED_ERROR = channelError('not-allowed', NOT_GRANTED);
export const UNTRUSTED_SENDER = channelError('not-allowed', 'Calls are accepted from the notebook window only.');
