/** Paste sanitising for the editor's transformPastedHTML: the policy of core/notes/paste-policy.ts on this window. */
import DOMPurify from 'dompurify';
import { createPasteSanitizer } from '../../core/notes/paste-policy';

let sanitize: ((html: string) => string) | null = null;

export function sanitizePastedHTML(html: string): string {
  sanitize ??= createPasteSanitizer(DOMPurify(window));
  return sanitize(html);
}
