/**
 * Web addresses compared as the same page (issue 16: W3C annotations from Hypothesis or Recogito attach to the
 * source imported from that page). Lowercase scheme and host, no `www.`, no default port, no fragment, no trailing
 * slash, no tracking parameters (utm_*, fbclid, gclid, …), the remaining query sorted; http and https alike.
 * Returns '' for anything that is not an http(s) URL (a urn:, a file name).
 */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_ga|ref|ref_src|cmpid|ocid)$/i;

export function normaliseUrl(raw: string): string {
  const s = raw.trim();
  if (!/^https?:\/\//i.test(s)) return '';
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return '';
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // A malformed escape: compare as written.
  }
  return `${host}${port}${decoded}${query}`;
}

/** Two addresses of the same page? */
export const sameUrl = (a: string, b: string): boolean => {
  const x = normaliseUrl(a);
  return x !== '' && x === normaliseUrl(b);
};
