/**
 * Hashes for pure code (issue 14): core/ cannot load node:crypto, so what needs a digest takes one (`Digest`) and the
 * backend supplies node:crypto's; where none is given, `textDigest` (pure, 128 bits) stands in. Change detection
 * and stable ids need stability, not secrecy.
 */

/** A text's digest: equal texts give equal strings; different texts, different ones (for any practical purpose). */
export type Digest = (text: string) => string;

/**
 * A 128-bit non-cryptographic hash (cyrb128 by bryc, public domain): fast enough for hundreds of thousands of ids
 * per export. Stability matters here, not secrecy.
 */
export function hash128(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}


/** The pure default digest: 128 bits of cyrb128, as 32 hex digits. */
export const textDigest: Digest = (text) => hash128(text).map((n) => n.toString(16).padStart(8, '0')).join('');
