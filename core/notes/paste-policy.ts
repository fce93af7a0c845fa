/**
 * What survives a paste into a note. HTML from other apps is data, never code: the structure the note schema can
 * hold (headings, paragraphs, lists, quotes, links, emphasis, code) is kept; scripts, styles, images, frames, forms
 * and event handlers are dropped. The DOMPurify instance is passed in (the renderer's window, or jsdom in tests), so
 * this module itself needs no DOM. The schema's parse rules then keep only http(s)/mailto links.
 */
import type { Config, DOMPurify } from 'dompurify';

export const PASTE_ALLOWED_TAGS = [
  'p', 'br', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr', 'pre',
  'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'code', 'u', 's', 'sub', 'sup',
  'table', 'thead', 'tbody', 'tr', 'td', 'th',
  // A citation copied inside the app.
  'figure', 'figcaption',
];

// `style` survives only as font-weight / font-style (see keepEmphasisStyles): Google Docs and Word mark emphasis so.
export const PASTE_ALLOWED_ATTR = ['href', 'title', 'start', 'style'];

const CONFIG: Config = {
  ALLOWED_TAGS: PASTE_ALLOWED_TAGS,
  ALLOWED_ATTR: PASTE_ALLOWED_ATTR,
  // data-* carries ProseMirror's own slice info (data-pm-slice) and a citation's attrs on copy inside the app.
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: false,
  // Every other allowed attribute value must look like one of these: only `href` is a URL here, so `start` is listed
  // as URI-safe (its value is a number, parsed by the schema).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  ADD_URI_SAFE_ATTR: ['start'],
  KEEP_CONTENT: true,
  RETURN_TRUSTED_TYPE: false,
};

const EMPHASIS_STYLE = /^\s*(font-weight|font-style)\s*:\s*([a-z0-9]+)\s*(?:!important\s*)?$/i;

/** Only the declarations that mean emphasis, and only plain keyword or number values. */
export function keepEmphasisStyles(style: string): string {
  return style
    .split(';')
    .map((decl) => EMPHASIS_STYLE.exec(decl))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1].toLowerCase()}: ${m[2].toLowerCase()}`)
    .join('; ');
}

/**
 * A sanitiser bound to its own DOMPurify instance (create one per use with DOMPurify(window)): the style hook is
 * added to that instance only, so other parts of the app sanitise as they choose.
 */
export function createPasteSanitizer(purify: DOMPurify): (html: string) => string {
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName !== 'style') return;
    const kept = keepEmphasisStyles(data.attrValue);
    if (kept) data.attrValue = kept;
    else data.keepAttr = false;
  });
  return (html) => purify.sanitize(html, CONFIG) as unknown as string;
}
