import { createHash } from 'node:crypto';

/**
 * SHA-256 of a text's UTF-8 bytes (or of bytes), hex: the backend's one hash, node:crypto's (ten times faster than
 * the pure-JS default that core/import/model.ts `contentHash` falls back to; core's importers take this one as
 * their `hash` option, so both give the same value).
 */
export function sha256(data: string | Uint8Array): string {
  return typeof data === 'string' ? createHash('sha256').update(data, 'utf8').digest('hex') : createHash('sha256').update(data).digest('hex');
}

/** The search engine's key of a text (core/search/engine.ts takes it as its Digest): SHA-1, base64, node:crypto's. */
export function textKey(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
